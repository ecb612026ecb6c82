// Many programs on one library for a while, killed at random: afterwards the
// library passes SQLite's integrity check and holds every write that any of
// them acknowledged.
//
// The processes: this executable as "studio" (three connections on three
// threads, as the studio's GUI, thumbnail and worker threads use them, plus a
// connection opened and closed now and then, as background tasks do) and the
// real command line (tag, import, library info and check). Every few hundred
// milliseconds one of them is killed with SIGKILL.
//
// W2W_STRESS_SECONDS sets how long it runs (default 4; try 120 by hand).
#include <gtest/gtest.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <csignal>

#include "child_process.h"
#include "common/seed_slots.h"
#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

using Clock = std::chrono::steady_clock;

// How long a command runs at least before it may be killed.
constexpr std::chrono::milliseconds kMinimumLifetime(1500);

PhotoAnalysis threeCrops(const std::string& key) {
  PhotoAnalysis a;
  a.person = Box{1, 2, 100, 300};
  for (Category c : kSeedSlots) {
    a.crops.push_back({c, Box{5, 5 + 90 * seedSlot(c), 80, 80}, 0.5,
                       CropImage{key + "-" + categoryName(c), std::vector<std::uint8_t>(1024, 7)}});
  }
  return a;
}

// Acknowledgements go to stdout, one line each, after the commit.
std::mutex gOut;
void acknowledge(const std::string& line) {
  std::lock_guard<std::mutex> lock(gOut);
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

// Not a test on its own: one "studio" of the stress test, until killed.
TEST(LibraryStressStudio, WorkUntilKilled) {
  const char* path = std::getenv("W2W_STRESS_LIBRARY");
  const char* name = std::getenv("W2W_STRESS_NAME");
  if (!path || !name) GTEST_SKIP() << "runs only as a child of the stress test";
  const std::string file = path;
  std::atomic<bool> failed{false};
  auto fail = [&](const std::string& what) {
    std::fprintf(stderr, "%s: %s\n", name, what.c_str());
    failed = true;
  };

  // Worker thread: imports photos, each with its crops and outfit in one transaction.
  std::thread worker([&] {
    auto library = Library::open(file);
    if (!library) return fail(library.message());
    for (int n = 0; !failed; ++n) {
      const std::string key = std::string(name) + "-" + std::to_string(n);
      Id id = 0;
      const Status done = (*library)->transaction([&]() -> Status {
        auto added = (*library)->addPhoto({"/stress/" + key + ".jpg", key, 1, 10, 20});
        if (!added) return added.error();
        id = *added;
        if (Status s = (*library)->storeAnalysis(id, threeCrops(key)); !s) return s;
        auto outfits = (*library)->syncPhotoOutfits(id);
        return outfits ? Status::success() : Status(outfits.error());
      });
      if (!done) return fail(done.message());
      acknowledge("photo " + key);
    }
  });
  // Thumbnail thread: reads crop images, now and then on a connection of its
  // own that it opens and closes again (as background tasks do).
  std::thread thumbnails([&] {
    auto library = Library::open(file, Library::Access::ReadOnly);
    if (!library) return fail(library.message());
    std::mt19937 random(std::hash<std::string>()(name));
    for (int n = 0; !failed; ++n) {
      auto items = (*library)->items(ItemQuery().first(50));
      if (!items) return fail(items.message());
      for (const Item& item : *items) {
        if (auto crop = (*library)->cropImage(item.id); !crop) return fail(crop.message());
      }
      if (n % 5 == 0) {
        auto task = Library::open(file);
        if (!task) return fail(task.message());
        if (auto count = (*task)->photoCount(); !count) return fail(count.message());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(random() % 20));
    }
  });
  // GUI thread (this one): polls for changes, shows counts, tags photos.
  auto library = Library::open(file);
  ASSERT_TRUE(library.ok()) << library.message();
  for (int n = 0; !failed; ++n) {
    if (auto counter = (*library)->externalChangeCounter(); !counter) fail(counter.message());
    if (auto stamps = (*library)->changeStamps(); !stamps) fail(stamps.message());
    if (auto info = (*library)->info(); !info) fail(info.message());
    auto photos = (*library)->photos(PhotoQuery().page(0, 1));
    if (photos && !photos->empty()) {
      const std::string tag = std::string(name) + "-t" + std::to_string(n);
      if (Status s = (*library)->tagPhoto(photos->front().id, tag); !s) {
        fail(s.message());
      } else {
        acknowledge("tag " + std::to_string(photos->front().id) + " " + tag);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  worker.join();
  thumbnails.join();
  FAIL() << "a studio failed (see stderr)";
}

struct Acknowledged {
  std::set<std::string> photos;               // content hashes
  std::set<std::pair<Id, std::string>> tags;  // photo, tag
  std::set<Id> importedPhotos;                // by the command line
  int killed = 0, finished = 0, failedStudios = 0;
};

// One running program, with a thread collecting its output.
struct Running {
  std::unique_ptr<test::ChildProcess> process;
  std::vector<std::string> lines;
  std::thread reader;
  enum class Kind { Studio, Tag, Import, Info, Check } kind;
  std::string detail;  // tag: "<photo id> <tag>"
  Clock::time_point started = Clock::now();
  std::atomic<int> linesRead{0};  // what the program acknowledged so far
};

void collect(Running& r, Acknowledged& acks) {
  r.reader.join();
  const int status = r.process->wait();
  if (WIFSIGNALED(status)) {
    ++acks.killed;
  } else {
    ++acks.finished;
  }
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  switch (r.kind) {
    case Running::Kind::Studio:
      for (const std::string& line : r.lines) {
        if (line.rfind("photo ", 0) == 0) acks.photos.insert(line.substr(6));
        if (line.rfind("tag ", 0) == 0) {
          const auto space = line.find(' ', 4);
          acks.tags.insert({std::stoll(line.substr(4, space - 4)), line.substr(space + 1)});
        }
      }
      if (WIFEXITED(status)) ++acks.failedStudios;  // studios only end by being killed
      break;
    case Running::Kind::Tag:
      if (ok) {
        const auto space = r.detail.find(' ');
        acks.tags.insert({std::stoll(r.detail.substr(0, space)), r.detail.substr(space + 1)});
      }
      break;
    case Running::Kind::Import:
      if (ok && !r.lines.empty()) {
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(r.lines.back())).object();
        for (const auto& f : json["files"].toArray()) {
          if (f.toObject()["outcome"].toString() == "added")
            acks.importedPhotos.insert(f.toObject()["photo_id"].toInteger());
        }
      }
      break;
    case Running::Kind::Info:
    case Running::Kind::Check:
      if (WIFEXITED(status)) {
        EXPECT_EQ(WEXITSTATUS(status), 0) << "library info/check failed";
      }
      break;
  }
}

TEST(LibraryStress, ManyProgramsKilledAtRandomLoseNoAcknowledgedWrite) {
  const char* env = std::getenv("W2W_STRESS_SECONDS");
  const double seconds = env ? std::atof(env) : 4.0;
  test::TempDir dir;
  const std::string lib = dir.path("stress.w2w");
  { ASSERT_TRUE(Library::create(lib).ok()); }
  // Distinct small photos for the command line to import, one per import.
  const int importFiles = 200;
  for (int i = 0; i < importFiles; ++i)
    test::writeImage(dir.path("in" + std::to_string(i) + ".png"), test::makeTestImage(16, 24, 1000 + i));

  std::mt19937 random(12345);
  Acknowledged acks;
  std::vector<std::unique_ptr<Running>> running;
  int studios = 0, imports = 0;
  const auto start = [&](Running::Kind kind, std::unique_ptr<test::ChildProcess> process,
                         std::string detail) {
    auto r = std::make_unique<Running>();
    r->kind = kind;
    r->detail = std::move(detail);
    r->process = std::move(process);
    Running* raw = r.get();
    r->reader = std::thread([raw] {
      for (std::string line; raw->process->readLine(&line); ++raw->linesRead) raw->lines.push_back(line);
    });
    running.push_back(std::move(r));
  };
  const auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), W2W_CLI_PATH);
    return std::make_unique<test::ChildProcess>(W2W_CLI_PATH, args);
  };

  const auto startStudio = [&] {
    const std::string name = "s" + std::to_string(studios++);
    start(
        Running::Kind::Studio,
        std::make_unique<test::ChildProcess>(test::ChildProcess::self(
            "LibraryStressStudio.WorkUntilKilled", {{"W2W_STRESS_LIBRARY", lib}, {"W2W_STRESS_NAME", name}})),
        name);
  };
  // The clock starts once the first two studios work: on a loaded machine a
  // program linked with LibTorch takes seconds to start.
  startStudio();
  startStudio();
  const auto startLimit = Clock::now() + std::chrono::minutes(2);
  while (Clock::now() < startLimit && (running[0]->linesRead == 0 || running[1]->linesRead == 0))
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(running[0]->linesRead > 0 && running[1]->linesRead > 0)
      << "the studios did not start in 2 minutes";

  const auto deadline = Clock::now() + std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  while (Clock::now() < deadline) {
    // Keep two studios and two command-line programs running.
    int liveStudios = 0, liveCommands = 0;
    for (auto& r : running) (r->kind == Running::Kind::Studio ? liveStudios : liveCommands)++;
    while (liveStudios++ < 2) startStudio();
    while (liveCommands++ < 2) {
      switch (random() % 4) {
        case 0: {
          const std::string tag = "cli" + std::to_string(random());
          const std::string photo = std::to_string(1 + random() % 3);
          start(Running::Kind::Tag, cli({"tag", "--library", lib, "--photo", photo, tag}), photo + " " + tag);
          break;
        }
        case 1:
          if (imports < importFiles) {
            const std::string file = dir.path("in" + std::to_string(imports++) + ".png");
            start(Running::Kind::Import,
                  cli({"import", "--library", lib, "--no-crops", file, "--json", "--quiet"}), file);
            break;
          }
          [[fallthrough]];
        case 2: start(Running::Kind::Info, cli({"library", "info", lib}), ""); break;
        default: start(Running::Kind::Check, cli({"library", "check", lib}), ""); break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 300));
    // Kill one at random.
    // Kill one at random, among those that have started working: a studio
    // once it acknowledged a write, a command after a while (programs start
    // slowly on a loaded machine, and one killed before it works tests
    // nothing). The pointer, not the entry: the entry goes below.
    std::vector<test::ChildProcess*> eligible;
    for (const auto& r : running) {
      const bool working =
          r->kind == Running::Kind::Studio ? r->linesRead > 0 : Clock::now() - r->started > kMinimumLifetime;
      if (working) eligible.push_back(r->process.get());
    }
    test::ChildProcess* const victim = eligible.empty() ? nullptr : eligible[random() % eligible.size()];
    if (victim) victim->kill(SIGKILL);
    // Collect whatever has ended.
    for (auto it = running.begin(); it != running.end();) {
      siginfo_t ended{};
      const bool done =
          waitid(P_PID, static_cast<id_t>((*it)->process->pid()), &ended, WEXITED | WNOHANG | WNOWAIT) == 0 &&
          ended.si_pid != 0;
      if ((*it)->process.get() == victim || done) {
        collect(**it, acks);
        it = running.erase(it);
      } else {
        ++it;
      }
    }
  }
  // The studios never end by themselves; the commands are let finish.
  for (auto& r : running)
    if (r->kind == Running::Kind::Studio) r->process->kill(SIGKILL);
  for (auto& r : running) collect(*r, acks);
  running.clear();

  std::printf("%.0f s: %d programs killed, %d ended; acknowledged %zu photos, %zu tags, %zu imports\n",
              seconds, acks.killed, acks.finished, acks.photos.size(), acks.tags.size(),
              acks.importedPhotos.size());
  EXPECT_EQ(acks.failedStudios, 0) << "a studio stopped on an error (see its stderr above)";
  EXPECT_GT(acks.photos.size(), 0u);
  EXPECT_GT(acks.killed, 0);

  auto library = Library::open(lib);
  ASSERT_TRUE(library.ok()) << library.message();
  const Status integrity = (*library)->checkIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.message();
  auto outfits = (*library)->outfits(OutfitOrigin::Photo);
  ASSERT_TRUE(outfits.ok());
  std::set<Id> withOutfit;
  for (const Outfit& o : *outfits)
    if (o.photoId) withOutfit.insert(*o.photoId);
  for (const std::string& hash : acks.photos) {
    auto photo = (*library)->photoByHash(hash);
    ASSERT_TRUE(photo.ok());
    ASSERT_TRUE(photo->has_value()) << "acknowledged photo " << hash << " is gone";
    EXPECT_EQ((*library)->items(ItemQuery().fromPhoto((*photo)->id))->size(), 3u) << hash;
    EXPECT_TRUE(withOutfit.count((*photo)->id)) << "photo " << hash << " lost its outfit";
  }
  for (const auto& [photo, tag] : acks.tags) {
    auto tags = (*library)->photoTags(photo);
    ASSERT_TRUE(tags.ok());
    EXPECT_NE(std::find(tags->begin(), tags->end(), tag), tags->end())
        << "acknowledged tag " << tag << " of photo " << photo << " is gone";
  }
  for (Id id : acks.importedPhotos) {
    auto photo = (*library)->photo(id);
    ASSERT_TRUE(photo.ok());
    EXPECT_TRUE(photo->has_value()) << "imported photo " << id << " is gone";
  }
}

}  // namespace
}  // namespace w2w
