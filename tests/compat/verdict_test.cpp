// The verdict on an outfit score: against the model's threshold, with a
// borderline band of kBorderlineBand on either side.
#include <gtest/gtest.h>

#include "compat/verdict.h"

namespace w2w::compat {
namespace {

TEST(Verdict, ComparesTheScoreWithTheThresholdAndItsBand) {
  EXPECT_EQ(verdictOf(0.50, 0.0), Verdict::GoesTogether);
  EXPECT_EQ(verdictOf(kBorderlineBand + 0.001, 0.0), Verdict::GoesTogether);
  EXPECT_EQ(verdictOf(kBorderlineBand - 0.001, 0.0), Verdict::Borderline);
  EXPECT_EQ(verdictOf(0.0, 0.0), Verdict::Borderline);
  EXPECT_EQ(verdictOf(-kBorderlineBand + 0.001, 0.0), Verdict::Borderline);
  EXPECT_EQ(verdictOf(-kBorderlineBand - 0.001, 0.0), Verdict::Clashes);
  EXPECT_EQ(verdictOf(0.30, 0.40), Verdict::Clashes) << "the model's own threshold, not zero";
  EXPECT_EQ(verdictOf(0.45, 0.40), Verdict::Borderline);
  EXPECT_STREQ(verdictName(Verdict::GoesTogether), "goes_together");
  EXPECT_STREQ(verdictName(Verdict::Clashes), "clashes");
}

}  // namespace
}  // namespace w2w::compat
