#include "library/schema.h"

#include <QDateTime>

#include <sqlite3.h>

#include "common/version.h"
#include "library/library.h"

namespace w2w::schema {
namespace {

// Version 1: the first schema. Later versions add one function each
// (migrateTo2, ...), never edit this one: files in the wild were made by it.
void migrateTo1(sql::Database& db) {
  db.exec(R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE photos (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  file_size    INTEGER NOT NULL CHECK (file_size >= 0),
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  imported_at  TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'imported'
               CHECK (status IN ('imported', 'processed', 'reviewed', 'flagged', 'failed')),
  error        TEXT,
  person_x INTEGER, person_y INTEGER, person_w INTEGER, person_h INTEGER,
  onepiece     INTEGER NOT NULL DEFAULT 0,
  mask_png     BLOB
);

-- Crops of outfit photos (photo_id and box set) and standalone item photos
-- (image_path and file_hash set) share one table, so outfits and
-- recommendations treat every garment alike.
CREATE TABLE items (
  id          INTEGER PRIMARY KEY,
  category    TEXT NOT NULL CHECK (category IN ('top', 'bottom', 'shoes')),
  source      TEXT NOT NULL CHECK (source IN ('auto', 'manual', 'standalone')),
  photo_id    INTEGER REFERENCES photos(id) ON DELETE CASCADE,
  box_x INTEGER, box_y INTEGER, box_w INTEGER, box_h INTEGER,
  confidence  REAL NOT NULL DEFAULT 0,
  image_path  TEXT,
  file_hash   TEXT,
  crop_hash   TEXT,
  crop_png    BLOB,
  flagged     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((source = 'standalone') = (photo_id IS NULL)),
  CHECK (photo_id IS NULL OR box_w > 0 AND box_h > 0)
);
CREATE UNIQUE INDEX items_photo_category ON items(photo_id, category) WHERE photo_id IS NOT NULL;
CREATE UNIQUE INDEX items_file_hash ON items(file_hash) WHERE file_hash IS NOT NULL;
CREATE INDEX items_category ON items(category);
CREATE INDEX items_crop_hash ON items(crop_hash);

CREATE TABLE models (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  kind     TEXT NOT NULL,
  dim      INTEGER NOT NULL CHECK (dim > 0),
  path     TEXT,
  added_at TEXT NOT NULL
);

-- Keyed by what the encoder saw (the crop image hash) and which encoder:
-- editing a crop or switching models re-encodes only what changed.
CREATE TABLE embeddings (
  crop_hash  TEXT NOT NULL,
  model_id   TEXT NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  dim        INTEGER NOT NULL CHECK (dim > 0),
  vector     BLOB NOT NULL CHECK (length(vector) = 4 * dim),
  created_at TEXT NOT NULL,
  PRIMARY KEY (crop_hash, model_id)
) WITHOUT ROWID;
CREATE INDEX embeddings_model ON embeddings(model_id);

CREATE TABLE outfits (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL DEFAULT '',
  top_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  bottom_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  shoes_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  origin     TEXT NOT NULL CHECK (origin IN ('photo', 'user', 'modified')),
  photo_id   INTEGER REFERENCES photos(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX outfits_photo ON outfits(photo_id) WHERE origin = 'photo';

CREATE TABLE training_runs (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL DEFAULT '',
  encoder_model_id TEXT NOT NULL DEFAULT '',
  config_json      TEXT NOT NULL DEFAULT '{}',
  metrics_json     TEXT NOT NULL DEFAULT '{}',
  checkpoint_path  TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
  error            TEXT NOT NULL DEFAULT '',
  started_at       TEXT NOT NULL,
  finished_at      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE photo_tags (
  photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (photo_id, tag_id)
) WITHOUT ROWID;
CREATE TABLE item_tags (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, tag_id)
) WITHOUT ROWID;
)sql");
  sql::Statement meta(db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  meta.bind(1, "created_with").bind(2, std::string("What2Wear ") + kVersion).run();
  meta.bind(1, "created_at")
      .bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString())
      .run();
}

// Version 2: garments a curator marked not visible in a photo (a pair of
// shoes cut off by the frame), so they are neither missing nor proposed again.
void migrateTo2(sql::Database& db) {
  db.exec(R"sql(
CREATE TABLE garments_not_visible (
  photo_id  INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  category  TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  PRIMARY KEY (photo_id, category)
) WITHOUT ROWID;
)sql");
}

// Version 3: garments of every category, and outfits of any size. Items
// accept the seven categories of common/category.h; an outfit's items move
// from its three slot columns (top_id, bottom_id, shoes_id) to outfit_items,
// one row per item. Every row of version 2 is kept.
void migrateTo3(sql::Database& db) {
  db.exec(R"sql(
CREATE TABLE items_v2 (
  id          INTEGER PRIMARY KEY,
  category    TEXT NOT NULL
              CHECK (category IN ('top', 'outer', 'bottom', 'onepiece', 'shoes', 'bag', 'accessory')),
  source      TEXT NOT NULL CHECK (source IN ('auto', 'manual', 'standalone')),
  photo_id    INTEGER REFERENCES photos(id) ON DELETE CASCADE,
  box_x INTEGER, box_y INTEGER, box_w INTEGER, box_h INTEGER,
  confidence  REAL NOT NULL DEFAULT 0,
  image_path  TEXT,
  file_hash   TEXT,
  crop_hash   TEXT,
  crop_png    BLOB,
  flagged     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((source = 'standalone') = (photo_id IS NULL)),
  CHECK (photo_id IS NULL OR box_w > 0 AND box_h > 0)
);
INSERT INTO items_v2 SELECT id, category, source, photo_id, box_x, box_y, box_w, box_h, confidence,
  image_path, file_hash, crop_hash, crop_png, flagged, created_at, updated_at FROM items;
DROP TABLE items;
ALTER TABLE items_v2 RENAME TO items;
-- One crop per category and photo, as before.
CREATE UNIQUE INDEX items_photo_category ON items(photo_id, category) WHERE photo_id IS NOT NULL;
CREATE UNIQUE INDEX items_file_hash ON items(file_hash) WHERE file_hash IS NOT NULL;
CREATE INDEX items_category ON items(category);
CREATE INDEX items_crop_hash ON items(crop_hash);

CREATE TABLE outfits_v2 (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL DEFAULT '',
  origin     TEXT NOT NULL CHECK (origin IN ('photo', 'user', 'modified')),
  photo_id   INTEGER REFERENCES photos(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
INSERT INTO outfits_v2 SELECT id, name, origin, photo_id, created_at FROM outfits;

-- The items an outfit is made of (the library checks that they make a
-- valid outfit: common/category.h).
CREATE TABLE outfit_items (
  outfit_id INTEGER NOT NULL REFERENCES outfits_v2(id) ON DELETE CASCADE,
  item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  PRIMARY KEY (outfit_id, item_id)
) WITHOUT ROWID;
INSERT INTO outfit_items SELECT id, top_id FROM outfits
  UNION SELECT id, bottom_id FROM outfits
  UNION SELECT id, shoes_id FROM outfits;
CREATE INDEX outfit_items_item ON outfit_items(item_id);

DROP TABLE outfits;
ALTER TABLE outfits_v2 RENAME TO outfits;
CREATE UNIQUE INDEX outfits_photo ON outfits(photo_id) WHERE origin = 'photo';

-- An outfit without one of its items is another outfit: removing an item
-- removes the outfits that wear it, as the slot columns' ON DELETE CASCADE did.
CREATE TRIGGER items_remove_outfits BEFORE DELETE ON items BEGIN
  DELETE FROM outfits WHERE id IN (SELECT outfit_id FROM outfit_items WHERE item_id = old.id);
END;
)sql");
}

using Step = void (*)(sql::Database&);
// kSteps[i] migrates from version i to version i + 1.
const Step kSteps[] = {migrateTo1, migrateTo2, migrateTo3};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == Library::kSchemaVersion,
              "one migration step per schema version");

}  // namespace

void migrate(sql::Database& db, int fromVersion) {
  if (fromVersion >= Library::kSchemaVersion) return;
  // Steps rebuild tables (create, copy, drop, rename), which must not fire
  // the foreign keys' ON DELETE actions of the table being dropped; SQLite
  // only lets them be switched off outside a transaction. Each step checks
  // the keys itself before it commits.
  db.exec("PRAGMA foreign_keys = OFF");
  try {
    for (int version = fromVersion; version < Library::kSchemaVersion; ++version) {
      sql::Savepoint transaction(db);
      kSteps[version](db);
      if (db.scalar("SELECT count(*) FROM pragma_foreign_key_check") != 0)
        throw sql::SqlError("migration to schema " + std::to_string(version + 1) + " broke a reference",
                            SQLITE_CONSTRAINT);
      db.exec("PRAGMA user_version = " + std::to_string(version + 1));
      if (version == 0) db.exec("PRAGMA application_id = " + std::to_string(Library::kApplicationId));
      transaction.release();
    }
  } catch (...) {
    db.exec("PRAGMA foreign_keys = ON");
    throw;
  }
  db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace w2w::schema
