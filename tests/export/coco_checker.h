// A structural check of COCO files, independent of the exporter's code: ids
// unique, every annotation's image and category exist, boxes inside their
// image, RLE segmentations decode to exactly the image's size.
#pragma once

#include <QJsonObject>

#include <string>
#include <vector>

namespace w2w::test {

// Every rule the document breaks, one line each; empty when it is valid.
std::vector<std::string> cocoProblems(const QJsonObject& coco);

}  // namespace w2w::test
