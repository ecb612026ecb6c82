// Versions of What2Wear and of the libraries it was built with, for --version
// and the studio's About box.
#pragma once

#include <string>

namespace w2w {

// "0.1.0"
std::string applicationVersion();
// "Qt 6.4.2, LibTorch 1.13.0, OpenCV 4.6.0, SQLite 3.40.1"
std::string libraryVersions();

}  // namespace w2w
