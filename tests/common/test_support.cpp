#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace w2w::test {

std::string dataPath(const std::string& relative) {
  const char* root = std::getenv("W2W_TEST_DATA");
  std::string base = root ? root : W2W_DEFAULT_TEST_DATA;
  return relative.empty() ? base : base + "/" + relative;
}

TempDir::TempDir() {
  if (!dir_.isValid()) throw std::runtime_error("cannot create a temporary folder");
}

std::string TempDir::path(const std::string& name) const {
  const std::string root = dir_.path().toStdString();
  return name.empty() ? root : root + "/" + name;
}

RgbImage makeTestImage(int width, int height, int seed) {
  cv::Mat bgr(height, width, CV_8UC3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x * 255) / std::max(1, width - 1)),
                                          static_cast<uchar>((y * 255) / std::max(1, height - 1)),
                                          static_cast<uchar>((seed * 37) % 256));
    }
  }
  cv::circle(bgr, {width / 2, height / 2}, std::max(2, std::min(width, height) / 4),
             cv::Scalar((seed * 53) % 256, (seed * 91) % 256, 40), -1);
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  RgbImage out;
  out.width = width;
  out.height = height;
  out.pixels.assign(rgb.data, rgb.data + static_cast<std::size_t>(width) * height * 3);
  return out;
}

void writeImage(const std::string& path, const RgbImage& image) {
  cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> bytes;
  const std::string ext = path.substr(path.find_last_of('.'));
  if (!cv::imencode(ext, bgr, bytes)) throw std::runtime_error("cannot encode " + path);
  writeBytes(path, std::string(bytes.begin(), bytes.end()));
}

void writeBytes(const std::string& path, const std::string& bytes) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size())) {
    throw std::runtime_error("cannot write " + path);
  }
}

std::string jpegWithExifOrientation(const std::string& jpeg, int orientation) {
  // Little-endian TIFF header, one IFD entry: tag 0x0112, type SHORT, count 1.
  const std::string tiff = std::string("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0", 18) +
                           static_cast<char>(orientation) + std::string("\0\0\0\0\0\0\0", 7);
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const std::size_t length = payload.size() + 2;
  const std::string app1 = std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) +
                           static_cast<char>(length & 0xFF) + payload;
  return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

ActAsOrdinaryUser::ActAsOrdinaryUser() {
  if (geteuid() != 0) return;
  // Real and effective ids change (access() checks the real one); the saved
  // ones stay root, so the destructor may switch back.
  if (setresgid(65534, 65534, 0) != 0 || setresuid(65534, 65534, 0) != 0)
    throw std::runtime_error("cannot act as nobody");
  switched_ = true;
}

ActAsOrdinaryUser::~ActAsOrdinaryUser() {
  if (!switched_) return;
  if (setresuid(0, 0, 0) != 0 || setresgid(0, 0, 0) != 0) std::abort();
}

void letEveryoneIn(const std::string& root, const std::string& path) {
  const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                        QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                        QFileDevice::ExeOther;
  const QString top = QDir::cleanPath(QString::fromStdString(root));
  QString folder = QDir::cleanPath(QString::fromStdString(path));
  while (folder.startsWith(top)) {
    QFile::setPermissions(folder, everyone);
    if (folder == top) break;
    folder = QFileInfo(folder).absolutePath();
  }
}

}  // namespace w2w::test
