// Helpers shared by the test suites: temporary folders, test data, small images.
#pragma once

#include <QTemporaryDir>

#include <string>

#include "common/image.h"

namespace w2w::test {

// tests/data (from the W2W_TEST_DATA environment variable set by ctest).
std::string dataPath(const std::string& relative = "");

// A temporary folder removed when the object goes away.
class TempDir {
 public:
  TempDir();
  std::string path(const std::string& name = "") const;

 private:
  QTemporaryDir dir_;
};

// A deterministic test picture (gradients and a few shapes), so every test
// image has distinct content and therefore a distinct hash.
RgbImage makeTestImage(int width, int height, int seed);

// Writes `image` as PNG or JPEG (chosen by the extension) with OpenCV.
void writeImage(const std::string& path, const RgbImage& image);

// Writes raw bytes.
void writeBytes(const std::string& path, const std::string& bytes);

// While alive, the process (every thread) acts as the ordinary user
// "nobody" when it runs as root, who may write anything: permission checks
// then apply. Does nothing for an ordinary user. Folders it must enter need
// letEveryoneIn.
class ActAsOrdinaryUser {
 public:
  ActAsOrdinaryUser();
  ~ActAsOrdinaryUser();
  ActAsOrdinaryUser(const ActAsOrdinaryUser&) = delete;
  ActAsOrdinaryUser& operator=(const ActAsOrdinaryUser&) = delete;

 private:
  bool switched_ = false;
};

// Lets everyone read and enter `path` and every folder above it up to
// `root` (temporary folders are private to their owner).
void letEveryoneIn(const std::string& root, const std::string& path);

// The JPEG with an EXIF APP1 segment inserted after SOI whose only tag is
// the orientation (1-8; 6 = the stored image must be turned 90 degrees
// clockwise to be upright).
std::string jpegWithExifOrientation(const std::string& jpeg, int orientation);

}  // namespace w2w::test
