// A run trained outside the studio (what2wear train --dataset library:FILE
// goes through compat::runLibraryTraining) is one of the library's runs in
// the Training view, with its epochs and best AUC, like a run the studio made.
#include <gtest/gtest.h>

#include <QTableWidgetItem>

#include "compat/training_run.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "library_controller.h"
#include "library_fixture.h"
#include "run_history_table.h"
#include "studio_settings.h"
#include "test_support.h"
#include "training_controller.h"
#include "training_view.h"

namespace w2w {
namespace {

TEST(LibraryRuns, ARunRecordedOutsideTheStudioIsListedWithItsMetrics) {
  test::TempDir dir;
  const std::string path = dir.path("wardrobe.w2w");
  compat::LibraryTrainingResult trained;
  {
    auto library = test::makePhotoOutfitLibrary(path, 10);
    BasicEncoder encoder;
    compat::LibraryTrainingRequest request;
    request.config.head.hiddenDim = 32;
    request.config.head.outputDim = 16;
    request.config.head.ensemble = 1;
    request.config.epochs = 2;
    request.config.batchSize = 4;
    request.config.threads = 1;
    request.previous.epochsPlanned = 2;
    CancelFlag cancel;
    trained = compat::runLibraryTraining(
        *library, request, [&](const std::function<Status(Encoder&)>& work) { return work(encoder); }, {},
        cancel);
    ASSERT_FALSE(trained.failed) << trained.message;
  }

  StudioSettings settings;
  LibraryController library;
  ASSERT_TRUE(library.openLibrary(QString::fromStdString(path)).isEmpty());
  EncoderService encoders(&settings);
  TrainingController training(&library, &encoders);
  TrainingView view(&training, &library, &encoders, &settings);
  RunHistoryTable* runs = view.history();
  ASSERT_EQ(runs->rowCount(), 1);
  EXPECT_EQ(runs->item(0, 0)->data(Qt::UserRole).toLongLong(), trained.runId);
  EXPECT_EQ(runs->item(0, RunHistoryTable::EpochsColumn)->text(), "2 of 2");
  EXPECT_EQ(runs->item(0, RunHistoryTable::AucColumn)->text(),
            QString::number(trained.metrics.bestValAuc, 'f', 3));
  EXPECT_EQ(QString::fromStdString(compat::defaultRunFolder(path, trained.runId)),
            training.checkpointFolder(*(*library.library()->run(trained.runId))));
}

}  // namespace
}  // namespace w2w
