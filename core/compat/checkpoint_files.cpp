#include "compat/checkpoint_files.h"

#include <QDir>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "compat/checkpoint.h"

namespace w2w::compat {
namespace {

constexpr const char* kSavingFolder = ".saving";
constexpr const char* kPendingFolder = ".pending";

bool exists(const std::string& path) { return QFileInfo::exists(QString::fromStdString(path)); }

Error systemError(const std::string& path, const char* what) {
  return makeError(path + ": cannot " + what + " (" + std::strerror(errno) + ")");
}

// Written and synced to disk before anything refers to it.
Status writeDurably(const std::string& path, const Bytes& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return systemError(path, "write");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, std::min<std::size_t>(bytes.size() - done, 1 << 30));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const Error error = systemError(path, "write");
      ::close(fd);
      return error;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const Error error = systemError(path, "write");
    ::close(fd);
    return error;
  }
  if (::close(fd) != 0) return systemError(path, "write");
  return Status::success();
}

// A rename is durable once the folder holding it is synced.
Status syncFolder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return systemError(path, "open the folder");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return systemError(path, "sync the folder");
  return Status::success();
}

Status moveFile(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) return systemError(to, "replace");
  return Status::success();
}

// Moves what a committed save left in .pending into the folder. Config goes
// last only for tidiness: readers prefer .pending, so any order is safe.
Status finishCommittedSave(const std::string& dir) {
  const std::string pending = dir + "/" + kPendingFolder;
  if (!exists(pending)) return Status::success();
  for (const char* name : {kCheckpointModelFile, kCheckpointStateFile, kCheckpointConfigFile}) {
    const std::string from = pending + "/" + name;
    if (!exists(from)) continue;  // moved before an interruption
    if (Status s = moveFile(from, dir + "/" + name); !s) return s;
  }
  if (::rmdir(pending.c_str()) != 0) return systemError(pending, "remove");
  return syncFolder(dir);
}

}  // namespace

Status writeCheckpointFiles(const std::string& dir, const CheckpointFiles& files) {
  if (!QDir().mkpath(QString::fromStdString(dir)))
    return makeError(dir + ": cannot create the checkpoint folder");
  if (Status s = finishCommittedSave(dir); !s) return s;
  // A save killed before its commit left files nobody refers to.
  const std::string saving = dir + "/" + kSavingFolder;
  if (exists(saving) && !QDir(QString::fromStdString(saving)).removeRecursively())
    return makeError(saving + ": cannot remove an interrupted save");
  if (::mkdir(saving.c_str(), 0755) != 0) return systemError(saving, "create");
  const std::pair<const char*, const Bytes*> contents[] = {{kCheckpointModelFile, &files.model},
                                                           {kCheckpointStateFile, &files.state},
                                                           {kCheckpointConfigFile, &files.config}};
  for (const auto& [name, bytes] : contents) {
    if (Status s = writeDurably(saving + "/" + name, *bytes); !s) return s;
  }
  if (Status s = syncFolder(saving); !s) return s;
  // The commit point: from here on readers see the new checkpoint.
  if (Status s = moveFile(saving, dir + "/" + kPendingFolder); !s) return s;
  if (Status s = syncFolder(dir); !s) return s;
  return finishCommittedSave(dir);
}

std::string checkpointFilePath(const std::string& dir, const std::string& name) {
  const std::string pending = dir + "/" + kPendingFolder + "/" + name;
  return exists(pending) ? pending : dir + "/" + name;
}

bool holdsCheckpoint(const std::string& dir) {
  return exists(checkpointFilePath(dir, kCheckpointConfigFile));
}

}  // namespace w2w::compat
