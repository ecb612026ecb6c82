#include "embed/clip/malloc_tuning.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace w2w::clip {

bool tuneMallocForTensors() {
#if defined(__GLIBC__)
  static std::once_flag once;
  static bool applied = false;
  std::call_once(once, [] {
    applied =
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1 && mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024) == 1;
  });
  return applied;
#else
  return false;
#endif
}

}  // namespace w2w::clip
