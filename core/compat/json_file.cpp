#include "compat/json_file.h"

#include "io/file_io.h"

namespace w2w::compat {

Result<QJsonDocument> readJsonFile(const std::string& path) {
  auto bytes = readFileBytes(path, 1LL << 30);
  if (!bytes) return bytes.error();
  QJsonParseError error{};
  QJsonDocument doc = QJsonDocument::fromJson(
      QByteArray(reinterpret_cast<const char*>(bytes->data()), static_cast<int>(bytes->size())), &error);
  if (doc.isNull()) return makeError(path + ": not valid JSON (" + error.errorString().toStdString() + ")");
  return doc;
}

}  // namespace w2w::compat
