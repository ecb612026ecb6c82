// Internal to core/library: the versioned schema and its migrations.
#pragma once

#include "library/sqlite_db.h"

namespace w2w::schema {

// Bump together with Library::kSchemaVersion and add one migrateToN step.
inline constexpr int kCurrentVersion = 2;
inline constexpr int kApplicationId = 0x5732574C;  // "W2WL"

// Migrates from `fromVersion` to kCurrentVersion, one transaction per step.
// Throws sql::SqlError; a failed step leaves the file at the previous version.
void migrate(sql::Database& db, int fromVersion);

}  // namespace w2w::schema
