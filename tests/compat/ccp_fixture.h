// A tiny dataset in the layout of shared/datasets/ccp, written by the tests:
// synthetic street photos (a background, a person with skin, a top, a
// bottom and two shoes), label masks, classes.json and annotations.json.
#pragma once

#include <string>

namespace w2w::compat::fixture {

// Label values of the fixture's classes.json.
enum Label { kNull = 0, kPants = 1, kShoes = 2, kTShirt = 3, kSkin = 4, kJacket = 5, kBodysuit = 6 };

struct CcpFixtureOptions {
  int outfits = 12;          // complete, pixel-annotated photos "0001".."00NN"
  bool extraRecords = true;  // plus a tag-only complete photo and an incomplete pixel photo
};

// Writes the dataset into `dir` (which must exist). Outfit n's three
// garments share a hue drawn from its number, so compatibility is learnable.
void writeCcpFixture(const std::string& dir, const CcpFixtureOptions& options = {});

// The colours the fixture paints (R, G, B), for checks on crops.
struct Rgb {
  int r, g, b;
};
Rgb backgroundColour(int outfit);
Rgb skinColour();

}  // namespace w2w::compat::fixture
