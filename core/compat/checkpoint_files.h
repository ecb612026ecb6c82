// Internal to core/compat: the three files of a checkpoint folder (config.json,
// model.safetensors, state.safetensors), replaced as one.
//
// A save writes the new files into <dir>/.saving/ (each synced to disk),
// renames that folder to <dir>/.pending/ (the commit point: one rename), then
// moves the files into <dir> one by one and removes .pending. Readers take
// each file from .pending/ while it is there, else from <dir>. So whatever
// instant a save is killed at, a reader finds either the previous checkpoint
// or the new one, complete, never a mix; the next save first finishes what a
// killed one committed and discards what it had not.
//
// Thread-safety: one writer per folder at a time (the run training into it);
// readers may run meanwhile (a reader that races with a save sees a hash
// mismatch and reads again).
#pragma once

#include <string>

#include "common/result.h"
#include "io/file_io.h"

namespace w2w::compat {

struct CheckpointFiles {
  Bytes config, model, state;
};

// Replaces the checkpoint in `dir` (created when needed) by `files`.
Status writeCheckpointFiles(const std::string& dir, const CheckpointFiles& files);

// Where a reader finds the checkpoint file `name` of `dir` now.
std::string checkpointFilePath(const std::string& dir, const std::string& name);

}  // namespace w2w::compat
