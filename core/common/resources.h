// Where the files that ship with What2Wear (the demo library, bundled models)
// are found at run time: next to the executable in a build tree, in
// share/what2wear when installed, or where W2W_RESOURCES points.
#pragma once

#include <string>

namespace w2w {

// Absolute path of resources/<relative>, or an empty string when not found.
std::string findResource(const std::string& relative);

}  // namespace w2w
