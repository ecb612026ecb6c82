// A tiny dataset in the layout of shared/datasets/ccp, written by the tests:
// synthetic street photos (a background, a person with skin and two shoes,
// wearing a top and trousers or a dress; some with a jacket over the top or
// a bag), label masks, classes.json and annotations.json.
#pragma once

#include <string>

namespace w2w::fixture {

// Label values of the fixture's classes.json.
enum Label {
  kNull = 0,
  kPants = 1,
  kShoes = 2,
  kTShirt = 3,
  kSkin = 4,
  kJacket = 5,
  kBodysuit = 6,
  kDress = 7,
  kBag = 8,
};

// Which photos wear what (n = the photo's number).
inline bool wearsDress(int n) { return n % 6 == 5; }  // a dress instead of a top and trousers
inline bool wearsJacket(int n) { return n % 5 == 3 && !wearsDress(n); }  // a jacket over the top
inline bool carriesBag(int n) { return n % 3 == 1; }
inline bool wearsBodysuit(int n) { return n % 4 == 0 && !wearsDress(n); }  // as its top (trousers too)

struct CcpFixtureOptions {
  int outfits = 12;          // outfit photos "0001".."00NN", pixel-annotated
  bool extraRecords = true;  // plus a tag-only complete photo and an incomplete pixel photo
};

// Writes the dataset into `dir` (which must exist). Outfit n's garments share
// a hue drawn from its number, so compatibility is learnable.
void writeCcpFixture(const std::string& dir, const CcpFixtureOptions& options = {});

// The colours the fixture paints (R, G, B), for checks on crops.
struct Rgb {
  int r, g, b;
};
Rgb backgroundColour(int outfit);
Rgb skinColour();

}  // namespace w2w::fixture
