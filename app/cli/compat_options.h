// Options shared by `what2wear train` and `what2wear eval`: the dataset, its
// crops, the cache, and number parsing with one-line usage errors.
#pragma once

#include <QCommandLineParser>
#include <QString>

#include <optional>
#include <string>

#include "datasets/dataset_loader.h"

namespace w2w::cli {

// Adds --dataset, --split, --boxes, --background, --skip-warnings, --cache,
// --no-cache, --encoder and --quiet.
void addDatasetOptions(QCommandLineParser& parser, const QString& defaultSplit);

// Fills `request` from the options that are set (leaving the rest as given).
// Returns an error message for bad values, empty when all is well.
QString readDatasetOptions(const QCommandLineParser& parser, datasets::DatasetRequest& request);

// Parses --name as a number in [lo, hi]; false (with *error set) when bad.
bool readNumber(const QCommandLineParser& parser, const QString& name, double lo, double hi, double* value,
                QString* error);
bool readInteger(const QCommandLineParser& parser, const QString& name, long long lo, long long hi,
                 long long* value, QString* error);

}  // namespace w2w::cli
