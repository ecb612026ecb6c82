// Crops are encoded as soon as they exist: the crops of photos and the
// single items of an import, and a crop a curator just edited; the
// Embeddings view counts every item.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include "background_encoder.h"
#include "background_task.h"
#include "embed/basic_encoder.h"
#include "embeddings_view.h"
#include "encoder_service.h"
#include "io/image_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "studio_settings.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::TempDir;

struct Studio {
  TempDir dir;
  StudioSettings settings;
  LibraryController controller;
  EncoderService encoders{&settings};
  BackgroundEncoder encoder{&controller, &encoders};

  Studio() {
    settings.setEncoder("basic");
    EXPECT_EQ(controller.openLibrary(QString::fromStdString(dir.path("w.w2w")), true), QString());
    QObject::connect(&controller, &LibraryController::cropsAdded, &encoder,
                     [this](const std::vector<Id>& photos, const std::vector<Id>& items) {
                       encoder.encodePhotos(photos);
                       encoder.encodeItems(items);
                     });
  }
  Library& library() { return *controller.library(); }
  long long encoded() { return library().itemEmbeddings(BasicEncoder::kModelId)->vectors.rows; }
};

bool waitFor(const std::function<bool()>& done, int ms = 60000) {
  return QTest::qWaitFor([&] { return done(); }, ms);
}

TEST(BackgroundEncoding, ImportedItemsAreEncodedAndCountedAtOnce) {
  Studio s;
  EmbeddingsView view(&s.controller, &s.encoders);
  QDir().mkpath(QString::fromStdString(s.dir.path("items/shoes")));
  for (int i = 0; i < 3; ++i)
    test::writeImage(s.dir.path("items/shoes/shoe" + std::to_string(i) + ".png"),
                     test::makeTestImage(60, 60, i));
  QSignalSpy encoded(&s.encoder, &BackgroundEncoder::encoded);
  s.controller.importItems({QString::fromStdString(s.dir.path("items"))}, "folder");
  ASSERT_TRUE(waitFor([&] { return encoded.count() > 0 && !s.encoder.isBusy(); }));
  EXPECT_EQ(s.encoded(), 3);
  view.refresh();
  auto* count = view.findChild<QLabel*>("encodedCount");
  ASSERT_TRUE(count);
  EXPECT_TRUE(count->text().startsWith("3 of 3")) << count->text().toStdString();
}

// The demo library a first start builds is ready for the board: every crop
// and single item of it is encoded without the person asking.
TEST(BackgroundEncoding, TheDemoLibraryIsEncodedOnceBuilt) {
  Studio s;
  QSignalSpy encoded(&s.encoder, &BackgroundEncoder::encoded);
  BackgroundTask* build = s.controller.buildDemo(QString::fromStdString(s.library().path()));
  ASSERT_NE(build, nullptr);
  ASSERT_TRUE(waitFor([&] { return encoded.count() > 0 && !s.encoder.isBusy(); }, 120000));
  auto info = s.library().info();
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->photos, 30);
  EXPECT_EQ(s.encoded(), info->items) << "every crop and single item";
  EXPECT_GE(info->items, 100);
}

TEST(BackgroundEncoding, OnlyWhatIsAskedForAndNotYetEncoded) {
  Studio s;
  const std::string photoFile = s.dir.path("photo.png");
  const RgbImage photo = test::makeTestImage(200, 300, 1);
  test::writeImage(photoFile, photo);
  const Id photoId = *s.library().addPhoto({photoFile, "h", 1, 200, 300});
  PhotoAnalysis a;
  for (Category c : {Category::Top, Category::Shoes}) {
    const Box b = c == Category::Top ? Box{40, 30, 120, 100} : Box{60, 250, 80, 40};
    a.crops.push_back({c, b, 0.5, makeCropImage(renderCrop(photo, nullptr, b))});
  }
  ASSERT_TRUE(s.library().storeAnalysis(photoId, a).ok());
  const Id other = *s.library().addStandaloneItem(
      Category::Bottom, {s.dir.path("skirt.png"), "f", 1, 24, 24},
      makeCropImage(renderWholeImage(test::makeTestImage(24, 24, 7), nullptr, 32)));
  s.encoder.encodePhotos({photoId});
  s.encoder.waitUntilIdle();
  EXPECT_EQ(s.encoded(), 2) << "the photo's two crops, not the other item";
  s.encoder.encodeItems({other});
  s.encoder.waitUntilIdle();
  EXPECT_EQ(s.encoded(), 3);
}

}  // namespace
}  // namespace w2w
