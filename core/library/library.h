// Library: the wardrobe library, one SQLite file per library.
//
// Everything the studio and the CLI keep goes through this class: photos,
// items (crops and standalone pieces) with their crop images, embeddings per
// model, outfits, training runs and tags. No SQL exists outside core/library.
//
// Guarantees:
// - The schema version lives in PRAGMA user_version; opening an older file
//   migrates it one step per version inside a transaction; a file written by a
//   newer version is refused with a clear message and never written to.
// - WAL journal, foreign keys on, and every multi-row change in one
//   transaction: a crash at any moment loses at most the change in flight.
// - Errors come back as Result/Status with a one-line message; nothing throws.
// - Any number of connections, in this process and in others, may use one
//   file at once; writers queue (BEGIN IMMEDIATE, 10 s busy timeout). Only
//   SQLite ever opens the library file: closing any descriptor of it would
//   drop every POSIX lock this process holds on it, and another process
//   would then delete the write-ahead log still in use here. Code outside
//   core/library must not open, read or copy a library file either (stat is
//   fine).
//
// Thread-safety: a Library object must be used by one thread at a time. Open
// one per thread (the same file may be opened many times, also from other
// processes): WAL lets readers see a consistent snapshot while a writer works.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/matrix.h"
#include "common/result.h"
#include "library/types.h"

namespace w2w {

namespace sql {
class Database;
}

struct PhotoQuery {
  std::optional<PhotoStatus> status;
  std::optional<std::string> tag;
  int limit = -1;  // -1: all
  int offset = 0;

  PhotoQuery& withStatus(PhotoStatus s) {
    status = s;
    return *this;
  }
  PhotoQuery& withTag(std::string t) {
    tag = std::move(t);
    return *this;
  }
  PhotoQuery& page(int offsetRows, int limitRows) {
    offset = offsetRows;
    limit = limitRows;
    return *this;
  }
};

struct ItemQuery {
  std::optional<Category> category;
  std::optional<Id> photoId;
  std::optional<ItemSource> source;
  std::optional<bool> flagged;
  std::optional<std::string> tag;
  bool standaloneOnly = false;
  bool cropsOnly = false;
  // Only items whose crop has no embedding for this model yet.
  std::optional<std::string> missingEmbeddingFor;
  bool orderByConfidence = false;  // lowest confidence first (the review queue)
  int limit = -1;

  ItemQuery& inCategory(Category c) {
    category = c;
    return *this;
  }
  ItemQuery& fromPhoto(Id id) {
    photoId = id;
    return *this;
  }
  ItemQuery& withSource(ItemSource s) {
    source = s;
    return *this;
  }
  ItemQuery& withFlag(bool f) {
    flagged = f;
    return *this;
  }
  ItemQuery& withTag(std::string t) {
    tag = std::move(t);
    return *this;
  }
  ItemQuery& onlyStandalone() {
    standaloneOnly = true;
    return *this;
  }
  ItemQuery& onlyCrops() {
    cropsOnly = true;
    return *this;
  }
  ItemQuery& notEncodedBy(std::string modelId) {
    missingEmbeddingFor = std::move(modelId);
    return *this;
  }
  ItemQuery& byConfidence() {
    orderByConfidence = true;
    return *this;
  }
  ItemQuery& first(int n) {
    limit = n;
    return *this;
  }
};

// A new photo's metadata, as the importer measured it.
struct NewPhoto {
  std::string path;  // absolute; stored relative when inside the library's folder
  std::string contentHash;
  long long fileSize = 0;
  int width = 0;
  int height = 0;
};

// Result of the crop pipeline for one photo, written in one transaction.
struct PhotoAnalysis {
  std::optional<Box> person;
  bool onepiece = false;
  std::vector<std::uint8_t> maskPng;  // foreground mask (white = person); may be empty
  struct Crop {
    Category category;
    Box box;
    double confidence = 0.0;
    CropImage image;
  };
  std::vector<Crop> crops;  // at most one per category found
};

// A photo as the curator's review queue lists it.
struct ReviewEntry {
  Photo photo;
  int crops = 0;
  double lowestConfidence = 1.0;  // of its crops; 1 when it has none
  // Garments an outfit needs that have neither a crop nor a "not visible" mark.
  std::vector<Category> missing;
  std::vector<Category> notVisible;
};

// Embeddings of many items for one model, row i belonging to itemIds[i].
struct ItemEmbeddings {
  std::vector<Id> itemIds;
  std::vector<Category> categories;
  FloatMatrix vectors;
};

class Library {
 public:
  // The schema version this build writes (PRAGMA user_version): the only
  // place it is declared. Raising it needs one more migration step in
  // schema.cpp, which checks that at compile time.
  static constexpr int kSchemaVersion = 3;
  // SQLite application_id that marks a file as a What2Wear library ("W2WL").
  static constexpr int kApplicationId = 0x5732574C;

