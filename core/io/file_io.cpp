#include "io/file_io.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace w2w {
namespace {

QString qpath(const std::string& path) { return QString::fromStdString(path); }

Error openError(const std::string& path, const QFile& file) {
  const QFileInfo info(qpath(path));
  if (!info.exists()) return makeError(path + ": no such file");
  if (info.isDir()) return makeError(path + ": is a folder, not a file");
  if (file.error() == QFileDevice::PermissionsError || !info.isReadable())
    return makeError(path + ": permission denied");
  return makeError(path + ": cannot open (" + file.errorString().toStdString() + ")");
}

}  // namespace

Result<Bytes> readFileBytes(const std::string& path, long long maxBytes) {
  QFile file(qpath(path));
  if (QFileInfo(file).isDir()) return makeError(path + ": is a folder, not a file");
  if (!file.open(QIODevice::ReadOnly)) return openError(path, file);
  const qint64 size = file.size();
  if (size > maxBytes) {
    return makeError(path + ": " + std::to_string(size >> 20) + " MB is larger than the " +
                     std::to_string(maxBytes >> 20) + " MB limit");
  }
  Bytes bytes(static_cast<std::size_t>(size));
  qint64 got = 0;
  while (got < size) {
    const qint64 n = file.read(reinterpret_cast<char*>(bytes.data()) + got, size - got);
    if (n <= 0) return makeError(path + ": read error (" + file.errorString().toStdString() + ")");
    got += n;
  }
  return bytes;
}

Status writeFileAtomically(const std::string& path, const Bytes& bytes) {
  QSaveFile file(qpath(path));
  if (!file.open(QIODevice::WriteOnly))
    return makeError(path + ": cannot write (" + file.errorString().toStdString() + ")");
  if (file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size())) !=
      static_cast<qint64>(bytes.size())) {
    file.cancelWriting();
    return makeError(path + ": write failed (" + file.errorString().toStdString() + ")");
  }
  if (!file.commit()) return makeError(path + ": cannot save (" + file.errorString().toStdString() + ")");
  return Status::success();
}

std::string sha256Hex(const std::uint8_t* data, std::size_t size) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
  return hash.result().toHex().toStdString();
}

Result<std::string> sha256OfFile(const std::string& path) {
  QFile file(qpath(path));
  if (!file.open(QIODevice::ReadOnly)) return openError(path, file);
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file)) return makeError(path + ": read error while hashing");
  return hash.result().toHex().toStdString();
}

}  // namespace w2w
