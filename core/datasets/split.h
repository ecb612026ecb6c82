// Which part of a dataset to use: the training part, the held-out test part
// or all of it. Each dataset decides what its parts are (CCP and libraries by
// the last digit of a photo or outfit number; Polyvore by its own files).
#pragma once

#include <optional>
#include <string>

namespace w2w::datasets {

enum class Split { All, Train, Test };

const char* splitName(Split s);  // "all", "train", "test"
std::optional<Split> parseSplit(const std::string& name);

// The seed's held-out rule for numbered photos and outfits: numbers ending
// in 0, 1 or 2 (30%) are the test part, the rest the training part.
bool numberInSplit(long long number, Split split);

}  // namespace w2w::datasets
