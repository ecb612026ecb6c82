#include "ccp_fixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "test_support.h"

namespace w2w::fixture {
namespace {

constexpr int kWidth = 120, kHeight = 240;

cv::Scalar bgr(Rgb c) { return cv::Scalar(c.b, c.g, c.r); }

// A colour of hue `h` (0..1) at the given lightness, as RGB.
Rgb hueColour(double h, double light) {
  const double r = 0.5 + 0.5 * std::cos(2 * M_PI * h), g = 0.5 + 0.5 * std::cos(2 * M_PI * (h - 1.0 / 3)),
               b = 0.5 + 0.5 * std::cos(2 * M_PI * (h - 2.0 / 3));
  return {static_cast<int>(255 * light * r), static_cast<int>(255 * light * g),
          static_cast<int>(255 * light * b)};
}

QJsonArray box(int x, int y, int w, int h) { return QJsonArray{x, y, w, h}; }

void writeFile(const std::string& path, const QByteArray& bytes) {
  test::writeBytes(path, std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

void writePng(const std::string& path, const cv::Mat& image, const char* ext) {
  std::vector<uchar> bytes;
  if (!cv::imencode(ext, image, bytes)) throw std::runtime_error("cannot encode " + path);
  test::writeBytes(path, std::string(bytes.begin(), bytes.end()));
}

}  // namespace

Rgb backgroundColour(int outfit) { return {40 + (outfit * 53) % 120, 90, 60 + (outfit * 31) % 100}; }
Rgb skinColour() { return {224, 172, 140}; }

void writeCcpFixture(const std::string& dir, const CcpFixtureOptions& options) {
  QDir().mkpath(QString::fromStdString(dir + "/photos"));
  QDir().mkpath(QString::fromStdString(dir + "/masks"));
  const QJsonObject classes{{"classes", QJsonArray{"null", "pants", "shoes", "t-shirt", "skin", "jacket",
                                                   "bodysuit", "dress", "bag"}},
                            {"class_group", QJsonArray{"background", "bottom", "shoes", "top", "skin_hair",
                                                       "outer", "onepiece", "onepiece", "accessory"}},
                            {"context_rules", QJsonArray{QJsonObject{{"class", "bodysuit"},
                                                                     {"default", "onepiece"},
                                                                     {"becomes", "top"},
                                                                     {"when_photo_has_group", "bottom"}}}}};
  writeFile(dir + "/classes.json", QJsonDocument(classes).toJson());

  QJsonArray records;
  const int total = options.outfits + (options.extraRecords ? 2 : 0);
  for (int n = 1; n <= total; ++n) {
    char id[16];
    std::snprintf(id, sizeof id, "%04d", n);
    const bool tagOnly = options.extraRecords && n == options.outfits + 1;
    const bool noShoes = options.extraRecords && n == options.outfits + 2;
    cv::Mat photo(kHeight, kWidth, CV_8UC3, bgr(backgroundColour(n)));
    cv::Mat labels(kHeight, kWidth, CV_8UC1, cv::Scalar(kNull));
    const auto paint = [&](cv::Rect r, Rgb colour, Label label) {
      cv::rectangle(photo, r, bgr(colour), cv::FILLED);
      cv::rectangle(labels, r, cv::Scalar(label), cv::FILLED);
    };
    const double hue = std::fmod(n * 0.37, 1.0);
    const bool dress = wearsDress(n), jacket = wearsJacket(n), bag = carriesBag(n);
    paint({45, 8, 30, 30}, skinColour(), kSkin);  // head
    if (dress) {
      paint({30, 40, 60, 150}, hueColour(hue, 0.8), kDress);
    } else {
      paint({30, 40, 60, 70}, hueColour(hue, 0.9), wearsBodysuit(n) ? kBodysuit : kTShirt);  // top
      paint({36, 110, 48, 85}, hueColour(hue, 0.5), kPants);                                 // bottom
    }
    if (jacket) {  // open, over the top's sides
      paint({24, 40, 10, 70}, hueColour(hue + 0.1, 0.4), kJacket);
      paint({86, 40, 10, 70}, hueColour(hue + 0.1, 0.4), kJacket);
    }
    paint({35, 60, 10, 20}, skinColour(), kSkin);  // a hand over the top
    if (bag) paint({92, 120, 20, 24}, hueColour(hue + 0.2, 0.6), kBag);
    if (!noShoes) {
      paint({34, 205, 22, 14}, hueColour(hue + 0.05, 0.3), kShoes);
      paint({64, 205, 22, 14}, hueColour(hue + 0.05, 0.3), kShoes);
    }
    writePng(dir + "/photos/" + id + ".jpg", photo, ".jpg");
    QJsonObject record{{"id", id},
                       {"file", QString("photos/") + id + ".jpg"},
                       {"width", kWidth},
                       {"height", kHeight},
                       {"warnings", QJsonArray{}},
                       {"onepiece_outfit", dress && !noShoes}};
    if (tagOnly) {
      record["annotation"] = "image-level";
      record["tags"] = QJsonArray{"pants", "shoes", "t-shirt"};
      record["mask"] = QJsonValue::Null;
      record["boxes"] = QJsonValue::Null;
      record["complete_outfit"] = true;
    } else {
      writePng(dir + "/masks/" + id + ".png", labels, ".png");
      record["annotation"] = "pixel";
      record["mask"] = QString("masks/") + id + ".png";
      const QJsonValue none(QJsonValue::Null);
      record["boxes"] = QJsonObject{{"top", dress    ? none
                                            : jacket ? box(34, 40, 52, 70)
                                                     : box(30, 40, 60, 70)},
                                    {"top_with_outer", dress    ? none
                                                       : jacket ? box(24, 40, 72, 70)
                                                                : box(30, 40, 60, 70)},
                                    {"bottom", dress ? none : box(36, 110, 48, 85)},
                                    {"shoes", noShoes ? none : QJsonValue(box(34, 205, 52, 14))},
                                    {"onepiece", dress ? box(30, 40, 60, 150) : none},
                                    {"person", box(jacket ? 24 : 30, 8,
                                                   (bag      ? 112
                                                    : jacket ? 96
                                                             : 90) -
                                                       (jacket ? 24 : 30),
                                                   211)}};
      record["complete_outfit"] = !noShoes && !dress;
    }
    records.append(record);
  }
  writeFile(dir + "/annotations.json", QJsonDocument(records).toJson());
}

}  // namespace w2w::fixture
