#include "compat/evaluator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

#include "common/seed_slots.h"
#include "compat/modified_sampler.h"

namespace w2w::compat {
namespace {

double dot(const float* a, const float* b, int dim) {
  double s = 0.0;
  for (int k = 0; k < dim; ++k) s += static_cast<double>(a[k]) * b[k];
  return s;
}

// Canonical item numbers per category, so that FITB never offers the true
// item (or one item twice) when outfits share items.
std::array<std::vector<int>, 3> itemNumbers(const OutfitSet& set) {
  std::array<std::vector<int>, 3> out;
  for (int c = 0; c < 3; ++c) {
    std::map<std::string, int> seen;
    out[c].reserve(static_cast<std::size_t>(set.size()));
    for (int n = 0; n < set.size(); ++n) {
      const std::string& key = set.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(c)];
      if (key.empty()) {
        out[c].push_back(-1 - n);  // no key: distinct from every other item
        continue;
      }
      out[c].push_back(seen.emplace(key, static_cast<int>(seen.size())).first->second);
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

QJsonObject histogramJson(const Histogram& h) {
  QJsonArray counts;
  for (long long c : h.counts) counts.append(static_cast<qint64>(c));
  return {{"lo", h.lo},     {"hi", h.hi},     {"counts", counts}, {"n", static_cast<qint64>(h.n)},
          {"mean", h.mean}, {"std", h.stddev}};
}

}  // namespace

const char* pairName(int pair) {
  static const char* names[] = {"top_bottom", "bottom_shoes", "top_shoes"};
  return pair >= 0 && pair < 3 ? names[pair] : "unknown";
}

std::vector<double> outfitScores(const OutfitSet& space) {
  std::vector<double> out(static_cast<std::size_t>(space.size()));
  for (int i = 0; i < space.size(); ++i) {
    double s = 0;
    for (const auto& p : kPairs) s += dot(space.vector(i, p[0]), space.vector(i, p[1]), space.dim);
    out[static_cast<std::size_t>(i)] = s / 3.0;
  }
  return out;
}

Result<EvalReport> evaluate(const OutfitSet& space, const EvalOptions& options) {
  if (Status ok = space.validate(); !ok) return ok.error();
  const int n = space.size();
  if (n < 2) return makeError("evaluation needs at least 2 outfits, got " + std::to_string(n));
  const int rounds = std::max(1, options.rounds);
  const int dim = space.dim;
  const auto sim = [&](int outfitA, int catA, int outfitB, int catB) {
    return dot(space.vector(outfitA, catA), space.vector(outfitB, catB), dim);
  };

  EvalReport report;
  report.outfits = n;
  report.rounds = rounds;
  std::array<std::vector<double>, 3> realPair, modifiedPair;
  std::vector<double> real(static_cast<std::size_t>(n)), modified, realBalanced;
  for (int i = 0; i < n; ++i) {
    double s = 0;
    for (int p = 0; p < 3; ++p) {
      const double v = sim(i, kPairs[p][0], i, kPairs[p][1]);
      realPair[p].push_back(v);
      s += v;
    }
    real[static_cast<std::size_t>(i)] = s / 3.0;
  }

  const auto items = itemNumbers(space);
  double fitbSum = 0;
  std::array<double, 3> byCategory{}, byPair{};
  std::array<long long, 3> pairQuestions{};
  for (int r = 0; r < rounds; ++r) {
    Rng modRng(options.seed, Stream::EvalModified, static_cast<std::uint64_t>(r));
    for (const ModifiedOutfit& m : sampleModified(n, modRng)) {
      double s = 0;
      for (int p = 0; p < 3; ++p) {
        const double v = sim(m.source[kPairs[p][0]], kPairs[p][0], m.source[kPairs[p][1]], kPairs[p][1]);
        modifiedPair[p].push_back(v);
        s += v;
      }
      modified.push_back(s / 3.0);
    }
    realBalanced.insert(realBalanced.end(), real.begin(), real.end());

    Rng fitbRng(options.seed, Stream::EvalFitb, static_cast<std::uint64_t>(r));
    for (int i = 0; i < n; ++i) {
      for (int c = 0; c < 3; ++c) {
        const auto others = sampleCandidates(i, n, options.candidates - 1, items[c], fitbRng);
        // The pair not involving c is the same for every candidate: compare
        // the two pairs that do.
        const auto score = [&](int source) {
          double s = 0;
          for (int d = 0; d < 3; ++d)
            if (d != c) s += sim(source, c, i, d);
          return s;
        };
        std::vector<double> otherScores;
        for (int j : others) otherScores.push_back(score(j));
        const double credit = fitbCredit(score(i), otherScores);
        fitbSum += credit;
        byCategory[c] += credit;
        // Per pair: the blank judged by its similarity to the pair's other item.
        for (int p = 0; p < 3; ++p) {
          const int a = kPairs[p][0], b = kPairs[p][1];
          if (c != a && c != b) continue;
          const int partner = c == a ? b : a;
          std::vector<double> pairScores;
          for (int j : others) pairScores.push_back(sim(j, c, i, partner));
          byPair[p] += fitbCredit(sim(i, c, i, partner), pairScores);
          ++pairQuestions[p];
        }
      }
    }
  }
  report.questions = n * 3 * rounds;
  report.auc = rocAuc(real, modified);
  report.fitb = fitbSum / report.questions;
  for (int c = 0; c < 3; ++c) report.fitbByCategory[c] = byCategory[c] / (static_cast<double>(n) * rounds);
  for (int p = 0; p < 3; ++p) {
    report.pairs[p].auc = rocAuc(realPair[p], modifiedPair[p]);
    report.pairs[p].fitb = pairQuestions[p] > 0 ? byPair[p] / static_cast<double>(pairQuestions[p]) : 0.0;
  }
  report.real = histogram(real, options.bins, -1.0, 1.0);
  report.modified = histogram(modified, options.bins, -1.0, 1.0);
  report.thresholds = thresholdSweep(realBalanced, modified, -1.0, 1.0, options.thresholdStep);
  return report;
}

std::string evalReportJson(const EvalReport& r) {
  QJsonObject pairs;
  for (int p = 0; p < 3; ++p)
    pairs[pairName(p)] = QJsonObject{{"auc", r.pairs[p].auc}, {"fitb", r.pairs[p].fitb}};
  QJsonObject categories;
  for (Category c : kSeedSlots)
    categories[categoryName(c)] = QJsonObject{{"fitb", r.fitbByCategory[seedSlot(c)]}};
  QJsonArray thresholds;
  for (const ThresholdPoint& t : r.thresholds) {
    thresholds.append(QJsonObject{{"threshold", t.threshold},
                                  {"accuracy", t.accuracy},
                                  {"precision", t.precision},
                                  {"recall", t.recall}});
  }
  const QJsonObject json{{"outfits", r.outfits},
                         {"rounds", r.rounds},
                         {"fitb_questions", r.questions},
                         {"auc", r.auc},
                         {"fitb", r.fitb},
                         {"pairs", pairs},
                         {"categories", categories},
                         {"thresholds", thresholds},
                         {"real_sim", histogramJson(r.real)},
                         {"modified_sim", histogramJson(r.modified)}};
  return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace w2w::compat
