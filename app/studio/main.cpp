// what2wear-studio: the desktop application.
//
//   what2wear-studio [--library FILE | FILE.w2w] [--view NAME --screenshot FILE.png]
//
// With --screenshot it renders one view to a PNG and exits (documentation and
// tests). The first start opens the bundled demo library. A library given
// alone is how a desktop opens a double-clicked .w2w file.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

#include "common/build_info.h"
#include "compat_service.h"
#include "library_controller.h"
#include "log_file.h"
#include "main_window.h"
#include "outfit_board_view.h"
#include "studio_settings.h"
#include "thumbnail_cache.h"
#include "translation_manager.h"

namespace {

bool hasDisplay() {
  return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || std::getenv("QT_QPA_PLATFORM");
}

// --help and --version print text only, so they work without a display (a
// terminal over ssh, and the build step that makes the manual page).
bool onlyPrintsText(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray arg(argv[i]);
    if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
      return true;
  }
  return false;
}

// The library to open: --library FILE or a single FILE argument; empty when
// none was given. Sets *error when both, or several files, were given.
QString requestedLibrary(const QCommandLineParser& parser, QString* error) {
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1 || (!files.isEmpty() && parser.isSet("library"))) {
    *error = "give one library: --library FILE or FILE, not both";
    return {};
  }
  return files.isEmpty() ? parser.value("library") : files.first();
}

// The icon in every size the studio's resources carry (PNG: no SVG plugin needed).
QIcon applicationIcon() {
  QIcon icon;
  for (const QString& file : QDir(":/icons").entryList({"*.png"})) icon.addFile(":/icons/" + file);
  return icon;
}

// Lets background work (thumbnails, a demo import) settle, then saves the window.
int takeScreenshot(QApplication& app, w2w::MainWindow& window, const QString& file) {
  QElapsedTimer timer;
  timer.start();
  int quiet = 0;
  while (timer.elapsed() < 120000 && quiet < 5) {
    app.processEvents(QEventLoop::AllEvents, 50);
    window.thumbnails()->waitForPending();
    app.processEvents(QEventLoop::AllEvents, 50);
    quiet = window.busy() ? 0 : quiet + 1;
  }
  window.repaint();
  if (!window.grab().save(file)) {
    std::fprintf(stderr, "what2wear-studio: error: cannot write %s\n", qUtf8Printable(file));
    return 1;
  }
  std::printf("%s\n", qUtf8Printable(QFileInfo(file).absoluteFilePath()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!hasDisplay() && onlyPrintsText(argc, argv)) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (!hasDisplay()) {
    std::fprintf(stderr,
                 "what2wear-studio: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                 "Run it on a desktop, under xvfb-run, or try the headless demo: what2wear demo\n");
    return 1;
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName("What2Wear Studio");
  QApplication::setOrganizationName("What2Wear");
  QApplication::setApplicationVersion(QString::fromStdString(w2w::applicationVersion()));
  // Ties the windows to the installed .desktop file (Wayland app id, taskbar icon).
  QGuiApplication::setDesktopFileName("io.github.what2wear.Studio");
  QApplication::setWindowIcon(applicationIcon());
  // Everything logged from here on (the core's areas, the studio, Qt itself)
  // also goes to the log file that Help ▸ Show Log… shows.
  w2w::LogFile::install();

  QCommandLineParser parser;
  parser.setApplicationDescription("What2Wear Studio: learns which clothes go together.");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption({"library", "Open this library.", "FILE"});
  parser.addPositionalArgument("FILE.w2w", "A library to open (the same as --library FILE.w2w).",
                               "[FILE.w2w]");
  parser.addOption({"demo", "Open the bundled demo library (built on first use)."});
  parser.addOption({"view", "Show this view (library, ...).", "NAME"});
  parser.addOption({"screenshot", "Render the window to a PNG and exit.", "FILE.png"});
  parser.addOption({"size", "Window size for --screenshot (default 1280x820).", "WxH"});
  parser.addOption({"checkpoint", "Use this trained compatibility model.", "DIR"});
  parser.addOption({"language", "Show the studio in this language (en, ko) for this run.", "CODE"});
  parser.addOption(
      {"board",
       "Put these items on the outfit board (and in the recommendations), each in the slot of its category.",
       "ID,ID,..."});
  parser.addOption({"train",
                    "Start training on the open library with the Training view's settings "
                    "(with --screenshot: waits until it ends)."});
  parser.addOption({"compare",
                    "Compare these items in the heatmaps (and explain the first against the second).",
                    "ID,ID,..."});
  parser.process(app);
  QString usageError;
  const QString libraryFile = requestedLibrary(parser, &usageError);
  if (!usageError.isEmpty()) {
    std::fprintf(stderr, "what2wear-studio: error: %s\n", qUtf8Printable(usageError));
    return 2;
  }

  w2w::StudioSettings settings;
  w2w::TranslationManager translations;
  translations.apply(parser.isSet("language") ? parser.value("language") : settings.language());
  w2w::LibraryController library;
  w2w::MainWindow window(&settings, &library, &translations);

  if (!libraryFile.isEmpty()) {
    QString error;
    if (!window.openLibrary(libraryFile, &error)) {
      std::fprintf(stderr, "what2wear-studio: error: %s\n", qUtf8Printable(error));
      return 1;
    }
  } else if (parser.isSet("demo") || settings.firstStart() || settings.lastLibrary().isEmpty()) {
    window.openDemoLibrary();
  } else {
    QString error;
    if (!window.openLibrary(settings.lastLibrary(), &error)) window.openDemoLibrary();
  }
  if (parser.isSet("checkpoint")) {
    const QString error = window.compat()->setCheckpoint(parser.value("checkpoint"));
    if (!error.isEmpty()) {
      std::fprintf(stderr, "what2wear-studio: error: %s\n", qUtf8Printable(error));
      return 1;
    }
  }
  if (parser.isSet("board")) {
    std::vector<w2w::Id> items;
    for (const QString& id : parser.value("board").split(',', Qt::SkipEmptyParts))
      items.push_back(id.toLongLong());
    window.putOnBoard(items);
  }
  if (parser.isSet("compare")) {
    std::vector<w2w::Id> items;
    for (const QString& id : parser.value("compare").split(',')) items.push_back(id.toLongLong());
    window.compareItems(items);
  }
  if (parser.isSet("train")) {
    const QString error = window.startTraining();
    if (!error.isEmpty()) {
      std::fprintf(stderr, "what2wear-studio: error: %s\n", qUtf8Printable(error));
      return 1;
    }
  }
  if (parser.isSet("view") && !window.showView(parser.value("view"))) {
    std::fprintf(stderr, "what2wear-studio: error: unknown view '%s' (views: %s)\n",
                 qUtf8Printable(parser.value("view")), qUtf8Printable(window.viewNames().join(", ")));
    return 2;
  }

  if (parser.isSet("screenshot")) {
    const QStringList size = parser.value("size").split('x');
    window.resize(size.size() == 2 ? QSize(size[0].toInt(), size[1].toInt()) : QSize(1280, 820));
    window.show();
    return takeScreenshot(app, window, parser.value("screenshot"));
  }
  // The default size must fit a small screen (on a 1280x800 laptop it would
  // hide the status bar); a size restored from the last run fits already.
  if (const QScreen* screen = window.screen())
    window.resize(window.size().boundedTo(screen->availableGeometry().size() - QSize(16, 64)));
  window.show();
  return app.exec();
}
