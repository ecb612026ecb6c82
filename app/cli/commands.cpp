// The list of subcommands; each lives in its own cmd_<name>.cpp.
#include "cli.h"

namespace w2w::cli {

int runLibrary(const QStringList& args);
int runImport(const QStringList& args);
int runDemo(const QStringList& args);
int runCrop(const QStringList& args);
int runEmbed(const QStringList& args);
int runEncode(const QStringList& args);
int runTrain(const QStringList& args);
int runEval(const QStringList& args);
int runRecommend(const QStringList& args);
int runTag(const QStringList& args);
int runExport(const QStringList& args);

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"library", "Create a wardrobe library or show what it holds", runLibrary},
      {"import", "Add outfit photos (files or folders) to a library", runImport},
      {"demo", "Build the demo library and show what What2Wear does, without a display", runDemo},
      {"crop", "Find person, mask and top/bottom/shoes boxes in outfit photos", runCrop},
      {"embed", "Embed images or preprocessed pixels with an encoder", runEmbed},
      {"encode", "Encode every crop of a library not yet encoded (resumable)", runEncode},
      {"train", "Train the compatibility model on a dataset's outfits", runTrain},
      {"eval", "Evaluate a compatibility checkpoint against the untrained baseline", runEval},
      {"recommend", "Complete a look: the library items that go best with any pieces of an outfit",
       runRecommend},
      {"tag", "Tag photos and items of a library (or list its tags)", runTag},
      {"export", "Export a library as COCO annotations, crops, embeddings or a lookbook", runExport},
  };
  return list;
}

}  // namespace w2w::cli
