#include "cli.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

#include <semaphore.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "common/build_info.h"

namespace w2w::cli {
namespace {

CancelFlag gInterrupt;
sem_t gInterrupted;  // posted by the signal handler, waited for by the watchdog

extern "C" void onInterrupt(int) {
  // Only async-signal-safe calls here: an atomic store, signal(), sem_post().
  gInterrupt.cancel();
  std::signal(SIGINT, SIG_DFL);  // a second signal ends the process at once
  std::signal(SIGTERM, SIG_DFL);
  sem_post(&gInterrupted);
}

// Gives the command kInterruptGraceSeconds to stop by itself, then ends it.
void watchInterrupts() {
  while (sem_wait(&gInterrupted) != 0) {
  }
  sleep(kInterruptGraceSeconds);
  static const char kMessage[] = "what2wear: error: interrupted; the work finished so far is kept\n";
  (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  std::_Exit(kInterrupted);
}

QString versionText() {
  return QStringLiteral("what2wear %1 (%2)")
      .arg(QString::fromStdString(applicationVersion()), QString::fromStdString(libraryVersions()));
}

void printUsage() {
  QTextStream out(stdout);
  out << "Usage: what2wear <command> [options]\n\n"
      << "What2Wear learns which clothes go together: it crops outfit photos into their\n"
      << "garments, embeds the crops, trains a compatibility model on outfits of any size\n"
      << "(tops, outer layers, bottoms, one-pieces, shoes, bags, accessories) and\n"
      << "recommends the pieces that complete a look.\n\nCommands:\n";
  for (const Command& command : commands()) {
    out << "  " << QString::fromUtf8(command.name).leftJustified(11) << QString::fromUtf8(command.summary)
        << "\n";
  }
  out << "\nEvery command takes --json (machine-readable output on stdout) and --help.\n"
      << "Progress goes to stderr. Exit status: 0 ok, 1 failed, 2 bad usage, 130 interrupted.\n"
      << "\nGlobal options:\n  --help     this text\n  --version  version and library versions\n";
}

}  // namespace

CancelFlag& interruptFlag() { return gInterrupt; }

void installInterruptHandler() {
  sem_init(&gInterrupted, 0, 0);
  std::thread(watchInterrupts).detach();
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
}

int run(const QStringList& arguments) {
  if (arguments.size() < 2) {
    printUsage();
    return kUsage;
  }
  const QString name = arguments.at(1);
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage();
    return kOk;
  }
  if (name == "--version" || name == "-v") {
    printLine(versionText());
    return kOk;
  }
  for (const Command& command : commands()) {
    if (name == QLatin1String(command.name)) {
      QStringList args = arguments.mid(1);
      args[0] = "what2wear " + name;
      return command.run(args);
    }
  }
  return fail(QStringLiteral("unknown command '%1' (see what2wear --help)").arg(name), kUsage);
}

bool parseArguments(QCommandLineParser& parser, const QStringList& args, int* exitCode, int maxPositional) {
  parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
  parser.addOption(QCommandLineOption("json", "Machine-readable JSON on stdout."));
  const QCommandLineOption help({"h", "help"}, "Show this help.");
  parser.addOption(help);
  if (!parser.parse(args)) {
    *exitCode = fail(parser.errorText() + " (see " + args.value(0) + " --help)", kUsage);
    return false;
  }
  if (parser.isSet(help)) {
    // Qt names the executable by its full path; show the command as typed.
    QString text = parser.helpText();
    const int lineEnd = text.indexOf('\n');
    const QString firstLine = text.left(lineEnd);
    const int options = firstLine.indexOf(" [options]");
    text.replace(0, options < 0 ? lineEnd : options, "Usage: " + args.value(0));
    QTextStream(stdout) << text;
    *exitCode = kOk;
    return false;
  }
  const QStringList positional = parser.positionalArguments();
  if (maxPositional != kAnyNumber && positional.size() > maxPositional) {
    *exitCode = fail(QStringLiteral("unexpected argument '%1' (see %2 --help)")
                         .arg(positional.at(maxPositional), args.value(0)),
                     kUsage);
    return false;
  }
  return true;
}

void printJson(const format::Json& object) {
  const std::string line = format::dumpJson(object);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

void printLine(const QString& text) {
  const QByteArray line = text.toUtf8();
  std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

int fail(const QString& message, int code) {
  std::fprintf(stderr, "what2wear: error: %s\n", message.toUtf8().constData());
  return code;
}

int fail(const std::string& message, int code) { return fail(QString::fromStdString(message), code); }

void warn(const QString& message) {
  std::fprintf(stderr, "what2wear: warning: %s\n", message.toUtf8().constData());
}

ProgressPrinter::ProgressPrinter(bool quiet) : quiet_(quiet), tty_(isatty(fileno(stderr)) != 0) {}

ProgressPrinter::~ProgressPrinter() { finish(); }

void ProgressPrinter::operator()(const Progress& p) {
  if (quiet_) return;
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  const bool last = p.total > 0 && p.done >= p.total;
  if (!last && now - lastPrintMs_ < (tty_ ? 100 : 500)) return;
  lastPrintMs_ = now;
  QString text = p.total > 0 ? QStringLiteral("[%1/%2] ").arg(p.done).arg(p.total) : QString();
  text += QString::fromStdString(p.message);
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%s", text.left(150).toUtf8().constData());
    open_ = true;
  } else {
    std::fprintf(stderr, "%s\n", text.toUtf8().constData());
  }
  std::fflush(stderr);
}

ProgressCallback ProgressPrinter::callback() {
  return [this](const Progress& p) { (*this)(p); };
}

void ProgressPrinter::finish() {
  if (open_) std::fputc('\n', stderr);
  open_ = false;
}

}  // namespace w2w::cli
