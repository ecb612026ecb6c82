// Library: opening, creating, migrating, transactions, paths and summary.
// The entity operations live in library_<entity>.cpp.
#include "library/library.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include "library/library_internal.h"
#include "library/schema.h"

namespace w2w {
namespace detail {

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(); }

void bindBox(sql::Statement& stmt, int first, const std::optional<Box>& box) {
  if (box) {
    stmt.bind(first, box->x).bind(first + 1, box->y).bind(first + 2, box->width).bind(first + 3, box->height);
  } else {
    for (int i = 0; i < 4; ++i) stmt.bindNull(first + i);
  }
}

}  // namespace detail

namespace {

void configureConnection(sql::Database& db, bool readOnly) {
  db.exec("PRAGMA foreign_keys = ON");
  if (readOnly) {
    db.exec("PRAGMA query_only = ON");
    return;
  }
  // WAL: readers keep a consistent snapshot while one writer works, and a
  // crash loses at most the transaction in flight. NORMAL sync is durable
  // against process crashes (the OS keeps the WAL) and much faster than FULL.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
}

bool isNotADatabase(const sql::SqlError& e) { return (e.code() & 0xff) == SQLITE_NOTADB; }

// Read-only access to a library in a folder nobody may write to (a shared or
// archived library) cannot create SQLite's WAL index; such a file cannot be
// changing under us either, so it is opened as immutable.
std::unique_ptr<sql::Database> openConnection(const std::string& path, bool readOnly) {
  using Mode = sql::Database::Mode;
  if (!readOnly) return std::make_unique<sql::Database>(path, Mode::ReadWrite);
  try {
    auto db = std::make_unique<sql::Database>(path, Mode::ReadOnly);
    db->scalar("SELECT count(*) FROM sqlite_master");  // fails here when the WAL index cannot be made
    return db;
  } catch (const sql::SqlError& e) {
    if (isNotADatabase(e)) throw;
    return std::make_unique<sql::Database>(path, Mode::ReadOnlyImmutable);
  }
}

}  // namespace

Library::Library(std::string path, std::unique_ptr<sql::Database> db, bool readOnly)
    : path_(std::move(path)), db_(std::move(db)), readOnly_(readOnly) {}

Library::~Library() = default;

Result<std::unique_ptr<Library>> Library::create(const std::string& path) {
  const QFileInfo info(QString::fromStdString(path));
  if (info.exists() && (info.isDir() || info.size() > 0)) {
    return makeError(path + ": already exists (open it instead, or choose another name)");
  }
  if (!info.dir().exists())
    return makeError(path + ": the folder " + info.dir().path().toStdString() + " does not exist");
  try {
    auto db = std::make_unique<sql::Database>(path, sql::Database::Mode::ReadWriteCreate);
    configureConnection(*db, false);
    schema::migrate(*db, 0);
    return std::unique_ptr<Library>(new Library(path, std::move(db), false));
  } catch (const sql::SqlError& e) {
    return makeError(path + ": cannot create library: " + e.what());
  }
}

std::string Library::whyNotWritable(const std::string& path) {
  const QFileInfo file(QString::fromStdString(path));
  if (!file.isWritable()) return path + ": the library is read-only (no permission to write the file)";
  // WAL needs two files beside the library (<name>-wal and <name>-shm),
  // which only a writable folder can hold.
  const QFileInfo folder(file.absolutePath());
  if (!folder.isWritable()) {
    return path + ": the library cannot be changed: the folder " + folder.absoluteFilePath().toStdString() +
           " is not writable (SQLite keeps its journal files beside the library)";
  }
  return {};
}

Result<std::unique_ptr<Library>> Library::open(const std::string& path, Access access) {
  // Only stat here: opening the file outside SQLite would drop this
  // process's locks on it (see library.h). SQLite itself tells a library
  // from any other file below.
  const QFileInfo info(QString::fromStdString(path));
  if (!info.exists()) return makeError(path + ": no such library (create one with `what2wear library init`)");
  if (info.isDir()) return makeError(path + ": is a folder, not a library file");
  if (!info.isReadable()) return makeError(path + ": permission denied");

  const std::string notWritable = access == Access::ReadOnly ? std::string() : whyNotWritable(path);
  if (access == Access::ReadWrite && !notWritable.empty()) return makeError(notWritable);
  const bool readOnly = access == Access::ReadOnly || !notWritable.empty();
  try {
    auto db = openConnection(path, readOnly);
    // Look before touching: until the checks below pass, this connection has
    // only read, so a file from a newer version or another program is refused
    // without a single byte of it changing.
    const int version = static_cast<int>(db->scalar("PRAGMA user_version"));
    const auto applicationId = db->scalar("PRAGMA application_id");
    const auto objects = db->scalar("SELECT count(*) FROM sqlite_master");
    if (version > kSchemaVersion) {
      return makeError(path + ": written by a newer version of What2Wear (library schema " +
                       std::to_string(version) + ", this version reads up to " +
                       std::to_string(kSchemaVersion) +
                       "); update What2Wear to open it. The file was not changed.");
    }
    if (applicationId != kApplicationId && !(applicationId == 0 && objects == 0)) {
      return makeError(path + ": not a What2Wear library (an SQLite database of another program)");
    }
    if (readOnly && version < kSchemaVersion) {
      return makeError(path + ": library schema " + std::to_string(version) +
                       " needs an upgrade; open it once with write access");
    }
    configureConnection(*db, readOnly);
    if (!readOnly) schema::migrate(*db, version);
    return std::unique_ptr<Library>(new Library(path, std::move(db), readOnly));
  } catch (const sql::SqlError& e) {
    if (isNotADatabase(e)) return makeError(path + ": not a What2Wear library (not an SQLite database)");
    return makeError(path + ": cannot open library: " + e.what());
  }
}

