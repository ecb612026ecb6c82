// Internal to core/library: helpers shared by the Library implementation files.
#pragma once

#include <string>

#include "library/library.h"
#include "library/sqlite_db.h"

namespace w2w::detail {

// ISO 8601 UTC with milliseconds, the library's timestamp format.
std::string nowUtc();

// Column lists and row readers, so every query reads records the same way.
extern const char* const kPhotoColumns;
extern const char* const kItemColumns;
extern const char* const kOutfitColumns;
extern const char* const kRunColumns;
Photo readPhoto(const sql::Statement& row);
Item readItem(const sql::Statement& row);
Outfit readOutfit(const sql::Statement& row);
TrainingRun readRun(const sql::Statement& row);

// Binds an optional box to four consecutive parameters starting at `first`.
void bindBox(sql::Statement& stmt, int first, const std::optional<Box>& box);

}  // namespace w2w::detail

namespace w2w {

// Runs `body`, turning SqlError (and std::exception) into an Error that names
// the operation and the library file: "<file>: cannot add photo: disk I/O error".
template <typename F>
auto Library::guarded(const char* what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const sql::SqlError& e) {
    std::string reason = e.what();
    if ((e.code() & 0xff) == 8 /* SQLITE_READONLY */) reason = "the library is read-only";
    if ((e.code() & 0xff) == 13 /* SQLITE_FULL */) reason = "the disk is full";
    if ((e.code() & 0xff) == 5 /* SQLITE_BUSY */) reason = "the library is busy (another program is writing)";
    return makeError(path_ + ": cannot " + what + ": " + reason);
  } catch (const std::exception& e) {
    return makeError(path_ + ": cannot " + what + ": " + e.what());
  }
}

}  // namespace w2w
