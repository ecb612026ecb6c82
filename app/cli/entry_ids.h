// The --photo ID and --item ID options of the commands that change a
// library (tag, library remove): parsing, and checking that every id exists
// before anything changes.
#pragma once

#include <QCommandLineParser>
#include <QString>

#include <vector>

#include "library/library.h"

namespace w2w::cli {

// The values of --<name> as ids, each once, in order; false (with *error
// set) for a value that is not a positive whole number.
bool readIds(const QCommandLineParser& parser, const QString& name, std::vector<Id>* ids, QString* error);

// Fails, naming the first id that is not in the library.
Status checkEntriesExist(Library& library, const std::vector<Id>& photos, const std::vector<Id>& items);

}  // namespace w2w::cli
