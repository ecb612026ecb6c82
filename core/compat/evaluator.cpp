#include "compat/evaluator.h"

#include <algorithm>
#include <map>

#include "compat/modified_sampler.h"
#include "format/json.h"

namespace w2w::compat {
namespace {

double dot(const float* a, const float* b, int dim) {
  double s = 0.0;
  for (int k = 0; k < dim; ++k) s += static_cast<double>(a[k]) * b[k];
  return s;
}

// Canonical item numbers per slot, so that FITB never offers the true item
// (or one item twice) when outfits share items.
std::vector<std::vector<int>> itemNumbers(const OutfitSet& set) {
  std::vector<std::vector<int>> out(static_cast<std::size_t>(set.slotCount()));
  for (int c = 0; c < set.slotCount(); ++c) {
    std::map<std::string, int> seen;
    out[static_cast<std::size_t>(c)].reserve(static_cast<std::size_t>(set.size()));
    for (int n = 0; n < set.size(); ++n) {
      const std::string& key = set.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(c)];
      if (key.empty()) {
        out[static_cast<std::size_t>(c)].push_back(-1 - n);  // no key: distinct from every other item
        continue;
      }
      out[static_cast<std::size_t>(c)].push_back(
          seen.emplace(key, static_cast<int>(seen.size())).first->second);
    }
  }
  return out;
}

// 1 when the truth scores strictly best, 1/(k+1) when it ties with k others.
double fitbCredit(double truth, const std::vector<double>& others) {
  int ties = 0;
  for (double o : others) {
    if (o > truth) return 0.0;
    if (o == truth) ++ties;
  }
  return 1.0 / (ties + 1);
}

format::Json histogramJson(const Histogram& h) {
  return {{"lo", h.lo}, {"hi", h.hi}, {"counts", h.counts}, {"n", h.n}, {"mean", h.mean}, {"std", h.stddev}};
}

Histogram histogramFromJson(const format::Json& o) {
  Histogram h;
  h.lo = format::numberOr(o, "lo", -1.0);
  h.hi = format::numberOr(o, "hi", 1.0);
  for (const format::Json& v : format::arrayOf(o, "counts")) h.counts.push_back(format::integerOf(v));
  h.n = format::integerOr(o, "n");
  h.mean = format::numberOr(o, "mean");
  h.stddev = format::numberOr(o, "std");
  return h;
}

// Running sums of one group of questions and outfit scores (a pair, a kind, a category).
struct Tally {
  std::vector<double> real, modified;
  double credit = 0;
  long long questions = 0;
  double fitb() const { return questions > 0 ? credit / static_cast<double>(questions) : 0.0; }
};

}  // namespace

const char* outfitKindName(OutfitKind kind) {
  return kind == OutfitKind::Separates ? "separates" : "onepiece";
}

const PairEval* EvalReport::pair(CategoryPair p) const {
  for (const PairEval& e : pairs)
    if (e.pair == p) return &e;
  return nullptr;
}

const KindEval* EvalReport::kind(OutfitKind k) const {
  for (const KindEval& e : kinds)
    if (e.kind == k) return &e;
  return nullptr;
}

std::optional<double> EvalReport::categoryFitb(Category c) const {
  for (const CategoryFitb& e : fitbByCategory)
    if (e.category == c) return e.fitb;
  return std::nullopt;
}

std::vector<double> outfitScores(const OutfitSet& space) {
  const std::vector<SlotPair> pairs = slotPairs(space.slots);
  std::vector<double> out(static_cast<std::size_t>(space.size()));
  for (int i = 0; i < space.size(); ++i) {
    double s = 0;
    int n = 0;
    for (const SlotPair& p : pairs) {
      if (!space.has(i, p.a) || !space.has(i, p.b)) continue;
      s += dot(space.vector(i, p.a), space.vector(i, p.b), space.dim);
      ++n;
    }
    out[static_cast<std::size_t>(i)] = n > 0 ? s / n : 0.0;
  }
  return out;
}

