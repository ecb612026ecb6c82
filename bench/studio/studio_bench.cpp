// The studio's responsiveness, measured (never asserted in tests):
//  - start-up with a 1,000-photo library: window shown and the grid filled,
//    then the first screen of thumbnails;
//  - the longest stall of the GUI event loop while 100 photos are imported
//    through the crop pipeline, and while the compatibility model trains.
//
//   QT_QPA_PLATFORM=offscreen build/bench/studio/bench_studio [--photos DIR]
//
// A stall is the longest gap between two ticks of a 1 ms timer on the GUI
// thread, minus the 1 ms; the target is under 100 ms.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

#include "background_task.h"
#include "common/resources.h"
#include "compat/trainer.h"
#include "library_controller.h"
#include "library_grid_model.h"
#include "main_window.h"
#include "studio_settings.h"
#include "synthetic_outfits.h"
#include "thumbnail_cache.h"
#include "translation_manager.h"

namespace w2w {
namespace {

// Records the longest gap between ticks while it lives.
class StallMeter : public QObject {
 public:
  StallMeter() {
    timer_.setInterval(1);
    connect(&timer_, &QTimer::timeout, this, [this] {
      const qint64 now = clock_.nsecsElapsed();
      if (last_ > 0) worst_ = std::max(worst_, now - last_);
      last_ = now;
      ++ticks_;
    });
    clock_.start();
    timer_.start();
  }
  double worstMs() const { return std::max(0.0, worst_ / 1e6 - 1.0); }
  long ticks() const { return ticks_; }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  qint64 last_ = 0, worst_ = 0;
  long ticks_ = 0;
};

void waitFor(BackgroundTask* task) {
  bool done = false;
  QObject::connect(task, &BackgroundTask::finished, [&] { done = true; });
  while (!done) QApplication::processEvents(QEventLoop::AllEvents, 5);
}

// 100 distinct photo files: the sample photos, each copy made unique by a
// trailing comment after the JPEG's end (decoders ignore it).
QStringList makePhotos(const QString& from, const QString& into, int count) {
  QStringList sources = QDir(from).entryList({"*.jpg"}, QDir::Files, QDir::Name);
  QStringList out;
  for (int i = 0; i < count && !sources.isEmpty(); ++i) {
    QFile in(QDir(from).filePath(sources[i % sources.size()]));
    in.open(QIODevice::ReadOnly);
    QByteArray bytes = in.readAll() + QByteArray("copy ") + QByteArray::number(i);
    const QString path = QDir(into).filePath(QStringLiteral("p%1.jpg").arg(i, 4, 10, QChar('0')));
    QFile outFile(path);
    outFile.open(QIODevice::WriteOnly);
    outFile.write(bytes);
    out << path;
  }
  return out;
}

void startup(const QString& photos, const QString& work) {
  // A 1,000-photo library (registered, not cropped: start-up reads rows and
  // makes thumbnails, which is what this measures).
  const QStringList files = makePhotos(photos, work, 30);
  const std::string path = (work + "/big.w2w").toStdString();
  {
    auto library = Library::create(path);
    Status s = (*library)->transaction([&]() -> Status {
      for (int i = 0; i < 1000; ++i) {
        (void)(*library)->addPhoto(
            {files[i % files.size()].toStdString(), "hash" + std::to_string(i), 1, 550, 825});
      }
      return Status::success();
    });
    (void)s;
  }
  QElapsedTimer clock;
  clock.start();
  StudioSettings settings;
  TranslationManager translations;
  LibraryController controller;
  MainWindow window(&settings, &controller, &translations);
  window.resize(1280, 820);
  window.openLibrary(QString::fromStdString(path));
  window.show();
  QApplication::processEvents();
  const double shownMs = clock.nsecsElapsed() / 1e6;
  auto* grid = window.findChild<QListView*>("libraryGrid");
  // The first screen of thumbnails (what a person sees) made and drawn.
  int visible = 0;
  for (int row = 0; row < grid->model()->rowCount(); ++row) {
    if (!grid->visualRect(grid->model()->index(row, 0)).intersects(grid->viewport()->rect())) break;
    ++visible;
  }
  while (true) {
    QApplication::processEvents(QEventLoop::AllEvents, 5);
    int ready = 0;
    for (int row = 0; row < visible; ++row) {
      ready += !grid->model()->index(row, 0).data(Qt::DecorationRole).value<QPixmap>().isNull();
    }
    if (ready == visible) break;
  }
  std::printf(
      "start-up, 1,000-photo library: window shown with %d rows in %.0f ms; first screen of %d thumbnails "
      "(cold cache) after %.0f ms\n",
      grid->model()->rowCount(), shownMs, visible, clock.nsecsElapsed() / 1e6);
}

void importStall(const QString& photos, const QString& work) {
  const QStringList files = makePhotos(photos, work + "/import", 100);
  LibraryController controller;
  controller.openLibrary(work + "/import.w2w", true);
  StallMeter meter;
  QElapsedTimer clock;
  clock.start();
  waitFor(controller.importPhotos({work + "/import"}));
  auto info = controller.library()->info();
  std::printf(
      "import of 100 photos through the crop pipeline: %.1f s, %lld crops; longest GUI stall %.1f ms (%ld "
      "ticks)\n",
      clock.nsecsElapsed() / 1e9, info ? info->items : -1LL, meter.worstMs(), meter.ticks());
}

void trainingStall(const QString& work) {
  LibraryController controller;
  controller.openLibrary(work + "/train.w2w", true);
  compat::TrainRequest request;
  request.outfits = compat::synth::plantedOutfits(2000, 512, 8, 0.3, 1, 2);
  request.config.epochs = 5;
  request.checkpointDir = (work + "/ckpt").toStdString();
  StallMeter meter;
  QElapsedTimer clock;
  clock.start();
  waitFor(
      controller.runTask("Training", [request](const ProgressCallback& progress, const CancelFlag& cancel) {
        compat::TrainCallbacks callbacks;
        callbacks.onStep = [&](const compat::StepInfo& s) { progress({s.step, s.steps, "training"}); };
        auto summary = compat::trainCompat(request, callbacks, &cancel);
        return summary ? QString() : QString::fromStdString(summary.message());
      }));
  std::printf(
      "training (2,000 outfits of 3 x 512, 5 epochs, default head): %.1f s; longest GUI stall %.1f ms\n",
      clock.nsecsElapsed() / 1e9, meter.worstMs());
}

}  // namespace
}  // namespace w2w

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  QCommandLineParser parser;
  parser.addOption({"photos", "Folder of outfit photos (default: the demo photos).", "DIR"});
  parser.process(app);
  const QString photos = parser.isSet("photos") ? parser.value("photos")
                                                : QString::fromStdString(w2w::findResource("demo/photos"));
  QTemporaryDir work;
  QDir().mkpath(work.path() + "/import");
  w2w::startup(photos, work.path());
  w2w::importStall(photos, work.path());
  w2w::trainingStall(work.path());
  return 0;
}
