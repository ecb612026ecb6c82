#include "embed/model_manager.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "common/log.h"
#include "embed/encoder_factory.h"
#include "embed/model_download.h"
#include "io/file_io.h"

namespace w2w {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The model id (SHA-256 of the weights) is cached beside them with the name,
// size and modification time it was computed for, so a 600 MB file is hashed
// once (a folder of several .pt files re-hashes when another one is used).
Result<std::string> weightsId(const QString& weights) {
  const QFileInfo info(weights);
  QString stamp = QStringLiteral("%1 %2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
  // Folder models keep the stamp they always had; a .pt file adds its name.
  if (info.suffix() == "pt" && info.fileName() != kTorchScriptFile) stamp += " " + info.fileName();
  QFile cache(info.absolutePath() + "/.w2w-model-id");
  if (cache.open(QIODevice::ReadOnly)) {
    const QStringList lines = QString::fromUtf8(cache.readAll()).split('\n');
    if (lines.size() >= 2 && lines[1] == stamp && lines[0].size() == 64) return lines[0].toStdString();
    cache.close();
  }
  auto sha = sha256OfFile(weights.toStdString());
  if (!sha) return sha.error();
  // A folder that cannot hold the cache (read-only) costs a hash next time, nothing more.
  if (!cache.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      cache.write(q(*sha + "\n").toUtf8() + stamp.toUtf8()) < 0) {
    logWarning(LogArea::Encoders, cache.fileName().toStdString() + ": model id not cached (" +
                                      cache.errorString().toStdString() + ")");
  }
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

ModelManager::ModelManager(std::string root) : root_(std::move(root)) {}

std::string ModelManager::defaultRoot() {
  return (QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/models").toStdString();
}

Result<InstalledModel> ModelManager::inspect(const std::string& spec) {
  auto identified = identifyEncoder(spec);
  if (!identified) return identified.error();
  if (identified->kind == "basic") return makeError("the basic encoder is built in, not a model folder");
  InstalledModel model;
  model.folder = identified->folder;
  model.name = identified->name;
  model.layout = identified->layout;
  model.weightsFile = identified->weightsFile;
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
  if (!QFileInfo(q(folder)).isDir()) return makeError(folder + ": not a folder");
  if (auto identified = identifyEncoder(folder); !identified) return identified.error();
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
  if (auto identified = identifyEncoder(staging.toStdString()); !identified) return identified.error();
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