Result<EvalReport> evaluate(const OutfitSet& space, const EvalOptions& options) {
  if (Status ok = space.validate(); !ok) return ok.error();
  const int n = space.size();
  if (n < 2) return makeError("evaluation needs at least 2 outfits, got " + std::to_string(n));
  const int rounds = std::max(1, options.rounds);
  const int dim = space.dim;
  const int slots = space.slotCount();
  const std::vector<SlotPair> pairs = slotPairs(space.slots);
  const std::vector<CategoryPair> categoryPairs = layoutPairs(space.slots);
  const auto sim = [&](int outfitA, int slotA, int outfitB, int slotB) {
    return dot(space.vector(outfitA, slotA), space.vector(outfitB, slotB), dim);
  };
  const auto pairIndex = [&](const SlotPair& p) {
    return static_cast<std::size_t>(std::find(categoryPairs.begin(), categoryPairs.end(), p.categories) -
                                    categoryPairs.begin());
  };
  const auto kindOf = [&](int outfit) { return space.isOnepiece(outfit) ? 1 : 0; };

  EvalReport report;
  report.outfits = n;
  report.rounds = rounds;
  std::vector<Tally> byPair(categoryPairs.size()), byKind(2);
  std::vector<Tally> bySlotCategory(static_cast<std::size_t>(kCategoryCount));
  std::vector<double> real = outfitScores(space), modified, realBalanced;
  for (int i = 0; i < n; ++i) {
    for (const SlotPair& p : pairs) {
      if (space.has(i, p.a) && space.has(i, p.b)) byPair[pairIndex(p)].real.push_back(sim(i, p.a, i, p.b));
    }
  }

  const auto items = itemNumbers(space);
  std::vector<std::vector<int>> filling(static_cast<std::size_t>(slots));  // the outfits that fill each slot
  for (int c = 0; c < slots; ++c) {
    for (int j = 0; j < n; ++j)
      if (space.has(j, c)) filling[static_cast<std::size_t>(c)].push_back(j);
  }
  double fitbSum = 0;
  for (int r = 0; r < rounds; ++r) {
    Rng modRng(options.seed, Stream::EvalModified, static_cast<std::uint64_t>(r));
    const std::vector<ModifiedOutfit> mods = sampleModified(space.present, slots, modRng);
    for (int i = 0; i < n; ++i) {
      const ModifiedOutfit& m = mods[static_cast<std::size_t>(i)];
      double s = 0;
      int count = 0;
      for (const SlotPair& p : pairs) {
        const int sa = m.source[static_cast<std::size_t>(p.a)], sb = m.source[static_cast<std::size_t>(p.b)];
        if (sa < 0 || sb < 0) continue;
        const double v = sim(sa, p.a, sb, p.b);
        byPair[pairIndex(p)].modified.push_back(v);
        s += v;
        ++count;
      }
      const double score = count > 0 ? s / count : 0.0;
      modified.push_back(score);
      byKind[static_cast<std::size_t>(kindOf(i))].modified.push_back(score);
      byKind[static_cast<std::size_t>(kindOf(i))].real.push_back(real[static_cast<std::size_t>(i)]);
    }
    realBalanced.insert(realBalanced.end(), real.begin(), real.end());

    Rng fitbRng(options.seed, Stream::EvalFitb, static_cast<std::uint64_t>(r));
    for (int i = 0; i < n; ++i) {
      for (int c = 0; c < slots; ++c) {
        if (!space.has(i, c)) continue;
        std::vector<int> eligible;
        for (int j : filling[static_cast<std::size_t>(c)])
          if (j != i) eligible.push_back(j);
        const auto others = sampleCandidates(i, eligible, options.candidates - 1,
                                             items[static_cast<std::size_t>(c)], fitbRng);
        // The pairs not involving c are the same for every candidate: compare
        // the candidate's similarity to the outfit's other items.
        const Category blank = space.slots[static_cast<std::size_t>(c)];
        const auto score = [&](int source) {
          double s = 0;
          for (int d = 0; d < slots; ++d) {
            if (d != c && space.has(i, d) && canWearTogether(blank, space.slots[static_cast<std::size_t>(d)]))
              s += sim(source, c, i, d);
          }
          return s;
        };
        std::vector<double> otherScores;
        for (int j : others) otherScores.push_back(score(j));
        const double credit = fitbCredit(score(i), otherScores);
        fitbSum += credit;
        ++report.questions;
        Tally& category = bySlotCategory[static_cast<std::size_t>(categoryIndex(blank))];
        category.credit += credit;
        ++category.questions;
        byKind[static_cast<std::size_t>(kindOf(i))].credit += credit;
        ++byKind[static_cast<std::size_t>(kindOf(i))].questions;
        // Per pair: the blank judged by its similarity to the pair's other item.
        for (const SlotPair& p : pairs) {
          if (c != p.a && c != p.b) continue;
          const int partner = c == p.a ? p.b : p.a;
          if (!space.has(i, partner)) continue;
          std::vector<double> pairScores;
          for (int j : others) pairScores.push_back(sim(j, c, i, partner));
          Tally& pair = byPair[pairIndex(p)];
          pair.credit += fitbCredit(sim(i, c, i, partner), pairScores);
          ++pair.questions;
        }
      }
    }
  }
  report.auc = rocAuc(real, modified);
  report.fitb = report.questions > 0 ? fitbSum / report.questions : 0.0;
  for (std::size_t p = 0; p < categoryPairs.size(); ++p) {
    const Tally& t = byPair[p];
    if (t.real.empty()) continue;
    report.pairs.push_back(
        {categoryPairs[p], rocAuc(t.real, t.modified), t.fitb(), static_cast<long long>(t.real.size())});
  }
  for (Category c : layoutCategories(space.slots)) {
    const Tally& t = bySlotCategory[static_cast<std::size_t>(categoryIndex(c))];
    if (t.questions > 0) report.fitbByCategory.push_back({c, t.fitb(), t.questions});
  }
  for (OutfitKind k : {OutfitKind::Separates, OutfitKind::Onepiece}) {
    const Tally& t = byKind[k == OutfitKind::Separates ? 0 : 1];
    if (t.real.empty()) continue;
    report.kinds.push_back(
        {k, static_cast<int>(t.real.size()) / rounds, rocAuc(t.real, t.modified), t.fitb()});
  }
  report.real = histogram(real, options.bins, -1.0, 1.0);
  report.modified = histogram(modified, options.bins, -1.0, 1.0);
  report.thresholds = thresholdSweep(realBalanced, modified, -1.0, 1.0, options.thresholdStep);
  return report;
}

