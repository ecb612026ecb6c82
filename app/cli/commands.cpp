// The list of subcommands; each lives in its own cmd_<name>.cpp.
#include "cli.h"

namespace w2w::cli {

int runLibrary(const QStringList& args);
int runImport(const QStringList& args);
int runTrain(const QStringList& args);
int runEval(const QStringList& args);

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"library", "Create a wardrobe library or show what it holds", runLibrary},
      {"import", "Add outfit photos (files or folders) to a library", runImport},
      {"train", "Train the compatibility model on a dataset's outfits", runTrain},
      {"eval", "Evaluate a compatibility checkpoint against the untrained baseline", runEval},
  };
  return list;
}

}  // namespace w2w::cli
