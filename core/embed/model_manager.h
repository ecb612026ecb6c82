// ModelManager: the encoder models installed for this user.
//
// Models live in folders under a root (by default the user's data folder,
// "models/<name>"): FashionCLIP in the Hugging Face or open_clip layout, or a
// TorchScript encoder.pt (encoder_factory.h says which folder is which). A
// model is identified by the SHA-256 of its weights file; that id keys the
// embedding cache.
//
// Thread-safety: one ModelManager per thread; the folders themselves are only
// changed through install/download/remove, which write into a temporary folder
// and rename it into place.
#pragma once

#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"

namespace w2w {

struct ModelFileSpec {
  std::string name;    // file name inside the model folder
  std::string sha256;  // empty: unknown (the hub's header or parsing checks it)
  long long size = -1;
};

// A model that can be downloaded: where from and which files.
struct ModelDescriptor {
  std::string name;         // folder name, e.g. "fashion-clip"
  std::string displayName;  // "FashionCLIP (patrickjohncyh/fashion-clip, ViT-B/32)"
  std::string baseUrl;      // files are fetched from baseUrl + file name
  std::vector<ModelFileSpec> files;
};

struct InstalledModel {
  std::string name;
  std::string folder;
  std::string layout;       // "hf", "openclip" or "torchscript"
  std::string weightsFile;  // the .safetensors (or .pt) file
  std::string id;           // SHA-256 of the weights file
};

// The FashionCLIP checkpoints the studio offers to download.
const std::vector<ModelDescriptor>& knownModels();

class ModelManager {
 public:
  explicit ModelManager(std::string root = defaultRoot());
  static std::string defaultRoot();
  const std::string& root() const { return root_; }

  std::vector<InstalledModel> installed() const;
  Result<InstalledModel> find(const std::string& name) const;
  // Describes a model folder (or TorchScript .pt file) anywhere, hashing its
  // weights (cached in the folder).
  static Result<InstalledModel> inspect(const std::string& spec);

  // Copies a model folder under the root as `name` after checking its layout.
  Result<InstalledModel> installFromFolder(const std::string& folder, const std::string& name);
  // Downloads every file of the descriptor (resuming earlier attempts).
  Result<InstalledModel> download(const ModelDescriptor& model, const ProgressCallback& progress = {},
                                  const CancelFlag* cancel = nullptr);
  Status remove(const std::string& name);

 private:
  std::string root_;
};

}  // namespace w2w
