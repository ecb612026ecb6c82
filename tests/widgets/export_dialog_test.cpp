// File ▸ Export…: the dialog proposes an output per format, keeps a path the
// person typed, and refuses to start over an existing output unless told to
// replace it (the same rule as the export itself).
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "export_dialog.h"
#include "test_support.h"

namespace w2w {
namespace {

QPushButton* exportButton(ExportDialog& dialog) { return dialog.findChild<QPushButton*>("exportStart"); }

TEST(ExportDialog, ProposesAnOutputPerFormatAndRefusesToOverwriteUnlessAsked) {
  test::TempDir dir;
  const QString library = QString::fromStdString(dir.path("wardrobe.w2w"));
  ExportDialog dialog(nullptr, library, QString());
  auto* format = dialog.findChild<QComboBox*>("exportFormat");
  auto* out = dialog.findChild<QLineEdit*>("exportOut");
  auto* replace = dialog.findChild<QCheckBox*>("exportReplace");
  auto* error = dialog.findChild<QLabel*>("exportError");
  ASSERT_TRUE(format && out && replace && error && exportButton(dialog));

  EXPECT_EQ(out->text(), QString::fromStdString(dir.path("wardrobe-coco.json")));
  EXPECT_TRUE(exportButton(dialog)->isEnabled());
  format->setCurrentIndex(1);  // crops
  EXPECT_EQ(out->text(), QString::fromStdString(dir.path("wardrobe-crops")));
  EXPECT_EQ(dialog.options().format, ExportFormat::Crops);

  // A folder that exists and holds something: not without "Replace".
  QDir().mkpath(QString::fromStdString(dir.path("mine")));
  test::writeBytes(dir.path("mine/keep.txt"), "x");
  out->setText(QString::fromStdString(dir.path("mine")));
  EXPECT_FALSE(exportButton(dialog)->isEnabled());
  EXPECT_FALSE(error->text().isEmpty());
  replace->setChecked(true);
  EXPECT_TRUE(exportButton(dialog)->isEnabled());
  EXPECT_TRUE(error->text().isEmpty());
  EXPECT_TRUE(dialog.options().force);

  // A typed path stays when the format changes.
  format->setCurrentIndex(3);  // lookbook
  EXPECT_EQ(out->text(), QString::fromStdString(dir.path("mine")));
  EXPECT_EQ(dialog.options().format, ExportFormat::Lookbook);

  // Embeddings of a library without vectors cannot start.
  format->setCurrentIndex(2);
  EXPECT_FALSE(exportButton(dialog)->isEnabled());
}

}  // namespace
}  // namespace w2w
