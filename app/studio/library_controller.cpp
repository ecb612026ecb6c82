#include "library_controller.h"

#include <algorithm>
#include <utility>

#include <QFileInfo>
#include <QGuiApplication>
#include <QSet>
#include <QTimer>

#include "background_task.h"
#include "category_style.h"
#include "common/log_categories.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/demo_library.h"
#include "pipeline/item_importer.h"
#include "pipeline/photo_importer.h"
#include "pipeline/photo_reanalysis.h"

namespace w2w {
namespace {

// The photos or items an import added (failed and skipped files aside).
std::vector<Id> addedIds(const ImportReport& report) {
  std::vector<Id> added;
  for (const ImportEntry& e : report.entries) {
    if (e.outcome == ImportEntry::Outcome::Added && e.id) added.push_back(e.id);
  }
  return added;
}

std::vector<std::string> toStd(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

}  // namespace

LibraryController::LibraryController(QObject* parent) : QObject(parent) {
  auto* poll = new QTimer(this);
  poll->setInterval(2000);
  connect(poll, &QTimer::timeout, this, &LibraryController::checkForChangesElsewhere);
  poll->start();
  connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
    if (state == Qt::ApplicationActive) checkForChangesElsewhere();
  });
}

LibraryController::~LibraryController() = default;

QString LibraryController::openLibrary(const QString& path, bool create) {
  const std::string file = path.toStdString();
  // A library that cannot be written opens read-only instead of not at all.
  const std::string notWritable = create ? std::string() : Library::whyNotWritable(file);
  auto opened = create                ? Library::create(file)
                : notWritable.empty() ? Library::open(file)
                                      : Library::open(file, Library::Access::ReadOnly);
  if (!opened) return QString::fromStdString(opened.message());
  library_ = std::move(*opened);
  readOnlyReason_ = QString::fromStdString(notWritable);
  auto counter = library_->externalChangeCounter();
  changeCounter_ = counter ? *counter : -1;
  rememberState(kContent | kTags | kOutfits);
  Q_EMIT libraryOpened(path);
  Q_EMIT writableChanged(!library_->readOnly());
  Q_EMIT contentChanged();
  return {};
}

void LibraryController::rememberState(int areas) {
  if (!library_) return;
  auto stamps = library_->changeStamps();
  if (!stamps) return;
  // Only the areas being announced: a change another program made meanwhile
  // to another area is still found by the next look.
  if (areas & kContent) {
    stamps_.content = stamps->content;
    stamps_.runs = stamps->runs;
  }
  if (areas & kTags) stamps_.tags = stamps->tags;
  if (areas & kOutfits) stamps_.outfits = stamps->outfits;
}

void LibraryController::checkForChangesElsewhere() {
  if (!library_) return;
  // data_version is one cheap read; the stamps are read only when it moved.
  auto counter = library_->externalChangeCounter();
  if (!counter || *counter == changeCounter_) return;
  changeCounter_ = *counter;
  auto stamps = library_->changeStamps();
  if (!stamps || *stamps == stamps_) return;
  const LibraryStamps before = std::exchange(stamps_, *stamps);
  Q_EMIT changedElsewhere();
  if (before.content != stamps_.content || before.runs != stamps_.runs) Q_EMIT contentChanged();
  if (before.tags != stamps_.tags) Q_EMIT tagsChanged();
  if (before.outfits != stamps_.outfits) Q_EMIT outfitsChanged();
}

QString LibraryController::path() const {
  return library_ ? QString::fromStdString(library_->path()) : QString();
}

