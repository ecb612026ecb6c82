// what2wear: the command-line interface (see cli.h and `what2wear --help`).
#include <QCoreApplication>
#ifdef W2W_CLI_HAS_GUI
#include <QGuiApplication>
#endif

#include <cstring>
#include <memory>

#include "cli.h"

#ifdef W2W_CLI_HAS_GUI
namespace {

bool wantsLookbook(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "lookbook") == 0 || std::strcmp(argv[i], "--format=lookbook") == 0) return true;
  }
  return false;
}

}  // namespace
#endif

int main(int argc, char** argv) {
  std::unique_ptr<QCoreApplication> app;
#ifdef W2W_CLI_HAS_GUI
  // `export --format lookbook` paints pages (fonts, QPdfWriter): that needs a
  // QGuiApplication, which runs without a display on the offscreen platform.
  if (argc > 1 && std::strcmp(argv[1], "export") == 0 && wantsLookbook(argc, argv)) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    app = std::make_unique<QGuiApplication>(argc, argv);
  }
#endif
  if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
  QCoreApplication::setApplicationName("what2wear");
  QCoreApplication::setOrganizationName("What2Wear");
  w2w::cli::installInterruptHandler();
  return w2w::cli::run(QCoreApplication::arguments());
}
