#include "photo_status_label.h"

#include <QCoreApplication>

namespace w2w {

QString photoStatusLabel(PhotoStatus status) {
  switch (status) {
    case PhotoStatus::Imported: return QCoreApplication::translate("w2w::PhotoStatus", "not cropped yet");
    case PhotoStatus::Processed: return QCoreApplication::translate("w2w::PhotoStatus", "to review");
    case PhotoStatus::Reviewed: return QCoreApplication::translate("w2w::PhotoStatus", "reviewed");
    case PhotoStatus::Flagged: return QCoreApplication::translate("w2w::PhotoStatus", "flagged");
    case PhotoStatus::Failed: return QCoreApplication::translate("w2w::PhotoStatus", "failed");
  }
  return {};
}

}  // namespace w2w
