// Trains the garment parser (vision/parser_net.h) on the CCP dev split and
// writes it as safetensors. Independent of the what2wear executable; see
// docs/results/crops.md for the command that produced the shipped model.
//
//   w2w_train_garment_parser --data ../shared/datasets/ccp --out parser.safetensors
//       [--first 1 --last 400] [--epochs 30] [--batch 16] [--lr 0.003] [--seed 7] [--threads 2]
//       [--class-weights 1,1,1,1.2,2,1.2,1]
//
// Reproducible from the seed: the order of photos, every augmentation and the
// initial weights come from it (bit-exact only with the same thread count).
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "io/cv_convert.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "parser_augment.h"
#include "vision/ccp_dataset.h"
#include "vision/garment_labels.h"
#include "vision/parser_net.h"

namespace {

using namespace w2w;

struct Options {
  std::string data, out;
  int first = 1, last = 400, epochs = 30, batch = 16, seed = 7, threads = 2;
  double lr = 3e-3;
  // Small garments (shoes) are few pixels; weigh them up so they are not ignored.
  std::vector<float> weights = {1.0f, 1.0f, 1.0f, 1.2f, 2.0f, 1.2f, 1.0f};
};

std::vector<float> parseWeights(const std::string& text) {
  std::vector<float> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    out.push_back(std::stof(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

bool parseOptions(int argc, char** argv, Options* o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--data")
      o->data = value;
    else if (key == "--out")
      o->out = value;
    else if (key == "--first")
      o->first = std::stoi(value);
    else if (key == "--last")
      o->last = std::stoi(value);
    else if (key == "--epochs")
      o->epochs = std::stoi(value);
    else if (key == "--batch")
      o->batch = std::stoi(value);
    else if (key == "--seed")
      o->seed = std::stoi(value);
    else if (key == "--threads")
      o->threads = std::stoi(value);
    else if (key == "--lr")
      o->lr = std::stod(value);
    else if (key == "--class-weights")
      o->weights = parseWeights(value);
    else
      return false;
  }
  return argc % 2 == 1 && !o->data.empty() && !o->out.empty() && o->weights.size() == kGarmentLabelCount;
}

std::string commandLine(int argc, char** argv) {
  std::string s = "w2w_train_garment_parser";
  for (int i = 1; i < argc; ++i) s += std::string(" ") + argv[i];
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!parseOptions(argc, argv, &opt)) {
    std::fprintf(
        stderr,
        "usage: w2w_train_garment_parser --data CCP_DIR --out FILE.safetensors [--first N --last N]\n"
        "       [--epochs N] [--batch N] [--lr X] [--seed S] [--threads N]\n");
    return 2;
  }
  at::set_num_threads(opt.threads);
  cv::setNumThreads(1);
  torch::manual_seed(opt.seed);
  std::mt19937 rng(static_cast<std::uint32_t>(opt.seed));

  auto dataset = loadCcpDataset(opt.data);
  if (!dataset) {
    std::fprintf(stderr, "error: %s\n", dataset.message().c_str());
    return 1;
  }
  std::vector<TrainingSample> samples;
  for (const CcpRecord* r : ccpStrictPixelRecords(*dataset, opt.first, opt.last)) {
    auto photo = decodeImageFile(r->photo);
    auto maskBytes = readFileBytes(r->mask);
    if (!photo || !maskBytes) {
      std::fprintf(stderr, "error: cannot read photo %s\n", r->id.c_str());
      return 1;
    }
    auto mask = decodeMaskPng(*maskBytes);
    if (!mask) return 1;
    samples.push_back(makeTrainingSample(rgbView(photo->image), grayView(ccpLabelMap(*dataset, *mask))));
  }
  std::fprintf(stderr, "training on %zu photos (ids %04d-%04d with masks and no warnings)\n", samples.size(),
               opt.first, opt.last);

  ParserNetConfig config;
  ParserNet net(config);
  net->train();
  torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(opt.lr).weight_decay(1e-4));
  const torch::Tensor weights = torch::tensor(opt.weights);

  const int stepsPerEpoch = static_cast<int>(samples.size()) / opt.batch;
  const int totalSteps = stepsPerEpoch * opt.epochs;
  const int warmup = std::min(100, totalSteps / 10);
  std::vector<std::size_t> order(samples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  int step = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    double lossSum = 0;
    for (int s = 0; s < stepsPerEpoch; ++s, ++step) {
      // Linear warm-up, then cosine decay to zero.
      const double lr = step < warmup
                            ? opt.lr * (step + 1) / warmup
                            : 0.5 * opt.lr * (1 + std::cos(M_PI * (step - warmup) / (totalSteps - warmup)));
      for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
      torch::Tensor images =
          torch::empty({opt.batch, config.inputHeight, config.inputWidth, 3}, torch::kUInt8);
      torch::Tensor labels = torch::empty({opt.batch, config.inputHeight, config.inputWidth}, torch::kUInt8);
      for (int b = 0; b < opt.batch; ++b) {
        cv::Mat image(config.inputHeight, config.inputWidth, CV_8UC3, images[b].data_ptr());
        cv::Mat label(config.inputHeight, config.inputWidth, CV_8UC1, labels[b].data_ptr());
        augmentSample(samples[order[s * opt.batch + b]], rng, image, label);
      }
      const torch::Tensor logits = net->forward(normalizeInput(images));
      const torch::Tensor loss = torch::nn::functional::cross_entropy(
          logits, labels.to(torch::kLong), torch::nn::functional::CrossEntropyFuncOptions().weight(weights));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      lossSum += loss.item<double>();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "epoch %d/%d  loss %.4f  %.0f s\n", epoch, opt.epochs, lossSum / stepsPerEpoch,
                 seconds);
    if (epoch % 10 == 0 || epoch == opt.epochs) {
      net->eval();
      Status saved =
          saveParserNet(net, opt.out,
                        {{"training_command", commandLine(argc, argv)},
                         {"training_photos", std::to_string(samples.size())},
                         {"epochs_done", std::to_string(epoch)},
                         {"dataset", "Clothing Co-Parsing (Yang, Luo, Lin, CVPR 2014), dev split"}});
      net->train();
      if (!saved) {
        std::fprintf(stderr, "error: %s\n", saved.message().c_str());
        return 1;
      }
    }
  }
  std::fprintf(stderr, "wrote %s\n", opt.out.c_str());
  return 0;
}
