#include "entry_ids.h"

#include <algorithm>

namespace w2w::cli {

bool readIds(const QCommandLineParser& parser, const QString& name, std::vector<Id>* ids, QString* error) {
  for (const QString& value : parser.values(name)) {
    bool ok = false;
    const Id id = value.toLongLong(&ok);
    if (!ok || id <= 0) {
      *error = QStringLiteral("--%1 needs an id, not '%2'").arg(name, value);
      return false;
    }
    if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
  }
  return true;
}

Status checkEntriesExist(Library& library, const std::vector<Id>& photos, const std::vector<Id>& items) {
  for (Id id : photos) {
    auto found = library.photo(id);
    if (!found) return found.error();
    if (!*found) return makeError("no photo " + std::to_string(id) + " in the library");
  }
  for (Id id : items) {
    auto found = library.item(id);
    if (!found) return found.error();
    if (!*found) return makeError("no item " + std::to_string(id) + " in the library");
  }
  return Status::success();
}

}  // namespace w2w::cli