std::string evalReportJson(const EvalReport& r) {
  format::Json pairs = format::Json::object();
  for (const PairEval& p : r.pairs)
    pairs[pairName(p.pair)] = {{"auc", p.auc}, {"fitb", p.fitb}, {"outfits", p.count}};
  format::Json categories = format::Json::object();
  for (const CategoryFitb& c : r.fitbByCategory)
    categories[categoryName(c.category)] = {{"fitb", c.fitb}, {"questions", c.questions}};
  format::Json kinds = format::Json::object();
  for (const KindEval& k : r.kinds)
    kinds[outfitKindName(k.kind)] = {{"outfits", k.outfits}, {"auc", k.auc}, {"fitb", k.fitb}};
  format::Json thresholds = format::Json::array();
  for (const ThresholdPoint& t : r.thresholds) {
    thresholds.push_back({{"threshold", t.threshold},
                          {"accuracy", t.accuracy},
                          {"precision", t.precision},
                          {"recall", t.recall}});
  }
  const format::Json json = {{"outfits", r.outfits},
                             {"rounds", r.rounds},
                             {"fitb_questions", r.questions},
                             {"auc", r.auc},
                             {"fitb", r.fitb},
                             {"pairs", pairs},
                             {"categories", categories},
                             {"kinds", kinds},
                             {"thresholds", thresholds},
                             {"real_sim", histogramJson(r.real)},
                             {"modified_sim", histogramJson(r.modified)}};
  return format::dumpJson(json);
}

std::optional<EvalReport> parseEvalReportJson(const std::string& text) {
  auto parsed = format::parseJson(text);
  if (!parsed || !parsed->is_object() || parsed->empty()) return std::nullopt;
  const format::Json& json = *parsed;
  EvalReport r;
  r.outfits = static_cast<int>(format::integerOr(json, "outfits"));
  r.rounds = static_cast<int>(format::integerOr(json, "rounds"));
  r.questions = static_cast<int>(format::integerOr(json, "fitb_questions"));
  r.auc = format::numberOr(json, "auc", 0.5);
  r.fitb = format::numberOr(json, "fitb");
  // In the order of categoryPairs(), whatever order the text lists them in.
  const format::Json& pairs = format::objectOf(json, "pairs");
  for (CategoryPair pair : categoryPairs()) {
    const format::Json* p = format::member(pairs, pairName(pair));
    if (!p || !p->is_object()) continue;
    r.pairs.push_back({pair, format::numberOr(*p, "auc", 0.5), format::numberOr(*p, "fitb"),
                       format::integerOr(*p, "outfits", r.outfits)});
  }
  const format::Json& categories = format::objectOf(json, "categories");
  for (Category c : kCategories) {
    const format::Json* v = format::member(categories, categoryName(c));
    if (v && v->is_object())
      r.fitbByCategory.push_back({c, format::numberOr(*v, "fitb"), format::integerOr(*v, "questions")});
  }
  const format::Json& kinds = format::objectOf(json, "kinds");
  for (OutfitKind k : {OutfitKind::Separates, OutfitKind::Onepiece}) {
    const format::Json* v = format::member(kinds, outfitKindName(k));
    if (!v || !v->is_object()) continue;
    r.kinds.push_back({k, static_cast<int>(format::integerOr(*v, "outfits")),
                       format::numberOr(*v, "auc", 0.5), format::numberOr(*v, "fitb")});
  }
  for (const format::Json& t : format::arrayOf(json, "thresholds")) {
    r.thresholds.push_back({format::numberOr(t, "threshold"), format::numberOr(t, "accuracy"),
                            format::numberOr(t, "precision"), format::numberOr(t, "recall")});
  }
  r.real = histogramFromJson(format::objectOf(json, "real_sim"));
  r.modified = histogramFromJson(format::objectOf(json, "modified_sim"));
  return r;
}

}  // namespace w2w::compat
