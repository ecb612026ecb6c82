// Writes a small wardrobe library with every kind of row (see README.md next
// to the files). Built against the version whose schema the file records.
#include <cstdio>
#include <string>

#include "library/library.h"

using namespace w2w;

template <class T>
T must(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, r.message().c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void must(Status s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.message().c_str());
    std::exit(1);
  }
}

CropImage crop(const std::string& name) {
  CropImage c;
  c.hash = "crop-" + name;
  for (char ch : name) c.png.push_back(static_cast<std::uint8_t>(ch));
  return c;
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto lib = must(Library::create(argv[1]), "create");
  Library& l = *lib;
  // Two processed photos (one adjusted by hand), one that failed.
  Id p1 = must(l.addPhoto({"/photos/street-1.jpg", "hash-photo-1", 1000, 400, 800}), "photo 1");
  Id p2 = must(l.addPhoto({"/photos/street-2.jpg", "hash-photo-2", 2000, 500, 900}), "photo 2");
  Id p3 = must(l.addPhoto({"/photos/broken.jpg", "hash-photo-3", 30, 10, 10}), "photo 3");
  PhotoAnalysis a1;
  a1.person = Box{10, 20, 300, 700};
  a1.maskPng = {1, 2, 3, 4};
  a1.crops = {{Category::Top, {40, 60, 200, 220}, 0.9, crop("p1-top")},
              {Category::Bottom, {50, 300, 180, 260}, 0.8, crop("p1-bottom")},
              {Category::Shoes, {60, 600, 150, 90}, 0.7, crop("p1-shoes")}};
  must(l.storeAnalysis(p1, a1), "analysis 1");
  PhotoAnalysis a2;
  a2.person = Box{5, 5, 480, 880};
  a2.crops = {{Category::Top, {40, 60, 300, 250}, 0.95, crop("p2-top")},
              {Category::Bottom, {50, 330, 280, 300}, 0.85, crop("p2-bottom")},
              {Category::Shoes, {70, 700, 200, 120}, 0.6, crop("p2-shoes")}};
  must(l.storeAnalysis(p2, a2), "analysis 2");
  must(l.setPhotoStatus(p3, PhotoStatus::Failed, "cannot decode image"), "failed");
  must(l.setPhotoStatus(p2, PhotoStatus::Reviewed), "reviewed");
  // A curator's adjusted box.
  auto p2Items = must(l.items(ItemQuery().fromPhoto(p2)), "items of photo 2");
  for (const Item& it : p2Items)
    if (it.category == Category::Bottom)
      must(l.updateCrop(it.id, {55, 335, 270, 290}, crop("p2-bottom-edited")), "edit crop");
  must(l.syncPhotoOutfits(), "sync");
  // Standalone items, one flagged.
  Id sTop =
      must(l.addStandaloneItem(Category::Top, {"/items/shirt.png", "hash-shirt", 11, 64, 64}, crop("shirt")),
           "shirt");
  Id sBottom = must(
      l.addStandaloneItem(Category::Bottom, {"/items/jeans.png", "hash-jeans", 12, 64, 64}, crop("jeans")),
      "jeans");
  Id sShoes = must(
      l.addStandaloneItem(Category::Shoes, {"/items/boots.png", "hash-boots", 13, 64, 64}, crop("boots")),
      "boots");
  must(l.setItemFlagged(sBottom, true), "flag");
  // A user outfit and a modified one.
  Outfit user;
  user.name = "weekend";
  user.origin = OutfitOrigin::User;
  user.setMember(Category::Top, sTop);
  user.setMember(Category::Bottom, sBottom);
  user.setMember(Category::Shoes, sShoes);
  must(l.addOutfit(user), "user outfit");
  auto p1Items = must(l.items(ItemQuery().fromPhoto(p1)), "items of photo 1");
  Outfit modified;
  modified.origin = OutfitOrigin::Modified;
  for (const Item& it : p1Items)
    if (it.category != Category::Shoes) modified.setMember(it.category, it.id);
  for (const Item& it : p2Items)
    if (it.category == Category::Shoes) modified.setMember(Category::Shoes, it.id);
  must(l.addOutfit(modified), "modified outfit");
  // Embeddings of every crop for one model.
  must(l.registerModel({"basic-v1", "Basic", "basic", 4, "", ""}), "model");
  for (const Item& it : must(l.items(), "items"))
    must(l.putEmbedding(it.cropHash, "basic-v1", {float(it.id), 0.5f, -1.0f, 2.0f}), "embedding");
  // A training run and tags.
  TrainingRun run;
  run.name = "first run";
  run.encoderModelId = "basic-v1";
  run.configJson = "{\"epochs\":2}";
  run.metricsJson = "{\"auc\":0.61}";
  run.checkpointPath = "/runs/first.w2wm";
  run.status = RunStatus::Finished;
  Id runId = must(l.addRun(run), "run");
  (void)runId;
  must(l.tagPhoto(p1, "summer"), "tag photo");
  must(l.tagPhoto(p2, "office"), "tag photo 2");
  must(l.tagItem(sShoes, "leather"), "tag item");
#ifdef W2W_FIXTURE_SCHEMA_2
  // Schema 2: a photo whose shoes a curator marked not visible (cut off by the frame).
  Id p4 = must(l.addPhoto({"/photos/cropped-frame.jpg", "hash-photo-4", 3000, 600, 500}), "photo 4");
  PhotoAnalysis a4;
  a4.person = Box{0, 0, 600, 500};
  a4.crops = {{Category::Top, {40, 20, 300, 200}, 0.5, crop("p4-top")},
              {Category::Bottom, {50, 230, 280, 260}, 0.4, crop("p4-bottom")}};
  must(l.storeAnalysis(p4, a4), "analysis 4");
  must(l.setNotVisible(p4, Category::Shoes, true), "not visible");
#endif
  return 0;
}
