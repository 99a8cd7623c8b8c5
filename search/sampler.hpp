// Where the candidates come from: the generators the properties use (generators/), drawn from
// the search's one Rng in a fixed order, so the candidate sequence depends only on the seed, the
// claim and the worker: the structured cases on the papers' thresholds (structured_cases.hpp,
// Rng-driven) and the properties' own RapidCheck generators (landscape_spec for matrix claims,
// scalar_case for scalar ones) sampled with an explicit rc::Random seed; each within the
// claim's depth range and of its case kind (the claim table). Plus the hill-climbing mutations of
// a case and the closeness-to-a-threshold half of the climb's score.
#pragma once

#include "search/search.hpp"

#include "generators/structured_cases.hpp"
#include "dmf/numerics/random.hpp"

namespace dmf::search_detail {

struct Sampler {
    Sampler(const SearchTarget& t, Rng& rng, const Precision& p)
        : t(t), rng(rng), p(p), draw(rng, {t.min_depth, t.max_depth}, p, t.focus) {}

    const SearchTarget& t;
    Rng& rng;
    const Precision& p;
    gen::StructuredCases draw;

    Instance sample();                       // a fresh case of t's kind
    Instance mutate(const Instance& in);     // a hill-climbing step from `in`

private:
    Instance property_generator_case();      // one draw of the properties' own generator
};

// Closeness to a threshold, in [0, 1]: 1 on it, 0 a factor of 2 or more away.
double proximity(const SearchTarget& t, const Instance& inst, const Precision& p);

}  // namespace dmf::search_detail
