// what2wear: the command-line interface (see cli.h and `what2wear --help`).
#include <QCoreApplication>

#include "cli.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName("what2wear");
  QCoreApplication::setOrganizationName("What2Wear");
  w2w::cli::installInterruptHandler();
  return w2w::cli::run(QCoreApplication::arguments());
}
