// Internal to core/vision (OpenCV types): picks the main person out of a
// foreground probability map.
//
// The main person is the foreground blob with the best size x centrality
// score (a bystander at the edge loses to the person in the middle), plus
// the smaller blobs that belong to it (a bag held away from the body, feet
// split from the legs by a shadow). Everything else is dropped.
#pragma once

#include <opencv2/core.hpp>

namespace w2w {

struct PersonBlob {
  bool found = false;
  cv::Mat mask;           // CV_8U 255 = the main person, same size as the input map
  cv::Rect box;           // tight box of `mask`
  double confidence = 0;  // 0..1: how sure the map is that this is a person
};

// `foreground`: CV_32F probabilities; `valid`: the part of the map that shows
// the image (letterbox padding is ignored). A blob smaller than
// `minAreaFraction` of `valid` is no person.
PersonBlob findMainPerson(const cv::Mat& foreground, const cv::Rect& valid, double minAreaFraction = 0.004);

}  // namespace w2w
