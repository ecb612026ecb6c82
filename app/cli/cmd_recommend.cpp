// what2wear recommend --library FILE --checkpoint CKPT (--item ID... | --image FILE --category C)
//                     [--k N] [--diversity W] [--json]
#include <QCommandLineParser>

#include <unordered_set>

#include "cli.h"
#include "compat/compat_model.h"
#include "embed/encoder_factory.h"
#include "io/image_decoder.h"
#include "library/library.h"
#include "recommend/library_catalog.h"
#include "recommend/recommender.h"
#include "vision/crop_renderer.h"

namespace w2w::cli {
namespace {

format::Json whyJson(const std::vector<PairSimilarity>& why) {
  format::Json out = format::Json::array();
  for (const PairSimilarity& p : why) {
    out.push_back(
        {{"pair", std::string(categoryName(p.a)) + "_" + categoryName(p.b)}, {"similarity", p.similarity}});
  }
  return out;
}

// The piece an outside image stands for: encoded by the checkpoint's own
// encoder, then projected for its category.
Result<GivenPiece> pieceFromImage(const compat::CompatModel& model, const std::string& file,
                                  Category category) {
  const compat::CheckpointInfo& info = model.info();
  auto encoder = openEncoder(info.encoderSpec);
  if (!encoder) return encoder.error();
  if ((*encoder)->info().id != info.encoderId) {
    return makeError("the encoder at " + info.encoderSpec +
                     " is not the one the checkpoint was trained with (" + info.encoderId + ")");
  }
  auto decoded = decodeImageFile(file);
  if (!decoded) return decoded.error();
  auto vector = (*encoder)->encode({renderWholeImage(decoded->image)});
  if (!vector) return vector.error();
  auto latent = model.embed(category, *vector);
  if (!latent) return latent.error();
  GivenPiece piece;
  piece.category = category;
  piece.latent = latent->rowVector(0);
  return piece;
}

}  // namespace

int runRecommend(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Completes a look: for every category that could join the given pieces (a dress takes shoes,\n"
      "an outer layer, a bag or an accessory, never a bottom), ranks the library's items by how well\n"
      "the whole outfit goes together (the trained model's outfit score). Also proposes whole valid\n"
      "outfits around the pieces (the missing pieces chosen together).");
  parser.addOption({"library", "The library file.", "FILE"});
  parser.addOption({"checkpoint", "A trained compatibility checkpoint (folder).", "CKPT"});
  parser.addOption({"item", "A library item to complete (any number that can be worn together).", "ID"});
  parser.addOption({"image", "An image of an item that is not in the library.", "FILE"});
  parser.addOption(
      {"category", "The category of --image: " + QString::fromStdString(categoryNames(", ")) + ".", "C"});
  parser.addOption({"k", "Suggestions per category (default 10).", "N", "10"});
  parser.addOption({"diversity", "0 ranks by score alone; up to 1 prefers varied suggestions.", "W", "0"});
  parser.addOption({"exclude-saved", "Never suggest items already in saved outfits."});
  parser.addOption({"tag", "Only suggest items with this tag.", "TAG"});
  parser.addOption({"allow-same-photo", "Allow crops of the photo a given item comes from."});
  parser.addOption({"approximate", "Use the approximate index (for very large catalogues)."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("library") || !parser.isSet("checkpoint")) {
    return fail(QStringLiteral("--library FILE and --checkpoint CKPT are required"), kUsage);
  }
  if (parser.isSet("item") == parser.isSet("image")) {
    return fail(QStringLiteral("give --item ID... or --image FILE --category C"), kUsage);
  }
  RecommendOptions options;
  options.k = parser.value("k").toInt();
  options.diversity = parser.value("diversity").toDouble();
  options.excludeSamePhoto = !parser.isSet("allow-same-photo");
  options.approximate = parser.isSet("approximate");
  if (options.k < 1 || options.diversity < 0 || options.diversity > 1) {
    return fail(QStringLiteral("--k needs a positive number and --diversity a number from 0 to 1"), kUsage);
  }

  // Recommending only reads; the latent projections are cached when the library can be written.
  auto library = Library::open(parser.value("library").toStdString(), Library::Access::ReadWriteIfWritable);
  if (!library) return fail(library.message());
  auto model = compat::CompatModel::load(parser.value("checkpoint").toStdString());
  if (!model) return fail(model.message());
  CatalogReport report;
  auto catalog = buildLatentCatalog(**library, **model, true, &report);
  if (!catalog) return fail(catalog.message());
  if (report.items == 0) {
    return fail(QStringLiteral("no item of the library is encoded with %1; run what2wear encode first")
                    .arg(QString::fromStdString((*model)->info().encoderId)));
  }
  if (parser.isSet("exclude-saved")) {
    auto outfits = (*library)->outfits(OutfitOrigin::User);
    if (!outfits) return fail(outfits.message());
    for (const Outfit& o : *outfits) {
      for (Id item : o.itemIds()) options.excluded.insert(item);
    }
  }
  if (parser.isSet("tag")) {
    auto tagged = (*library)->items(ItemQuery().withTag(parser.value("tag").toStdString()));
    if (!tagged) return fail(tagged.message());
    options.allowed.emplace();
    for (const Item& item : *tagged) options.allowed->insert(item.id);
  }

  Recommender engine(std::move(*catalog));
  if (options.approximate) {
    if (Status built = engine.enableApproximateSearch(); !built) return fail(built.message());
  }
  std::vector<GivenPiece> given;
  if (parser.isSet("item")) {
    for (const QString& value : parser.values("item")) {
      bool ok = false;
      const Id id = value.toLongLong(&ok);
      if (!ok) return fail(QStringLiteral("--item needs an item id, not '%1'").arg(value), kUsage);
      auto piece = engine.piece(id);
      if (!piece) {
        return fail(
            QStringLiteral("item %1 is not in the library or has no embedding for the checkpoint's encoder")
                .arg(id));
      }
      given.push_back(*piece);
    }
  } else {
    auto category = parseCategory(parser.value("category").toStdString());
    if (!category) {
      return fail(
          QStringLiteral("--image needs --category %1").arg(QString::fromStdString(categoryNames(", "))),
          kUsage);
    }
    auto piece = pieceFromImage(**model, parser.value("image").toStdString(), *category);
    if (!piece) return fail(piece.message());
    given.push_back(*piece);
  }

  format::Json result = {{"checkpoint", parser.value("checkpoint").toStdString()},
                         {"candidates", report.items}};
  format::Json byCategory = format::Json::object();
  CategoryCounts counts;
  for (const GivenPiece& g : given) counts.add(g.category);
  // "needs ..." is what recommending is for; anything else cannot be completed.
  if (const std::string problem = outfitProblem(counts); !problem.empty() && problem.rfind("needs", 0) != 0)
    return fail("the given pieces are no outfit: " + problem, kUsage);
  for (Category target : categoriesToComplete(counts)) {
    if (engine.catalog().of(target).size() == 0) continue;  // nothing of that kind to propose
    auto ranked = engine.rank(given, target, options);
    if (!ranked) return fail(ranked.message());
    format::Json list = format::Json::array();
    for (const Suggestion& s : *ranked)
      list.push_back({{"item", s.itemId}, {"score", s.score}, {"why", whyJson(s.why)}});
    byCategory[categoryName(target)] = std::move(list);
  }
  result["suggestions"] = byCategory;
  if (!requiredMissing(counts).empty()) {
    auto outfits = engine.complete(given, options);
    if (!outfits) return fail(outfits.message());
    format::Json list = format::Json::array();
    for (const OutfitSuggestion& o : *outfits) {
      // Every piece by its category; an outside image (--image) is no library item: null.
      format::Json outfit = {{"score", o.score}, {"why", whyJson(o.why)}};
      for (const OutfitItem& item : o.items)
        outfit[categoryName(item.category)] = item.item ? format::Json(item.item) : format::Json();
      list.push_back(std::move(outfit));
    }
    result["outfits"] = std::move(list);
  }
  if (parser.isSet("json")) {
    printJson(result);
    return kOk;
  }
  for (const auto& [category, suggestions] : byCategory.items()) {
    printLine(QStringLiteral("%1:").arg(QString::fromStdString(category)));
    for (const format::Json& s : suggestions) {
      printLine(QStringLiteral("  item %1  score %2")
                    .arg(format::integerOr(s, "item"))
                    .arg(format::numberOr(s, "score"), 0, 'f', 3));
    }
  }
  if (const format::Json* outfits = format::member(result, "outfits")) {
    printLine(QStringLiteral("whole outfits:"));
    for (const format::Json& x : *outfits) {
      QStringList pieces;
      for (Category c : kCategories) {
        const auto piece = x.find(categoryName(c));
        if (piece == x.end()) continue;
        pieces << QStringLiteral("%1 %2").arg(
            categoryName(c),
            piece->is_null() ? QStringLiteral("(image)") : QString::number(format::integerOf(*piece)));
      }
      printLine(QStringLiteral("  %1  score %2")
                    .arg(pieces.join(QStringLiteral("  ")))
                    .arg(format::numberOr(x, "score"), 0, 'f', 3));
    }
  }
  return kOk;
}

}  // namespace w2w::cli
