// Keeps glibc malloc from handing large tensor temporaries back to the kernel
// after every use (the CLIP forward pass, and compatibility training).
//
// Why: a ViT-B/32 layer at batch 32 allocates and frees about 100 MB of
// temporaries (fc1's output alone is 20 MB). glibc serves blocks that size
// from the top of the heap and trims the heap as soon as more than twice the
// last mmap threshold is free, so each layer faults the same memory back in,
// page by page, zero-filled: measured here, a QuickGELU over [1600,3072]
// took 45 ms that way and 8 ms with the heap kept. Python's PyTorch pays the
// same cost; jemalloc or tcmalloc would avoid it too. Training the
// compatibility head at the seed's scale: 0.87 -> 0.72 s per epoch.
//
// What it does (once per process, glibc only, a no-op elsewhere): fixes the
// mmap threshold at 32 MB (glibc's maximum for its dynamic threshold) and
// raises the trim threshold to 256 MB, so up to that much freed heap stays
// mapped for reuse. Process-wide: ClipLoadOptions::tuneMalloc lets the
// application opt out.
#pragma once

namespace w2w::clip {

// Returns true when the settings were applied (now or by an earlier call).
bool tuneMallocForTensors();

}  // namespace w2w::clip
