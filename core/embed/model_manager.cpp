#include "embed/model_manager.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "embed/model_download.h"
#include "io/file_io.h"

namespace w2w {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

bool exists(const QString& folder, const char* file) {
  return QFileInfo::exists(QDir(folder).filePath(file));
}

// The model id (SHA-256 of the weights) is cached beside them with the size
// and modification time it was computed for, so a 600 MB file is hashed once.
Result<std::string> weightsId(const QString& weights) {
  const QFileInfo info(weights);
  const QString stamp = QStringLiteral("%1 %2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
  QFile cache(info.absolutePath() + "/.w2w-model-id");
  if (cache.open(QIODevice::ReadOnly)) {
    const QStringList lines = QString::fromUtf8(cache.readAll()).split('\n');
    if (lines.size() >= 2 && lines[1] == stamp && lines[0].size() == 64) return lines[0].toStdString();
    cache.close();
  }
  auto sha = sha256OfFile(weights.toStdString());
  if (!sha) return sha.error();
  if (cache.open(QIODevice::WriteOnly | QIODevice::Truncate))
    cache.write(q(*sha + "\n").toUtf8() + stamp.toUtf8());
  return *sha;
}

Status copyFolder(const QString& from, const QString& to) {
  QDir().mkpath(to);
  QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (!QFile::copy(file, target)) return makeError(target.toStdString() + ": cannot copy (disk full?)");
  }
  return Status::success();
}

}  // namespace

const std::vector<ModelDescriptor>& knownModels() {
  static const std::vector<ModelDescriptor> models = {
      {"fashion-clip",
       "FashionCLIP (patrickjohncyh/fashion-clip, ViT-B/32, Hugging Face layout)",
       "https://huggingface.co/patrickjohncyh/fashion-clip/resolve/main/",
       {{"config.json", "", -1}, {"preprocessor_config.json", "", -1}, {"model.safetensors", "", -1}}},
      {"marqo-fashionclip",
       "Marqo FashionCLIP (Marqo/marqo-fashionCLIP, ViT-B/16, open_clip layout)",
       "https://huggingface.co/Marqo/marqo-fashionCLIP/resolve/main/",
       {{"open_clip_config.json", "", -1}, {"open_clip_model.safetensors", "", -1}}},
  };
  return models;
}

Result<std::string> detectModelLayout(const std::string& folder) {
  const QString dir = q(folder);
  if (!QFileInfo(dir).isDir()) return makeError(folder + ": not a folder");
  if (exists(dir, "open_clip_config.json")) {
    if (exists(dir, "open_clip_model.safetensors")) return std::string("openclip");
    if (exists(dir, "open_clip_pytorch_model.bin")) {
      return makeError(folder +
                       ": only open_clip_pytorch_model.bin (a pickle file, which can run code when loaded) "
                       "is here; download open_clip_model.safetensors from the same model page instead");
    }
    return makeError(folder + ": open_clip_config.json without open_clip_model.safetensors");
  }
  if (exists(dir, "config.json")) {
    if (!exists(dir, "model.safetensors")) {
      if (exists(dir, "pytorch_model.bin")) {
        return makeError(
            folder +
            ": only pytorch_model.bin (a pickle file, which can run code when loaded) is here; "
            "download model.safetensors from the model page, or convert it once with Python: "
            "transformers' CLIPModel.from_pretrained(dir).save_pretrained(dir, safe_serialization=True)");
      }
      return makeError(folder + ": config.json without model.safetensors");
    }
    if (!exists(dir, "preprocessor_config.json"))
      return makeError(folder + ": preprocessor_config.json is missing");
    return std::string("hf");
  }
  return makeError(folder + ": not a model folder (no config.json or open_clip_config.json)");
}

ModelManager::ModelManager(std::string root) : root_(std::move(root)) {}

