// The `what2wear` command line: subcommands, shared conventions.
//
// Every subcommand takes --json for machine-readable output on stdout, prints
// progress on stderr, and exits non-zero with a one-line reason on bad input:
//   0 success, 1 the work failed, 2 bad usage, 130 interrupted (Ctrl-C; work
//   done so far is kept).
#pragma once

#include <QStringList>

#include <vector>

#include "common/progress.h"
#include "format/json.h"

class QCommandLineParser;

namespace w2w::cli {

// What an encoder option accepts (the one rule is openEncoder, embed/encoder_factory.h).
inline constexpr const char* kEncoderSpecHelp =
    "basic (built in), a FashionCLIP model folder, or a TorchScript encoder (a .pt file, or a folder with "
    "encoder.pt; trusted files only: loading runs its code).";
inline constexpr const char* kEncoderSpecValue = "basic|DIR|FILE.pt";

enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2, kInterrupted = 130 };

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const QStringList& args);  // args[0] is "what2wear <name>"
};

// All subcommands, in the order --help lists them (commands.cpp).
const std::vector<Command>& commands();

int run(const QStringList& arguments);

// Set by SIGINT/SIGTERM. Commands poll it between units of work and stop
// with exit status 130, keeping what they finished. A command still running
// kInterruptGraceSeconds after the signal (inside one long step, or waiting
// for a busy library) ends there with 130: every write of the program is a
// transaction or an atomic file replacement, so ending at any instant keeps
// all finished work. A second signal ends the process at once.
CancelFlag& interruptFlag();
inline constexpr int kInterruptGraceSeconds = 3;
void installInterruptHandler();

// How many positional arguments a subcommand takes (beyond its options).
inline constexpr int kAnyNumber = -1;

// Parses a subcommand's arguments: adds --json and --help, prints usage on
// --help and a one-line error on bad options or on more positional arguments
// than `maxPositional` (a stray argument is never silently ignored). Returns
// false with *exitCode set when the caller should return at once.
bool parseArguments(QCommandLineParser& parser, const QStringList& args, int* exitCode,
                    int maxPositional = 0);

// One JSON object on one line on stdout (UTF-8). Counts and ids are stored
// as integers and print as `3`; measured figures are doubles and print as
// numbers (`0.5`, `1.0`).
void printJson(const format::Json& object);
// Plain text on stdout.
void printLine(const QString& text);
// "what2wear: error: <message>" on stderr; returns `code`.
int fail(const QString& message, int code = kFailed);
int fail(const std::string& message, int code = kFailed);
// A warning on stderr that does not stop the command.
void warn(const QString& message);

// Progress on stderr: a single rewritten line on a terminal, a line per
// step (at most one every half second) otherwise; silent with --quiet.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool quiet = false);
  ~ProgressPrinter();
  void operator()(const Progress& progress);
  ProgressCallback callback();
  void finish();

 private:
  bool quiet_;
  bool tty_;
  qint64 lastPrintMs_ = 0;
  bool open_ = false;
};

}  // namespace w2w::cli
