// Widget tests need a QApplication; everything else is plain GoogleTest.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv) {
  // Offscreen unless told otherwise: test discovery at build time runs this
  // too, and a CI machine has no display.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // settings and caches in test folders
  QApplication app(argc, argv);
  QApplication::setApplicationName("what2wear-widget-tests");
  QApplication::setOrganizationName("What2Wear");
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