std::string ModelManager::defaultRoot() {
  return (QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/models").toStdString();
}

Result<InstalledModel> ModelManager::inspect(const std::string& folder) {
  auto layout = detectModelLayout(folder);
  if (!layout) return layout.error();
  InstalledModel model;
  model.folder = QFileInfo(q(folder)).absoluteFilePath().toStdString();
  model.name = QFileInfo(q(folder)).fileName().toStdString();
  model.layout = *layout;
  model.weightsFile = QDir(q(model.folder))
                          .filePath(*layout == "hf" ? "model.safetensors" : "open_clip_model.safetensors")
                          .toStdString();
  auto id = weightsId(q(model.weightsFile));
  if (!id) return id.error();
  model.id = *id;
  return model;
}

std::vector<InstalledModel> ModelManager::installed() const {
  std::vector<InstalledModel> out;
  const QDir dir(q(root_));
  for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    if (name.startsWith('.')) continue;  // unfinished installs
    if (auto model = inspect(dir.filePath(name).toStdString())) out.push_back(*model);
  }
  return out;
}

Result<InstalledModel> ModelManager::find(const std::string& name) const {
  const QString folder = QDir(q(root_)).filePath(q(name));
  if (!QFileInfo(folder).isDir()) return makeError("no installed model named '" + name + "' in " + root_);
  return inspect(folder.toStdString());
}

Result<InstalledModel> ModelManager::installFromFolder(const std::string& folder, const std::string& name) {
  if (auto layout = detectModelLayout(folder); !layout) return layout.error();
  const QString target = QDir(q(root_)).filePath(q(name));
  if (QFileInfo::exists(target)) return makeError("a model named '" + name + "' is already installed");
  const QString staging = QDir(q(root_)).filePath("." + q(name) + ".installing");
  QDir(staging).removeRecursively();
  if (Status copied = copyFolder(q(folder), staging); !copied) {
    QDir(staging).removeRecursively();
    return copied.error();
  }
  if (!QDir().rename(staging, target)) {
    QDir(staging).removeRecursively();
    return makeError(target.toStdString() + ": cannot move the model into place");
  }
  return inspect(target.toStdString());
}

Result<InstalledModel> ModelManager::download(const ModelDescriptor& model, const ProgressCallback& progress,
                                              const CancelFlag* cancel) {
  const QString target = QDir(q(root_)).filePath(q(model.name));
  if (QFileInfo::exists(target)) return makeError("a model named '" + model.name + "' is already installed");
  // Files collect in a hidden staging folder (kept between attempts so large
  // files resume); the folder becomes the model only when all are verified.
  const QString staging = QDir(q(root_)).filePath("." + q(model.name) + ".download");
  QDir().mkpath(staging);
  for (std::size_t i = 0; i < model.files.size(); ++i) {
    const ModelFileSpec& file = model.files[i];
    const QString destination = QDir(staging).filePath(q(file.name));
    if (QFileInfo::exists(destination)) continue;  // finished in an earlier attempt
    DownloadRequest request{model.baseUrl + file.name, destination.toStdString(), file.sha256, file.size, 60};
    auto step = [&, i](const Progress& p) {
      if (progress) {
        progress({p.done, p.total,
                  "file " + std::to_string(i + 1) + " of " + std::to_string(model.files.size()) + ": " +
                      p.message});
      }
    };
    auto done = downloadFile(request, step, cancel);
    if (!done) return done.error();
  }
  if (auto layout = detectModelLayout(staging.toStdString()); !layout) return layout.error();
  if (!QDir().rename(staging, target))
    return makeError(target.toStdString() + ": cannot move the model into place");
  return inspect(target.toStdString());
}

Status ModelManager::remove(const std::string& name) {
  const QString folder = QDir(q(root_)).filePath(q(name));
  if (!QFileInfo(folder).isDir()) return makeError("no installed model named '" + name + "'");
  if (!QDir(folder).removeRecursively()) return makeError(folder.toStdString() + ": cannot remove");
  return Status::success();
}

}  // namespace w2w
