// what2wear embed --model basic|DIR|FILE.pt (--image FILE... | --pixels FILE.safetensors[:TENSOR])
//                 [--normalize] [--device cpu|cuda] --json
#include <QCommandLineParser>

#include "cli.h"
#include "embed/encoder_factory.h"
#include "io/image_decoder.h"

namespace w2w::cli {
namespace {

format::Json rows(const FloatMatrix& m) {
  format::Json out = format::Json::array();
  for (std::int64_t r = 0; r < m.rows; ++r) {
    format::Json row = format::Json::array();
    for (std::int64_t c = 0; c < m.cols; ++c) row.push_back(static_cast<double>(m.at(r, c)));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

int runEmbed(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Embeds images, or already-preprocessed pixels, with an encoder.\n"
      "FashionCLIP and TorchScript embeddings are the model's output; --normalize scales them\n"
      "to unit length. The basic encoder's are always unit length.");
  parser.addOption({"model", kEncoderSpecHelp, kEncoderSpecValue});
  parser.addOption({"image", "An image file (repeat for several).", "FILE"});
  parser.addOption({"pixels", "A float32 [B,3,S,S] tensor, normalised as the model expects.",
                    "FILE.safetensors[:TENSOR]"});
  parser.addOption({"normalize", "L2-normalise the embeddings."});
  parser.addOption({"device", "auto, cpu or cuda (FashionCLIP only).", "D", "auto"});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("model")) return fail(QStringLiteral("--model basic|DIR|FILE.pt is required"), kUsage);
  if (parser.isSet("image") == parser.isSet("pixels")) {
    return fail(QStringLiteral("give either --image FILE... or --pixels FILE.safetensors[:TENSOR]"), kUsage);
  }
  const std::string spec = parser.value("model").toStdString();

  if (spec == kBasicEncoderSpec && parser.isSet("pixels"))
    return fail(QStringLiteral("--pixels needs a model encoder, not basic"), kUsage);
  EncoderOptions options;
  options.device = parser.value("device").toStdString();
  options.normalize = parser.isSet("normalize");
  auto opened = openEncoder(spec, options);
  if (!opened) return fail(opened.message());
  Encoder& encoder = **opened;

  Result<FloatMatrix> embeddings = makeError("nothing to embed");
  if (parser.isSet("pixels")) {
    const QString value = parser.value("pixels");
    const int colon = value.lastIndexOf(':');
    const bool named = colon > 0 && !value.mid(colon + 1).contains('/');
    embeddings = encoder.encodePixelsFile((named ? value.left(colon) : value).toStdString(),
                                          named ? value.mid(colon + 1).toStdString() : std::string());
  } else {
    std::vector<RgbImage> images;
    for (const QString& file : parser.values("image")) {
      auto decoded = decodeImageFile(file.toStdString());
      if (!decoded) return fail(decoded.message());
      images.push_back(std::move(decoded->image));
    }
    embeddings = encoder.encode(images);
  }
  if (!embeddings) return fail(embeddings.message());
  const EncoderInfo& info = encoder.info();
  if (parser.isSet("json")) {
    printJson({{"model", info.id},
               {"kind", info.kind},
               {"device", info.device},
               {"dim", info.dim},
               {"normalized", info.normalized},
               {"embeddings", rows(*embeddings)}});
  } else {
    printLine(QStringLiteral("%1 embedding(s) of dimension %2 from %3 (%4)")
                  .arg(embeddings->rows)
                  .arg(info.dim)
                  .arg(QString::fromStdString(info.displayName), QString::fromStdString(info.id)));
  }
  return kOk;
}

}  // namespace w2w::cli
