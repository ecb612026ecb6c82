#include "compat/verdict.h"

#include <cmath>

namespace w2w::compat {

Verdict verdictOf(double score, double threshold) {
  const double margin = score - threshold;
  if (std::abs(margin) < kBorderlineBand) return Verdict::Borderline;
  return margin > 0 ? Verdict::GoesTogether : Verdict::Clashes;
}

const char* verdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::GoesTogether: return "goes_together";
    case Verdict::Borderline: return "borderline";
    case Verdict::Clashes: return "clashes";
  }
  return "borderline";
}

}  // namespace w2w::compat
