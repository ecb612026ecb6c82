// Library: training runs and tags.
#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {
namespace detail {

const char* const kRunColumns =
    "id, name, encoder_model_id, config_json, metrics_json, checkpoint_path, status, error, started_at, "
    "finished_at";

TrainingRun readRun(const sql::Statement& row) {
  TrainingRun r;
  r.id = row.integer(0);
  r.name = row.text(1);
  r.encoderModelId = row.text(2);
  r.configJson = row.text(3);
  r.metricsJson = row.text(4);
  r.checkpointPath = row.text(5);
  r.status = parseRunStatus(row.text(6)).value_or(RunStatus::Failed);
  r.error = row.text(7);
  r.startedAt = row.text(8);
  r.finishedAt = row.text(9);
  return r;
}

}  // namespace detail

Result<Id> Library::addRun(const TrainingRun& run) {
  return guarded("add training run", [&]() -> Result<Id> {
    sql::Statement insert(
        db_->handle(),
        "INSERT INTO training_runs(name, encoder_model_id, config_json, metrics_json, checkpoint_path, "
        "status, error, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run.name)
        .bind(2, run.encoderModelId)
        .bind(3, run.configJson.empty() ? "{}" : run.configJson);
    insert.bind(4, run.metricsJson.empty() ? "{}" : run.metricsJson).bind(5, run.checkpointPath);
    insert.bind(6, runStatusName(run.status)).bind(7, run.error);
    insert.bind(8, run.startedAt.empty() ? detail::nowUtc() : run.startedAt).bind(9, run.finishedAt);
    insert.run();
    return db_->lastInsertId();
  });
}

Status Library::updateRun(const TrainingRun& run) {
  return guarded("update training run", [&]() -> Status {
    sql::Statement update(
        db_->handle(),
        "UPDATE training_runs SET name = ?, encoder_model_id = ?, config_json = ?, metrics_json = ?, "
        "checkpoint_path = ?, status = ?, error = ?, finished_at = ? WHERE id = ?");
    update.bind(1, run.name)
        .bind(2, run.encoderModelId)
        .bind(3, run.configJson.empty() ? "{}" : run.configJson);
    update.bind(4, run.metricsJson.empty() ? "{}" : run.metricsJson).bind(5, run.checkpointPath);
    update.bind(6, runStatusName(run.status))
        .bind(7, run.error)
        .bind(8, run.finishedAt)
        .bind(9, run.id)
        .run();
    if (db_->changes() == 0) return makeError(path_ + ": no training run with id " + std::to_string(run.id));
    return Status::success();
  });
}

Result<std::optional<TrainingRun>> Library::run(Id id) {
  return guarded("read training run", [&]() -> Result<std::optional<TrainingRun>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + detail::kRunColumns + " FROM training_runs WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::optional<TrainingRun>();
    return std::optional<TrainingRun>(detail::readRun(select));
  });
}

Result<std::vector<TrainingRun>> Library::runs() {
  return guarded("list training runs", [&]() -> Result<std::vector<TrainingRun>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + detail::kRunColumns + " FROM training_runs ORDER BY id");
    std::vector<TrainingRun> out;
    while (select.step()) out.push_back(detail::readRun(select));
    return out;
  });
}

Status Library::removeRun(Id id) {
  return guarded("remove training run", [&]() -> Status {
    sql::Statement remove(db_->handle(), "DELETE FROM training_runs WHERE id = ?");
    remove.bind(1, id).run();
    if (db_->changes() == 0) return makeError(path_ + ": no training run with id " + std::to_string(id));
    return Status::success();
  });
}

Result<Id> Library::tagId(const std::string& name) {
  return guarded("add tag", [&]() -> Result<Id> {
    if (name.empty()) return makeError(path_ + ": a tag needs a name");
    sql::Statement insert(db_->handle(), "INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO NOTHING");
    insert.bind(1, name).run();
    sql::Statement select(db_->handle(), "SELECT id FROM tags WHERE name = ?");
    select.bind(1, name);
    select.step();
    return select.integer(0);
  });
}

Result<std::vector<Tag>> Library::tags() {
  return guarded("list tags", [&]() -> Result<std::vector<Tag>> {
    sql::Statement select(db_->handle(), "SELECT id, name FROM tags ORDER BY name");
    std::vector<Tag> out;
    while (select.step()) out.push_back({select.integer(0), select.text(1)});
    return out;
  });
}

namespace {

const char* const kLinkTables[2][2] = {{"photo_tags", "photo_id"}, {"item_tags", "item_id"}};

}  // namespace

// Shared by the four tag/untag calls: `kind` 0 = photo, 1 = item.
static Status linkTag(Library& library, sql::Database& db, const std::string& path, int kind, Id owner,
                      const std::string& tag, bool add) {
  if (!add) {  // removing a tag that does not exist changes nothing (and does not create it)
    sql::Statement known(db.handle(), "SELECT 1 FROM tags WHERE name = ?");
    known.bind(1, tag);
    if (!known.step()) return Status::success();
  }
  auto id = library.tagId(tag);
  if (!id) return id.error();
  const std::string table = kLinkTables[kind][0];
  const std::string column = kLinkTables[kind][1];
  sql::Statement stmt(db.handle(),
                      add ? "INSERT OR IGNORE INTO " + table + "(" + column + ", tag_id) VALUES (?, ?)"
                          : "DELETE FROM " + table + " WHERE " + column + " = ? AND tag_id = ?");
  stmt.bind(1, owner).bind(2, *id).run();
  return Status::success();
}

Status Library::tagPhoto(Id photoId, const std::string& tag) {
  return guarded("tag photo", [&]() { return linkTag(*this, *db_, path_, 0, photoId, tag, true); });
}
Status Library::untagPhoto(Id photoId, const std::string& tag) {
  return guarded("untag photo", [&]() { return linkTag(*this, *db_, path_, 0, photoId, tag, false); });
}
Status Library::tagItem(Id itemId, const std::string& tag) {
  return guarded("tag item", [&]() { return linkTag(*this, *db_, path_, 1, itemId, tag, true); });
}
Status Library::untagItem(Id itemId, const std::string& tag) {
  return guarded("untag item", [&]() { return linkTag(*this, *db_, path_, 1, itemId, tag, false); });
}

Result<std::vector<std::string>> Library::photoTags(Id photoId) {
  return guarded("read tags", [&]() -> Result<std::vector<std::string>> {
    sql::Statement select(
        db_->handle(),
        "SELECT name FROM tags JOIN photo_tags ON tag_id = tags.id WHERE photo_id = ? ORDER BY name");
    select.bind(1, photoId);
    std::vector<std::string> out;
    while (select.step()) out.push_back(select.text(0));
    return out;
  });
}

Result<std::vector<std::string>> Library::itemTags(Id itemId) {
  return guarded("read tags", [&]() -> Result<std::vector<std::string>> {
    sql::Statement select(
        db_->handle(),
        "SELECT name FROM tags JOIN item_tags ON tag_id = tags.id WHERE item_id = ? ORDER BY name");
    select.bind(1, itemId);
    std::vector<std::string> out;
    while (select.step()) out.push_back(select.text(0));
    return out;
  });
}

}  // namespace w2w