  enum class Access {
    ReadWrite,
    ReadOnly,
    // Read-write when the file and its folder can be written, else
    // read-only: for work that only reads but keeps caches when it may.
    ReadWriteIfWritable,
  };

  // Creates a new library; fails when the file already exists and is not empty.
  static Result<std::unique_ptr<Library>> create(const std::string& path);
  // Opens an existing library (migrating an older schema unless read-only).
  static Result<std::unique_ptr<Library>> open(const std::string& path, Access access = Access::ReadWrite);
  // Why the library at `path` cannot be opened for writing (the file or the
  // folder that must hold SQLite's journal files is not writable), or "".
  static std::string whyNotWritable(const std::string& path);

  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const std::string& path() const { return path_; }
  std::string folder() const;  // the folder relative paths are resolved against
  bool readOnly() const { return readOnly_; }
  Result<LibraryInfo> info();
  Status checkIntegrity();  // PRAGMA integrity_check and foreign_key_check
  // A number that changes whenever another connection (another thread's or
  // another process's) commits a change; this connection's own commits leave
  // it alone. Cheap: views poll it to notice changes made elsewhere.
  Result<long long> externalChangeCounter();
  // What changed, per area, read on one snapshot (see LibraryStamps).
  Result<LibraryStamps> changeStamps();

  // Runs `body` in one transaction: committed when it returns success,
  // rolled back when it returns an error. Calls nest.
  Status transaction(const std::function<Status()>& body);

  // Runs `body` on one consistent snapshot: every read inside sees the
  // library as it was at the first read, whatever other writers commit.
  Status readSnapshot(const std::function<Status()>& body);

  // Paths as stored <-> absolute paths.
  std::string resolvePath(const std::string& stored) const;
  std::string storablePath(const std::string& absolute) const;

  // --- photos
  Result<Id> addPhoto(const NewPhoto& photo);  // fails on a duplicate content hash
  Result<std::optional<Photo>> photo(Id id);
  Result<std::optional<Photo>> photoByHash(const std::string& contentHash);
  Result<std::vector<Photo>> photos(const PhotoQuery& query = {});
  Result<long long> photoCount();
  Status setPhotoStatus(Id id, PhotoStatus status, const std::string& error = {});
  // Stores the pipeline's result: person, mask, and one auto crop per
  // category found (replacing earlier auto crops, and dropping those of
  // categories no longer found; manual crops are kept; none for a garment
  // marked not visible).
  Status storeAnalysis(Id photoId, const PhotoAnalysis& analysis);
  Result<std::vector<std::uint8_t>> photoMask(Id photoId);
  Status removePhoto(Id id);  // with its crops and the outfits that use them

  // --- items
  Result<Id> addStandaloneItem(Category category, const NewPhoto& file, const CropImage& crop);
  Result<std::optional<Item>> item(Id id);
  Result<std::vector<Item>> items(const ItemQuery& query = {});
  Result<std::optional<Item>> itemByHash(const std::string& fileHash);  // standalone items
  Result<CropImage> cropImage(Id itemId);
  // A person moved or drew a box: stores it as a manual crop with its new
  // image, and drops the cached embeddings of the old crop image (unless
  // another item still shows the same pixels).
  Status updateCrop(Id itemId, const Box& box, const CropImage& crop);
  // Sets a crop's box, image, source and confidence as given (undo of an
  // edit restores the automatic crop exactly). Same invalidation as updateCrop.
  Status setCrop(Id itemId, const Box& box, const CropImage& crop, ItemSource source, double confidence);
  // Adds a crop a person drew for a category the pipeline did not find
  // (clearing a "not visible" mark of that category).
  Result<Id> addManualCrop(Id photoId, Category category, const Box& box, const CropImage& crop);
  Status setItemCategory(Id itemId, Category category);
  Status setItemFlagged(Id itemId, bool flagged);
  Status removeItem(Id id);
  // Removes items and photos (with their crops and the outfits that use them)
  // in one transaction: an id that is not in the library removes nothing.
  // Items go first, so a crop named beside its own photo is no error.
  Status removeEntries(const std::vector<Id>& photoIds, const std::vector<Id>& itemIds);

