// The garment parser's training labels from the Clothing Co-Parsing dataset
// (datasets/ccp_dataset.h reads it): the GarmentLabel of every pixel of a
// photo's class mask.
//
// Used by the parser's training tool, the crop evaluation and the dataset
// tests. Thread-safe: no shared state.
#pragma once

#include "common/image.h"
#include "datasets/ccp_dataset.h"

namespace w2w {

// Training labels (GarmentLabel values) for one photo's class mask, with the
// dataset's context rules applied (a bodysuit is a top when the photo also
// shows a bottom garment, otherwise a one-piece).
GrayImage ccpLabelMap(const CcpDataset& dataset, const GrayImage& classMask);

}  // namespace w2w
