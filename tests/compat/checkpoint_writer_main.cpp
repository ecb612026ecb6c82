// checkpoint_writer DIR VERSION: saves version 1 or 2 of a small checkpoint
// into DIR, as training does after an epoch. The fault-injection test kills it
// at each of its system calls.
#include <ATen/CPUGeneratorImpl.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "compat/checkpoint_io.h"

using namespace w2w::compat;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: checkpoint_writer DIR 1|2\n");
    return 2;
  }
  const int version = std::atoi(argv[2]);
  at::set_num_threads(1);
  CheckpointInfo info;
  info.encoderId = "synthetic";
  info.encoderKind = "synthetic";
  info.encoderSpec = "synthetic";
  info.encoderDim = 12;
  info.config.head.inputDim = 12;
  info.config.head.hiddenDim = 16;
  info.config.head.outputDim = 8;
  info.config.head.ensemble = 2;
  info.config.threads = 1;
  info.epochsDone = version;
  info.bestEpoch = version;
  CompatHead head(info.config.head);
  at::Generator generator = at::detail::createCPUGenerator(static_cast<std::uint64_t>(version));
  head->initialize(generator);
  AdamW optimizer(headTensors(*head), info.config.weightDecay);
  optimizer.setSteps(version);
  const w2w::Status saved = saveCheckpoint(argv[1], info, cloneTensors(headTensors(*head)), *head, optimizer);
  if (!saved) {
    std::fprintf(stderr, "%s\n", saved.message().c_str());
    return 1;
  }
  return 0;
}