  // --- embeddings, keyed by (crop hash, model id)
  Status registerModel(const ModelRecord& model);
  Result<std::vector<ModelRecord>> models();
  Status putEmbedding(const std::string& cropHash, const std::string& modelId,
                      const std::vector<float>& vector);
  // Stores many in one transaction (rows of `vectors`, one per hash).
  Status putEmbeddings(const std::vector<std::string>& cropHashes, const std::string& modelId,
                       const FloatMatrix& vectors);
  Result<std::optional<std::vector<float>>> embedding(const std::string& cropHash,
                                                      const std::string& modelId);
  // All items with an embedding for the model (optionally one category).
  Result<ItemEmbeddings> itemEmbeddings(const std::string& modelId, std::optional<Category> category = {});
  Result<long long> embeddingCount(const std::string& modelId);
  // Deletes embeddings whose crop no item shows any more; returns how many.
  Result<long long> pruneEmbeddings();

  // --- outfits
  // Outfits must be valid (common/category.h); every item must exist and be
  // of the category the outfit gives it.
  Result<Id> addOutfit(const Outfit& outfit);
  Result<std::optional<Outfit>> outfit(Id id);
  Result<std::vector<Outfit>> outfits(std::optional<OutfitOrigin> origin = {});
  Status updateOutfit(const Outfit& outfit);
  Status removeOutfit(Id id);
  // Outfits of origin Photo for every photo whose crops make a valid outfit
  // (created or refreshed, holding all of the photo's crops; removed where
  // they no longer make one), or for the one photo given; returns how many
  // photo outfits exist afterwards.
  Result<long long> syncPhotoOutfits(std::optional<Id> photoId = {});

  // Photos of one state for a curator (Processed: waiting for review), the
  // least certain first: photos missing a garment, then by their lowest crop
  // confidence, then by id.
  Result<std::vector<ReviewEntry>> reviewQueue(PhotoStatus status = PhotoStatus::Processed, int limit = -1);
  // One photo as the queue lists it (nullopt: no such photo).
  Result<std::optional<ReviewEntry>> reviewEntry(Id photoId);

  // A garment a curator marked not visible in a photo: not counted as
  // missing, and storeAnalysis proposes no crop for it. Drawing its crop
  // (addManualCrop) takes the mark away.
  Status setNotVisible(Id photoId, Category category, bool notVisible);
  Result<std::vector<Category>> notVisibleGarments(Id photoId);

  // --- training runs
  Result<Id> addRun(const TrainingRun& run);
  Status updateRun(const TrainingRun& run);
  Result<std::optional<TrainingRun>> run(Id id);
  Result<std::vector<TrainingRun>> runs();
  Status removeRun(Id id);

  // --- tags
  Result<Id> tagId(const std::string& name);  // creates the tag when new
  Result<std::vector<Tag>> tags();
  Status tagPhoto(Id photoId, const std::string& tag);
  Status untagPhoto(Id photoId, const std::string& tag);
  Status tagItem(Id itemId, const std::string& tag);
  Status untagItem(Id itemId, const std::string& tag);
  Result<std::vector<std::string>> photoTags(Id photoId);
  Result<std::vector<std::string>> itemTags(Id itemId);

 private:
  Library(std::string path, std::unique_ptr<sql::Database> db, bool readOnly);
  template <typename F>
  auto guarded(const char* what, F&& body) -> decltype(body());

  std::string path_;
  std::unique_ptr<sql::Database> db_;
  bool readOnly_ = false;
};

}  // namespace w2w
