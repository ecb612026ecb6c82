// Crop images: what the encoder sees of an item.
//
// A crop is the item's box cut from the white-background photo (pixels
// outside the person's mask set to white), padded with white to a square
// around the box's centre, and scaled to the encoder's input size. The same
// function serves the pipeline, the crop editor after an edit, and dataset
// loaders, so every crop in the app is made the same way.
#pragma once

#include <string>

#include "common/category.h"
#include "common/image.h"
#include "library/types.h"

namespace w2w {

inline constexpr int kCropSize = 224;  // CLIP's input size; the basic encoder accepts any size

// Whether a crop of this category is cut with the person's mask. Not for bags
// and accessories: they are often held or worn away from the body, where the
// garment parser's mask has gaps, so their crops keep every pixel of the box
// (a curator's box around a handbag came out with a hole in the bag).
bool cropUsesPersonMask(Category category);

// `mask` may be null (keep the background) or the person's foreground mask
// of the photo's size (white = person). The box is clipped to the photo.
RgbImage renderCrop(const RgbImage& photo, const GrayImage* mask, const Box& box, int size = kCropSize);

// A whole single-item photo as a crop (standalone items): padded to a square.
RgbImage renderWholeImage(const RgbImage& image, const GrayImage* mask = nullptr, int size = kCropSize);

// SHA-256 over the crop's width, height and pixels: the embedding cache key.
std::string cropPixelHash(const RgbImage& crop);

// Hash plus PNG bytes, ready for the library.
CropImage makeCropImage(const RgbImage& crop);

}  // namespace w2w
