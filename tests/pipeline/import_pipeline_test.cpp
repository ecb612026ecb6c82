// Importing a folder of good and bad photos with the crop pipeline: every
// bad file gets its own error, the good ones are added with crops, and
// photos with top, bottom and shoes become outfits.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/cv_convert.h"
#include "library/library.h"
#include "pipeline/photo_importer.h"
#include "pipeline/photo_reanalysis.h"
#include "test_support.h"
#include "vision/photo_analyzer.h"

namespace w2w {
namespace {

std::string miniPhoto(const std::string& id) { return test::dataPath("ccp-mini/photos/" + id + ".jpg"); }

cv::Mat readBgr(const std::string& path) { return cv::imread(path, cv::IMREAD_COLOR); }

void writeMat(const std::string& path, const cv::Mat& mat, const std::string& ext = "") {
  std::vector<uchar> bytes;
  ASSERT_TRUE(cv::imencode(ext.empty() ? path.substr(path.find_last_of('.')) : ext, mat, bytes));
  test::writeBytes(path, std::string(bytes.begin(), bytes.end()));
}

std::string readAll(const std::string& path) {
  QFile f(QString::fromStdString(path));
  EXPECT_TRUE(f.open(QIODevice::ReadOnly));
  const QByteArray b = f.readAll();
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

class ImportPipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = makeImportAnalyzer();
    ASSERT_TRUE(analyzer.ok()) << analyzer.message();
    options_.analyzer = *analyzer;
    options_.threads = 2;
  }
  ImportOptions options_;
  test::TempDir dir_;
};

TEST_F(ImportPipeline, MixedFolderGivesPerFileErrorsAndCropsForTheGoodOnes) {
  const std::string in = dir_.path("in");
  QDir().mkpath(QString::fromStdString(in));
  // Good photos, one with a non-ASCII name.
  QFile::copy(QString::fromStdString(miniPhoto("0401")), QString::fromStdString(in + "/a_good.jpg"));
  QFile::copy(QString::fromStdString(miniPhoto("0402")), QString::fromStdString(in + "/옷차림 été.jpg"));
  const cv::Mat bgr = readBgr(miniPhoto("0406"));
  cv::Mat gray, bgra, deep;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
  bgr.convertTo(deep, CV_16UC3, 257.0);
  writeMat(in + "/c_gray.png", gray);
  writeMat(in + "/d_alpha.png", bgra);
  writeMat(in + "/e_deep.png", deep);
  QFile::copy(QString::fromStdString(test::dataPath("images/cmyk.jpg")),
              QString::fromStdString(in + "/f_cmyk.jpg"));
  test::writeImage(in + "/g_no_person.png", test::makeTestImage(320, 240, 9));
  // Two people: the photo next to a smaller copy of another.
  const cv::Mat other = readBgr(miniPhoto("0408"));
  cv::Mat two(bgr.rows, bgr.cols * 2, CV_8UC3, cv::Scalar(190, 190, 190));
  bgr.copyTo(two(cv::Rect(bgr.cols / 2, 0, bgr.cols, bgr.rows)));
  cv::Mat small;
  cv::resize(other, small, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  small.copyTo(two(cv::Rect(two.cols - small.cols, two.rows - small.rows, small.cols, small.rows)));
  writeMat(in + "/h_two_people.jpg", two);
  // Stored on its side with an EXIF orientation tag: recorded upright.
  cv::Mat sideways;
  cv::rotate(readBgr(miniPhoto("0410")), sideways, cv::ROTATE_90_COUNTERCLOCKWISE);
  std::vector<uchar> sidewaysJpeg;
  ASSERT_TRUE(cv::imencode(".jpg", sideways, sidewaysJpeg));
  test::writeBytes(in + "/i_exif_rotated.jpg",
                   test::jpegWithExifOrientation(std::string(sidewaysJpeg.begin(), sidewaysJpeg.end()), 6));
  // Bad files.
  test::writeBytes(in + "/x_empty.jpg", "");
  test::writeBytes(in + "/x_text.jpg", "not a photo at all\n");
  const std::string jpeg = readAll(miniPhoto("0409"));
  test::writeBytes(in + "/x_truncated.jpg", jpeg.substr(0, jpeg.size() / 2));
  std::string bomb("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\x4E\x20\0\0\x4E\x20\x08\x02\0\0\0\0\0\0\0", 33);
  test::writeBytes(in + "/x_huge.png", bomb);

  auto library = Library::create(dir_.path("lib.w2w"));
  ASSERT_TRUE(library.ok()) << library.message();
  const ImportReport report = importPhotos(**library, {in, dir_.path("missing.jpg")}, options_);
  EXPECT_EQ(report.added(), 9);
  EXPECT_EQ(report.failed(), 5);
  for (const ImportEntry& e : report.entries) {
    const std::string name = e.path.substr(e.path.find_last_of('/') + 1);
    if (name.rfind("x_", 0) == 0 || name == "missing.jpg") {
      EXPECT_EQ(e.outcome, ImportEntry::Outcome::Failed) << name;
      EXPECT_NE(e.error.find(name), std::string::npos) << "the error names the file: " << e.error;
    } else {
      EXPECT_EQ(e.outcome, ImportEntry::Outcome::Added) << name << ": " << e.error;
    }
  }
  auto photos = (*library)->photos();
  ASSERT_TRUE(photos.ok());
  int withThreeCrops = 0;
  for (const Photo& p : *photos) {
    EXPECT_EQ(p.status, PhotoStatus::Processed) << p.path;
    auto items = (*library)->items(ItemQuery().fromPhoto(p.id));
    ASSERT_TRUE(items.ok());
    for (const Item& item : *items) {
      EXPECT_EQ(item.source, ItemSource::Auto);
      EXPECT_FALSE(item.cropHash.empty());
    }
    if (items->size() == 3) ++withThreeCrops;
    auto mask = (*library)->photoMask(p.id);
    EXPECT_TRUE(mask.ok() && !mask->empty()) << p.path;
    if (p.path.find("i_exif_rotated") != std::string::npos) {
      EXPECT_EQ(p.width, 550);
      EXPECT_LT(p.width, p.height);
      ASSERT_TRUE(p.person);
      EXPECT_LT(p.person->width, p.person->height) << "the person stands upright";
    }
    const bool noPerson = p.path.find("g_no_person") != std::string::npos;
    if (noPerson) {
      EXPECT_TRUE(items->empty());
    } else if (p.path.find("cmyk") == std::string::npos) {
      EXPECT_GE(items->size(), 2u) << p.path;
    }
  }
  EXPECT_GE(withThreeCrops, 5);
  auto outfits = (*library)->syncPhotoOutfits();
  ASSERT_TRUE(outfits.ok());
  EXPECT_EQ(*outfits, withThreeCrops);
  EXPECT_TRUE((*library)->checkIntegrity().ok());
}

TEST_F(ImportPipeline, CancelledImportKeepsWholePhotosOnly) {
  const std::string in = dir_.path("in");
  QDir().mkpath(QString::fromStdString(in));
  for (const char* id : {"0401", "0402", "0403", "0404", "0406", "0408"})
    QFile::copy(QString::fromStdString(miniPhoto(id)), QString::fromStdString(in + "/" + id + ".jpg"));
  auto library = Library::create(dir_.path("lib.w2w"));
  ASSERT_TRUE(library.ok());
  CancelFlag cancel;
  int seen = 0;
  const ImportReport report = importPhotos(
      **library, {in}, options_,
      [&](const Progress&) {
        if (++seen == 2) cancel.cancel();  // Ctrl-C after the second photo
      },
      &cancel);
  EXPECT_TRUE(report.cancelled);
  EXPECT_EQ(report.added(), 2);
  auto photos = (*library)->photos();
  ASSERT_TRUE(photos.ok());
  ASSERT_EQ(photos->size(), 2u);
  for (const Photo& p : *photos) {
    EXPECT_EQ(p.status, PhotoStatus::Processed);
    auto items = (*library)->items(ItemQuery().fromPhoto(p.id));
    ASSERT_TRUE(items.ok());
    EXPECT_FALSE(items->empty()) << "a photo is stored with its crops or not at all";
  }
}

// Cropping again: photos registered without crops get them, a person's edit
// survives, and a photo whose file is gone fails with its reason.
TEST_F(ImportPipeline, CropAgainReplacesAutomaticCropsAndKeepsEdits) {
  const std::string in = dir_.path("in");
  QDir().mkpath(QString::fromStdString(in));
  QFile::copy(QString::fromStdString(miniPhoto("0401")), QString::fromStdString(in + "/a.jpg"));
  QFile::copy(QString::fromStdString(miniPhoto("0402")), QString::fromStdString(in + "/b.jpg"));
  auto library = Library::create(dir_.path("w.w2w"));
  ASSERT_TRUE(library.ok()) << library.message();
  ImportOptions metadataOnly;  // no analyzer: photos without crops
  const ImportReport imported = importPhotos(**library, {in}, metadataOnly);
  ASSERT_EQ(imported.added(), 2);
  auto photos = (*library)->photos();
  ASSERT_EQ(photos->size(), 2u);
  const Id a = (*photos)[0].id, b = (*photos)[1].id;
  EXPECT_TRUE((*library)->items()->empty());

  auto first = reanalyzePhotos(**library, {a, b}, options_.analyzer);
  ASSERT_TRUE(first.ok()) << first.message();
  EXPECT_EQ(first->analysed, 2);
  EXPECT_EQ((*library)->items()->size(), 6u);
  EXPECT_EQ((*library)->outfits(OutfitOrigin::Photo)->size(), 2u);

  // A person moves photo a's top box; then a's file goes away.
  Item top;
  auto items = (*library)->items();
  ASSERT_TRUE(items.ok()) << items.message();
  for (const Item& item : *items)
    if (item.photoId == a && item.category == Category::Top) top = item;
  ASSERT_TRUE(top.box.has_value());
  const Box edited{top.box->x + 4, top.box->y + 4, top.box->width - 8, top.box->height - 8};
  auto image = (*library)->cropImage(top.id);
  ASSERT_TRUE(image.ok()) << image.message();
  ASSERT_TRUE((*library)->updateCrop(top.id, edited, *image).ok());
  auto second = reanalyzePhotos(**library, {a}, options_.analyzer);
  ASSERT_TRUE(second.ok()) << second.message();
  auto kept = (*library)->item(top.id);
  ASSERT_TRUE(kept.ok() && kept->has_value()) << "the edited crop is kept";
  EXPECT_EQ(*(*kept)->box, edited);
  EXPECT_EQ((*kept)->source, ItemSource::Manual);

  ASSERT_TRUE(QFile::remove(QString::fromStdString(in + "/b.jpg")));
  auto third = reanalyzePhotos(**library, {b}, options_.analyzer);
  ASSERT_TRUE(third.ok()) << third.message();
  EXPECT_EQ(third->failed, 1);
  auto found = (*library)->photo(b);
  ASSERT_TRUE(found.ok() && found->has_value()) << found.message();
  const Photo gone = **found;
  EXPECT_EQ(gone.status, PhotoStatus::Failed);
  EXPECT_NE(gone.error.find("b.jpg"), std::string::npos) << gone.error;
}

}  // namespace
}  // namespace w2w
