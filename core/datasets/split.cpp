#include "datasets/split.h"

namespace w2w::datasets {

const char* splitName(Split s) { return s == Split::All ? "all" : s == Split::Train ? "train" : "test"; }

std::optional<Split> parseSplit(const std::string& name) {
  for (Split s : {Split::All, Split::Train, Split::Test})
    if (name == splitName(s)) return s;
  return std::nullopt;
}

bool numberInSplit(long long number, Split split) {
  if (split == Split::All) return true;
  const bool test = number % 10 <= 2;
  return split == Split::Test ? test : !test;
}

}  // namespace w2w::datasets
