// Where the files that ship with What2Wear (the demo library, bundled models)
// are found at run time: in share/what2wear beside the executable's bin
// folder, so the build tree, any install prefix and the package all work.
#pragma once

#include <string>

namespace w2w {

// Absolute path of <data folder>/<relative>, or an empty string when not
// found. The data folder is W2W_RESOURCES when set, else the nearest
// share/what2wear above the running executable (bin/../share/what2wear when
// installed; the build tree links build/share/what2wear to resources/).
std::string findResource(const std::string& relative);

}  // namespace w2w
