// LibraryController: the open library, as the studio's views see it.
//
// Owns the GUI thread's connection to the library, turns its contents into
// grid entries, and runs imports as background tasks (each with its own
// connection). Views never touch SQL or the Library directly for writes that
// take long.
//
// Other programs (the command line, a second studio) may change the library
// while it is open: every two seconds, and whenever the studio becomes the
// active application, the controller asks SQLite whether another connection
// committed something, and if so which areas changed (Library::changeStamps)
// and emits contentChanged, tagsChanged or outfitsChanged for those, so the
// views refresh as after the studio's own edits.
//
// A library the user may not write (the file, or the folder that must hold
// SQLite's journal files) opens read-only: isReadOnly() is true, the reason
// says why, and writableChanged(false) tells the views to disable editing.
#pragma once

#include <QObject>
#include <QStringList>
#include <QVector>

#include <memory>

#include "common/progress.h"
#include "library/library.h"
#include "library_grid_model.h"
#include "pipeline/photo_importer.h"

namespace w2w {

class BackgroundTask;

// How the studio names an item wherever it shows one (board, recommendations,
// heatmaps, saved outfits): the file it comes from (a crop's photo, a single
// item's own file), its category and its tags.
struct ItemName {
  bool found = false;  // false: the item is not (or no longer) in the library
  Id id = 0;
  QString file;
  Category category = Category::Top;
  QStringList tags;

  // "street-07.jpg · Top · summer, work"
  QString text() const;
  // The file alone, for tight places (matrix labels); text() belongs in its tool tip.
  QString shortText() const;
};

class LibraryController : public QObject {
  Q_OBJECT

 public:
  explicit LibraryController(QObject* parent = nullptr);
  ~LibraryController() override;

  // Opens (or, with create, makes) a library; on failure the previous one
  // stays open and the error is returned.
  QString openLibrary(const QString& path, bool create = false);
  bool hasLibrary() const { return library_ != nullptr; }
  Library* library() const { return library_.get(); }
  QString path() const;
  // Opened read-only because it cannot be written, and why (one line).
  bool isReadOnly() const { return library_ && library_->readOnly(); }
  QString readOnlyReason() const { return readOnlyReason_; }

  // Asks whether another connection changed the library since the last
  // look, and refreshes the views if so (the timer and activation call it).
  void checkForChangesElsewhere();

  // Photos first, then items, as grid entries (reads the library); items
  // encoded with `modelId` are marked so.
  QVector<GridEntry> gridEntries(const std::string& modelId = {}) const;
  QByteArray cropPng(Id itemId) const;
  ItemName itemName(Id itemId) const;

  // Adds `tag` to (or removes it from) photos and items, in one transaction.
  // `changed` receives the entries that did not have it (had it, when
  // removing), which is what undoing the change must touch. Returns the
  // error, or "" on success; tagsChanged() follows a success.
  QString changeTag(const std::vector<GridEntry>& entries, const QString& tag, bool add,
                    std::vector<GridEntry>* changed = nullptr);
  // Removes photos (with their crops and the outfits that use them) and
  // items from the library, in one transaction; the files stay on disk.
  // contentChanged() follows a success. Returns the error, or "".
  QString removeEntries(const std::vector<GridEntry>& entries);

  // Saved outfits: adds one (its id is set) or removes one; outfitsChanged()
  // follows a success. Return the error, or "" on success.
  QString addOutfit(Outfit& outfit);
  QString updateOutfit(const Outfit& outfit);  // its name and pieces
  QString removeOutfit(Id outfitId);

  // Of `items`, those no longer in the library (after a removal).
  std::vector<Id> missingItems(const std::vector<Id>& items) const;

  // The tags on any of the entries, sorted.
  QStringList tagsOf(const std::vector<GridEntry>& entries) const;

  // Background imports; the returned task is started and owned by the controller.
  BackgroundTask* importPhotos(const QStringList& paths);
  BackgroundTask* importItems(const QStringList& paths,
                              const QString& category);  // category "folder" = by folder
  BackgroundTask* buildDemo(const QString& libraryPath);
  // Runs the crop pipeline again on photos of the library (automatic crops
  // are replaced, a person's edits kept).
  BackgroundTask* cropAgain(const std::vector<Id>& photoIds);

  // Any other long work on the library (encoding, training): shown in the
  // status bar with progress and Cancel; contentChanged follows its end.
  BackgroundTask* runTask(const QString& title,
                          std::function<QString(const ProgressCallback&, const CancelFlag&)> work);

 Q_SIGNALS:
  void libraryOpened(const QString& path);
  // After libraryOpened: false when the library opened read-only.
  void writableChanged(bool writable);
  // Another program or window changed the library (contentChanged,
  // tagsChanged and outfitsChanged follow).
  void changedElsewhere();
  void contentChanged();  // photos or items were added or edited
  void tagsChanged();     // tags were added to or removed from photos or items
  void outfitsChanged();  // an outfit was saved or deleted
  void taskStarted(BackgroundTask* task);
  // After an import: every file's outcome (added, duplicate, or why it failed).
  void importReported(const QString& title, const w2w::ImportReport& report);
  // New crops exist (an import, a photo cropped again): the crops of these
  // photos, and these standalone items.
  void cropsAdded(const std::vector<w2w::Id>& photoIds, const std::vector<w2w::Id>& itemIds);

 private:
  // `items`: the report's ids are items (single-item photos), not photos.
  BackgroundTask* runImport(
      const QString& title, bool items,
      std::function<ImportReport(Library&, const ProgressCallback&, const CancelFlag&)> import);

  // Records what the views are being told about (the areas whose signals
  // follow): changes of this controller's own operations and tasks are
  // announced by them, not again by the poll.
  enum Area { kContent = 1, kTags = 2, kOutfits = 4 };
  void rememberState(int areas);

  std::unique_ptr<Library> library_;
  QString readOnlyReason_;
  long long changeCounter_ = -1;
  LibraryStamps stamps_;
};

}  // namespace w2w
