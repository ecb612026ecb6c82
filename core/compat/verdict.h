// The verdict on an outfit score: does the model think the outfit works?
//
// A trained model learns with a threshold on pair similarities (the modified
// loss is a hinge below it, seed section 3): above it a pair counts as
// compatible. The verdict compares the outfit score (the mean pair
// similarity) with that threshold, with a borderline band on either side, so
// that scores a hair apart around the threshold do not get opposite verdicts
// (docs/decisions.md, "Verdicts against the model's threshold").
//
// Thread-safety: pure functions.
#pragma once

namespace w2w::compat {

enum class Verdict {
  GoesTogether,  // score >= threshold + band
  Borderline,    // |score - threshold| < band
  Clashes,       // score <= threshold - band
};

// Half the width of the borderline band, in similarity units.
inline constexpr double kBorderlineBand = 0.05;

Verdict verdictOf(double score, double threshold);

// "goes_together", "borderline", "clashes" (JSON, logs).
const char* verdictName(Verdict verdict);

}  // namespace w2w::compat
