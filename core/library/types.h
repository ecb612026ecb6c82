// The records of a wardrobe library, as plain structs (no SQL, no Qt Gui).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/image.h"
#include "common/seed_slots.h"

namespace w2w {

using Id = std::int64_t;

// Where a photo is in the pipeline.
enum class PhotoStatus {
  Imported,   // registered; not yet processed into crops
  Processed,  // person, mask and crops computed
  Reviewed,   // a curator accepted the crops
  Flagged,    // a curator marked the photo for attention
  Failed,     // processing failed; `error` says why
};
const char* photoStatusName(PhotoStatus s);
std::optional<PhotoStatus> parsePhotoStatus(const std::string& name);

struct Photo {
  Id id = 0;
  std::string path;         // as stored: relative to the library's folder when inside it
  std::string contentHash;  // SHA-256 of the file bytes
  long long fileSize = 0;
  int width = 0;  // upright size (EXIF orientation applied)
  int height = 0;
  std::string importedAt;  // ISO 8601, UTC
  PhotoStatus status = PhotoStatus::Imported;
  std::string error;          // why processing failed (status Failed)
  std::optional<Box> person;  // the main person, once processed
  bool onepiece = false;      // a dress or jumpsuit covers top and bottom
};

// How an item's box came to be.
enum class ItemSource {
  Auto,        // proposed by the crop pipeline
  Manual,      // drawn or adjusted by a person
  Standalone,  // a single-item photo (no box)
};
const char* itemSourceName(ItemSource s);
std::optional<ItemSource> parseItemSource(const std::string& name);

// A garment: either a crop of an outfit photo (photoId and box set) or a
// standalone item photo (imagePath set). Both carry the square crop image the
// encoder sees; cropHash identifies it and keys the embedding cache.
struct Item {
  Id id = 0;
  Category category = Category::Top;
  ItemSource source = ItemSource::Auto;
  std::optional<Id> photoId;
  std::optional<Box> box;   // pixels of the upright photo
  double confidence = 0.0;  // 0..1, from the crop pipeline (1 for manual and standalone)
  std::string imagePath;    // standalone items: the image file (stored like Photo::path)
  std::string fileHash;     // standalone items: SHA-256 of the file
  std::string cropHash;     // SHA-256 of the crop image pixels; empty until a crop exists
  bool flagged = false;
  std::string createdAt;
  std::string updatedAt;
};

// The encoder input stored for an item: a square, white-padded RGB crop.
struct CropImage {
  std::string hash;               // SHA-256 of width, height and the RGB pixels
  std::vector<std::uint8_t> png;  // PNG-encoded crop
};

enum class OutfitOrigin {
  Photo,     // the crops of one outfit photo
  User,      // composed by a person on the outfit board
  Modified,  // the seed's modified outfit (two pieces swapped at random)
};
const char* outfitOriginName(OutfitOrigin o);
std::optional<OutfitOrigin> parseOutfitOrigin(const std::string& name);

// One garment of an outfit.
struct OutfitItem {
  Id item = 0;
  Category category = Category::Top;  // the item's category (the library fills it in when reading)
  bool operator==(const OutfitItem& o) const { return item == o.item && category == o.category; }
};

// A set of items that makes a valid outfit (common/category.h): shoes, and a
// top and a bottom or a one-piece, with optional outer layer, bag and
// accessories.
struct Outfit {
  Id id = 0;
  std::string name;
  std::vector<OutfitItem> items;  // in kCategories order
  OutfitOrigin origin = OutfitOrigin::User;
  std::optional<Id> photoId;  // the photo an outfit of origin Photo came from
  std::string createdAt;

  // The item of category c (the first accessory for Accessory); 0 when none.
  Id member(Category c) const;
  // Puts `item` in as the outfit's c (replacing the one it had; 0 takes it
  // out). An accessory is added beside the others.
  void setMember(Category c, Id item);
  std::vector<Id> itemIds() const;
  CategoryCounts categories() const;
};

// An encoder whose embeddings the library holds.
struct ModelRecord {
  std::string id;    // SHA-256 of the weights file, or "basic-v<N>" for the built-in encoder
  std::string name;  // display name
  std::string kind;  // "basic", "fashionclip", "torchscript"
  int dim = 0;
  std::string path;  // model folder; empty for built-in encoders
  std::string addedAt;
};

enum class RunStatus { Running, Finished, Cancelled, Failed };
const char* runStatusName(RunStatus s);
std::optional<RunStatus> parseRunStatus(const std::string& name);

struct TrainingRun {
  Id id = 0;
  std::string name;
  std::string encoderModelId;
  std::string configJson;   // the trainer's configuration
  std::string metricsJson;  // history and final evaluation
  std::string checkpointPath;
  RunStatus status = RunStatus::Running;
  std::string error;
  std::string startedAt;
  std::string finishedAt;
};

struct Tag {
  Id id = 0;
  std::string name;
};

// A summary per area of what the views show, cheap to compute: when an
// area's stamp differs from an earlier one, that area changed (edits within
// a training run's metrics do not count; its status does).
struct LibraryStamps {
  std::string content;  // photos, items (crops and their boxes), embeddings
  std::string tags;     // tags and which photos and items have them
  std::string outfits;
  std::string runs;
  bool operator==(const LibraryStamps& o) const {
    return content == o.content && tags == o.tags && outfits == o.outfits && runs == o.runs;
  }
};

struct LibraryInfo {
  std::string path;
  int schemaVersion = 0;
  std::string createdWith;  // application version that created the file
  long long fileBytes = 0;
  long long photos = 0;
  long long photosByStatus[5] = {0, 0, 0, 0, 0};  // indexed by PhotoStatus
  long long items = 0;
  long long itemsByCategory[kCategoryCount] = {};  // indexed by categoryIndex()
  long long standaloneItems = 0;
  long long manualCrops = 0;
  long long embeddings = 0;
  long long models = 0;
  long long outfits = 0;
  long long trainingRuns = 0;
  long long tags = 0;
};

}  // namespace w2w
