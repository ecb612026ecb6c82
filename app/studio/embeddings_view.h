// EmbeddingsView: which encoder and device are in use, encoding the library in
// the background, and the 2-D map of every encoded crop (click to select).
#pragma once

#include <QWidget>

#include "library/types.h"

class QAction;
class QLabel;
class QPushButton;

namespace w2w {

class EmbeddingMap;
class EncoderService;
class LibraryController;

class EmbeddingsView : public QWidget {
  Q_OBJECT

 public:
  EmbeddingsView(LibraryController* library, EncoderService* encoders, QWidget* parent = nullptr);

  void refresh();  // re-reads the embeddings and redraws the map
  EmbeddingMap* map() const { return map_; }
  void encodeLibrary();

 Q_SIGNALS:
  void itemSelected(Id itemId);
  void openSettings();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void showItem(Id itemId);

  LibraryController* library_;
  EncoderService* encoders_;
  QLabel* encoderLabel_;
  QLabel* countLabel_;
  QAction* encodeAction_;
  QPushButton* settingsButton_;
  EmbeddingMap* map_;
  QLabel* itemPicture_;
  QLabel* itemLabel_;
  QPushButton* openItem_;
  Id shownItem_ = 0;
  long long encoded_ = 0, total_ = 0;
};

}  // namespace w2w
