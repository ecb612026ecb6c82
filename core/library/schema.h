// Internal to core/library: the versioned schema and its migrations.
#pragma once

#include "library/sqlite_db.h"

namespace w2w::schema {

// Migrates from `fromVersion` to Library::kSchemaVersion (the one place that
// says which version this build writes), one transaction per step. Throws
// sql::SqlError; a failed step leaves the file at the previous version.
void migrate(sql::Database& db, int fromVersion);

}  // namespace w2w::schema