std::string Library::folder() const {
  return QFileInfo(QString::fromStdString(path_)).absoluteDir().absolutePath().toStdString();
}

std::string Library::resolvePath(const std::string& stored) const {
  const QString path = QString::fromStdString(stored);
  if (QDir::isAbsolutePath(path)) return stored;
  return QDir::cleanPath(QDir(QString::fromStdString(folder())).filePath(path)).toStdString();
}

std::string Library::storablePath(const std::string& absolute) const {
  const QDir base(QString::fromStdString(folder()));
  const QString abs = QFileInfo(QString::fromStdString(absolute)).absoluteFilePath();
  const QString relative = base.relativeFilePath(abs);
  // Inside the library's folder: relative, so the folder can move as a whole.
  if (!relative.startsWith("..") && !QDir::isAbsolutePath(relative)) return relative.toStdString();
  return abs.toStdString();
}

Status Library::transaction(const std::function<Status()>& body) {
  return guarded("write", [&]() -> Status {
    sql::Savepoint scope(*db_);
    Status status = body();
    if (status) scope.release();
    return status;
  });
}

Status Library::readSnapshot(const std::function<Status()>& body) {
  return guarded("read", [&]() -> Status {
    if (!sqlite3_get_autocommit(db_->handle())) return body();  // already inside a transaction
    db_->exec("BEGIN DEFERRED");
    Status status;
    try {
      status = body();
    } catch (...) {
      db_->exec("ROLLBACK");
      throw;
    }
    db_->exec(status ? "COMMIT" : "ROLLBACK");
    return status;
  });
}

Status Library::checkIntegrity() {
  return guarded("check integrity", [&]() -> Status {
    sql::Statement check(db_->handle(), "PRAGMA integrity_check");
    std::string problems;
    while (check.step()) {
      const std::string line = check.text(0);
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    sql::Statement fk(db_->handle(), "PRAGMA foreign_key_check");
    if (fk.step())
      problems += (problems.empty() ? "" : "; ") + std::string("foreign key violation in ") + fk.text(0);
    if (!problems.empty()) return makeError(path_ + ": integrity check failed: " + problems);
    return Status::success();
  });
}

Result<long long> Library::externalChangeCounter() {
  return guarded("read", [&]() -> Result<long long> { return db_->scalar("PRAGMA data_version"); });
}

Result<LibraryStamps> Library::changeStamps() {
  LibraryStamps stamps;
  Status read = readSnapshot([&]() -> Status {
    // Counts, largest ids and id-weighted sums of the columns a view shows:
    // any insert, delete or change of those columns moves one of them.
    const auto text = [&](const char* query) {
      sql::Statement select(db_->handle(), query);
      return select.step() ? select.text(0) : std::string();
    };
    stamps.content =
        text(
            "SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || "
            "total(id * (unicode(status) * 16 + length(status))) FROM photos") +
        "|" +
        text(
            "SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || ifnull(max(updated_at), '') || '/' || "
            "total(id * flagged) || '/' || total(id * (unicode(category) * 16 + length(category))) FROM "
            "items") +
        "|" + text("SELECT count(*) FROM embeddings");
    stamps.tags = text("SELECT count(*) || '/' || ifnull(max(id), 0) FROM tags") + "|" +
                  text("SELECT count(*) || '/' || total(photo_id * tag_id) FROM photo_tags") + "|" +
                  text("SELECT count(*) || '/' || total(item_id * tag_id) FROM item_tags");
    stamps.outfits =
        text("SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || total(id * length(name)) FROM outfits") +
        "|" + text("SELECT count(*) || '/' || total(outfit_id * (item_id + 1)) FROM outfit_items");
    stamps.runs = text(
        "SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || total(id * unicode(status)) || '/' || "
        "ifnull(max(finished_at), '') FROM training_runs");
    return Status::success();
  });
  if (!read) return read.error();
  return stamps;
}

Result<LibraryInfo> Library::info() {
  LibraryInfo info;
  Status read = readSnapshot([&]() -> Status {
    info.path = path_;
    info.schemaVersion = static_cast<int>(db_->scalar("PRAGMA user_version"));
    info.fileBytes = QFileInfo(QString::fromStdString(path_)).size();
    sql::Statement meta(db_->handle(), "SELECT value FROM meta WHERE key = 'created_with'");
    if (meta.step()) info.createdWith = meta.text(0);

    sql::Statement byStatus(db_->handle(), "SELECT status, count(*) FROM photos GROUP BY status");
    while (byStatus.step()) {
      if (auto status = parsePhotoStatus(byStatus.text(0))) {
        info.photosByStatus[static_cast<int>(*status)] = byStatus.integer(1);
        info.photos += byStatus.integer(1);
      }
    }
    sql::Statement byCategory(db_->handle(), "SELECT category, count(*) FROM items GROUP BY category");
    while (byCategory.step()) {
      if (auto category = parseCategory(byCategory.text(0))) {
        info.itemsByCategory[categoryIndex(*category)] = byCategory.integer(1);
        info.items += byCategory.integer(1);
      }
    }
    info.standaloneItems = db_->scalar("SELECT count(*) FROM items WHERE source = 'standalone'");
    info.manualCrops = db_->scalar("SELECT count(*) FROM items WHERE source = 'manual'");
    info.embeddings = db_->scalar("SELECT count(*) FROM embeddings");
    info.models = db_->scalar("SELECT count(*) FROM models");
    info.outfits = db_->scalar("SELECT count(*) FROM outfits");
    info.trainingRuns = db_->scalar("SELECT count(*) FROM training_runs");
    info.tags = db_->scalar("SELECT count(*) FROM tags");
    return Status::success();
  });
  if (!read) return read.error();
  return info;
}

}  // namespace w2w