QVector<GridEntry> LibraryController::gridEntries(const std::string& modelId) const {
  QVector<GridEntry> entries;
  if (!library_) return entries;
  auto photos = library_->photos();
  auto items = library_->items();
  if (!photos || !items) return entries;
  QSet<Id> notEncoded;
  if (!modelId.empty()) {
    if (auto missing = library_->items(ItemQuery().notEncodedBy(modelId))) {
      for (const Item& item : *missing) notEncoded.insert(item.id);
    }
  }
  QHash<Id, int> cropsPerPhoto;
  for (const Item& item : *items) {
    if (item.photoId) ++cropsPerPhoto[*item.photoId];
  }
  for (const Photo& p : *photos) {
    GridEntry e;
    e.kind = GridEntry::Kind::Photo;
    e.id = p.id;
    e.imagePath = QString::fromStdString(library_->resolvePath(p.path));
    e.title = QFileInfo(e.imagePath).fileName();
    e.thumbKey = QString::fromStdString(p.contentHash);
    e.photoStatus = p.status;
    e.cropCount = cropsPerPhoto.value(p.id);
    e.error = QString::fromStdString(p.error);
    entries.push_back(e);
  }
  QHash<Id, QString> photoFiles;
  for (const GridEntry& e : entries) photoFiles.insert(e.id, e.title);
  // Tags per item, one query per tag (a library has few tags, many items).
  QHash<Id, QStringList> itemTags;
  if (auto tags = library_->tags()) {
    for (const Tag& tag : *tags) {
      if (auto tagged = library_->items(ItemQuery().withTag(tag.name))) {
        for (const Item& item : *tagged) itemTags[item.id] << QString::fromStdString(tag.name);
      }
    }
  }
  for (const Item& item : *items) {
    GridEntry e;
    e.kind = GridEntry::Kind::Item;
    e.id = item.id;
    e.category = item.category;
    e.itemSource = item.source;
    e.flagged = item.flagged;
    e.encoded = !modelId.empty() && !notEncoded.contains(item.id);
    e.thumbKey = QString::fromStdString(item.cropHash);
    // The file it comes from; the badge names the category.
    e.title = item.photoId ? photoFiles.value(*item.photoId)
                           : QFileInfo(QString::fromStdString(item.imagePath)).fileName();
    e.tags = itemTags.value(item.id);
    entries.push_back(e);
  }
  return entries;
}

QByteArray LibraryController::cropPng(Id itemId) const {
  if (!library_) return {};
  auto crop = library_->cropImage(itemId);
  if (!crop) return {};
  return QByteArray(reinterpret_cast<const char*>(crop->png.data()),
                    static_cast<qsizetype>(crop->png.size()));
}

QString ItemName::text() const {
  if (!found) return LibraryController::tr("item %1 (not in the library)").arg(id);
  QString out = QStringLiteral("%1 · %2").arg(file, categoryLabel(category));
  if (!tags.isEmpty()) out += QStringLiteral(" · ") + tags.join(QStringLiteral(", "));
  return out;
}

QString ItemName::shortText() const { return found ? file : text(); }

ItemName LibraryController::itemName(Id itemId) const {
  ItemName name;
  name.id = itemId;
  if (!library_) return name;
  auto item = library_->item(itemId);
  if (!item || !*item) return name;
  name.found = true;
  name.category = (*item)->category;
  std::string file = (*item)->imagePath;
  if ((*item)->photoId) {
    if (auto photo = library_->photo(*(*item)->photoId); photo && *photo) file = (*photo)->path;
  }
  name.file = QFileInfo(QString::fromStdString(file)).fileName();
  if (auto tags = library_->itemTags(itemId)) {
    for (const std::string& t : *tags) name.tags << QString::fromStdString(t);
  }
  return name;
}

namespace {

// Tag names compare as the library does (SQLite's NOCASE: ASCII letters only).
bool sameTag(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) {
             return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

Result<std::vector<std::string>> tagsOfEntry(Library& library, const GridEntry& e) {
  return e.kind == GridEntry::Kind::Photo ? library.photoTags(e.id) : library.itemTags(e.id);
}

}  // namespace

QString LibraryController::changeTag(const std::vector<GridEntry>& entries, const QString& tag, bool add,
                                     std::vector<GridEntry>* changed) {
  if (!library_) return tr("No library is open.");
  const std::string name = tag.trimmed().toStdString();
  if (name.empty()) return tr("A tag needs a name.");
  std::vector<GridEntry> touched;
  const Status done = library_->transaction([&]() -> Status {
    for (const GridEntry& e : entries) {
      auto tags = tagsOfEntry(*library_, e);
      if (!tags) return tags.error();
      const bool has =
          std::any_of(tags->begin(), tags->end(), [&](const std::string& t) { return sameTag(t, name); });
      if (has == add) continue;
      const bool photo = e.kind == GridEntry::Kind::Photo;
      const Status s = add ? (photo ? library_->tagPhoto(e.id, name) : library_->tagItem(e.id, name))
                           : (photo ? library_->untagPhoto(e.id, name) : library_->untagItem(e.id, name));
      if (!s) return s;
      touched.push_back(e);
    }
    return Status::success();
  });
  if (!done) return QString::fromStdString(done.message());
  if (changed) *changed = std::move(touched);
  rememberState(kTags);
  Q_EMIT tagsChanged();
  return {};
}

QString LibraryController::removeEntries(const std::vector<GridEntry>& entries) {
  if (!library_) return tr("No library is open.");
  std::vector<Id> photos, items;
  for (const GridEntry& e : entries) (e.kind == GridEntry::Kind::Photo ? photos : items).push_back(e.id);
  const Status removed = library_->removeEntries(photos, items);
  if (!removed) return QString::fromStdString(removed.message());
  rememberState(kContent | kOutfits);
  Q_EMIT contentChanged();
  Q_EMIT outfitsChanged();
  return {};
}

QString LibraryController::addOutfit(Outfit& outfit) {
  if (!library_) return tr("No library is open.");
  auto id = library_->addOutfit(outfit);
  if (!id) return QString::fromStdString(id.message());
  outfit.id = *id;
  rememberState(kOutfits);
  Q_EMIT outfitsChanged();
  return {};
}

QString LibraryController::updateOutfit(const Outfit& outfit) {
  if (!library_) return tr("No library is open.");
  const Status updated = library_->updateOutfit(outfit);
  if (!updated) return QString::fromStdString(updated.message());
  Q_EMIT outfitsChanged();
  return {};
}

QString LibraryController::removeOutfit(Id outfitId) {
  if (!library_) return tr("No library is open.");
  const Status removed = library_->removeOutfit(outfitId);
  if (!removed) return QString::fromStdString(removed.message());
  rememberState(kOutfits);
  Q_EMIT outfitsChanged();
  return {};
}

std::vector<Id> LibraryController::missingItems(const std::vector<Id>& items) const {
  std::vector<Id> missing;
  if (!library_) return missing;
  for (Id id : items) {
    if (id == 0) continue;
    auto found = library_->item(id);
    if (found && !*found) missing.push_back(id);
  }
  return missing;
}

QStringList LibraryController::tagsOf(const std::vector<GridEntry>& entries) const {
  QSet<QString> found;
  if (library_) {
    for (const GridEntry& e : entries) {
      if (auto tags = tagsOfEntry(*library_, e)) {
        for (const std::string& t : *tags) found.insert(QString::fromStdString(t));
      }
    }
  }
  QStringList out(found.begin(), found.end());
  out.sort(Qt::CaseInsensitive);
  return out;
}

BackgroundTask* LibraryController::runTask(
    const QString& title, std::function<QString(const ProgressCallback&, const CancelFlag&)> work) {
  auto* task = new BackgroundTask(title, std::move(work), this);
  connect(task, &BackgroundTask::finished, this, [this, task] {
    rememberState(kContent);  // the task's own commits: announced here, once
    Q_EMIT contentChanged();
    task->deleteLater();
  });
  Q_EMIT taskStarted(task);
  task->start();
  return task;
}

BackgroundTask* LibraryController::runImport(
    const QString& title, bool items,
    std::function<ImportReport(Library&, const ProgressCallback&, const CancelFlag&)> import) {
  if (!library_) return nullptr;
  const std::string file = library_->path();
  // Filled on the worker, read on the GUI thread once the task has finished.
  auto report = std::make_shared<ImportReport>();
  BackgroundTask* task =
      runTask(title, [file, import, report](const ProgressCallback& progress, const CancelFlag& cancel) {
        auto library = Library::open(file);
        if (!library) return QString::fromStdString(library.message());
        *report = import(**library, progress, cancel);  // each photo with its crops and outfit
        return QString();  // failed files are rows of the report, not an error of the import
      });
  connect(task, &BackgroundTask::finished, this, [this, title, items, report](const QString& error) {
    if (!error.isEmpty()) return;
    // The report panel shows these until it is closed; the log keeps them.
    for (const ImportEntry& e : report->entries) {
      if (e.outcome == ImportEntry::Outcome::Failed)
        qCWarning(lcPipeline).noquote() << title << "-" << QString::fromStdString(e.error);
      else if (!e.warning.empty())
        qCInfo(lcPipeline).noquote() << title << "-" << QString::fromStdString(e.path + ": " + e.warning);
    }
    Q_EMIT importReported(title, *report);
    const std::vector<Id> added = addedIds(*report);
    if (added.empty()) return;
    if (items)
      Q_EMIT cropsAdded({}, added);
    else
      Q_EMIT cropsAdded(added, {});
  });
  return task;
}

BackgroundTask* LibraryController::importPhotos(const QStringList& paths) {
  // The model loads here, once: a missing model fails before any photo is read.
  auto analyzer = defaultPhotoAnalyzer();
  if (!analyzer) {
    return runTask(tr("Importing photos"),
                   [message = QString::fromStdString(analyzer.message())](
                       const ProgressCallback&, const CancelFlag&) { return message; });
  }
  ImportOptions options;
  options.analyzer = std::move(*analyzer);
  return runImport(
      tr("Importing photos"), false,
      [paths, options](Library& library, const ProgressCallback& progress, const CancelFlag& cancel) {
        return w2w::importPhotos(library, toStd(paths), options, progress, &cancel);
      });
}

BackgroundTask* LibraryController::importItems(const QStringList& paths, const QString& category) {
  ItemImportOptions options;
  if (category != "folder") options.category = parseCategory(category.toStdString());
  return runImport(
      tr("Importing items"), true,
      [paths, options](Library& library, const ProgressCallback& progress, const CancelFlag& cancel) {
        return w2w::importItems(library, toStd(paths), options, progress, &cancel);
      });
}

BackgroundTask* LibraryController::cropAgain(const std::vector<Id>& photoIds) {
  if (!library_) return nullptr;
  BackgroundTask* task = runTask(
      tr("Cropping %n photo(s) again", nullptr, static_cast<int>(photoIds.size())),
      [file = library_->path(), photoIds](const ProgressCallback& progress, const CancelFlag& cancel) {
        auto analyzer = defaultPhotoAnalyzer();
        if (!analyzer) return QString::fromStdString(analyzer.message());
        auto library = Library::open(file);
        if (!library) return QString::fromStdString(library.message());
        auto report = reanalyzePhotos(**library, photoIds, *analyzer, progress, &cancel);
        return report ? QString() : QString::fromStdString(report.message());
      });
  connect(task, &BackgroundTask::finished, this, [this, photoIds] { Q_EMIT cropsAdded(photoIds, {}); });
  return task;
}

BackgroundTask* LibraryController::buildDemo(const QString& libraryPath) {
  // Filled on the worker, read on the GUI thread once the task has finished.
  auto built = std::make_shared<DemoBuildReport>();
  BackgroundTask* task =
      runTask(tr("Preparing the demo library"),
              [libraryPath, built](const ProgressCallback& progress, const CancelFlag& cancel) {
                auto analyzer = defaultPhotoAnalyzer();
                if (!analyzer) return QString::fromStdString(analyzer.message());
                auto report = buildDemoLibrary(libraryPath.toStdString(), *analyzer, progress, &cancel);
                if (!report) return QString::fromStdString(report.message());
                *built = *report;
                return QString();
              });
  // Its photos' crops and its items are new crops like any import's: the
  // background encoder makes them ready for the board and recommendations.
  connect(task, &BackgroundTask::finished, this, [this, built](const QString& error) {
    if (!error.isEmpty()) return;
    const std::vector<Id> photos = addedIds(built->photos), items = addedIds(built->items);
    if (!photos.empty() || !items.empty()) Q_EMIT cropsAdded(photos, items);
  });
  return task;
}

}  // namespace w2w
