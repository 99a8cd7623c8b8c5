// The confirmation ladder: a violation counts only if it is still there at 2p and, when the
// error is small, at 4p (anything else is `undecided`, kept apart); and the corpus record
// (corpus.hpp's Counterexample) of a confirmed case, with the precisions it was confirmed at.
#pragma once

#include "search/search.hpp"

#include "dmf/problem/corpus.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace dmf::search_detail {

struct Confirmation {
    Verdict verdict = Verdict::holds;  // violated = confirmed at every precision tried
    std::vector<unsigned> bits;        // the precisions tried, p first
    CheckResult first;                 // the check at p
    // How the verdict at the last precision tried was decided (claims/certificate.hpp): "exact",
    // "enclosure at B bits" or "undecided: <reason>"; saved in the corpus record.
    std::string certificate;
};

// t's check at p; a violation re-checked at 2p, and at 4p when its error is under 1e3 eps.
Confirmation confirm(const SearchTarget& t, const Instance& inst, const Precision& p);

// confirm() remembered per exact case (its JSON's hash): a hill-climbing step or a shrinking step
// that lands on a case already checked costs nothing (the claims' own cache holds one instance).
class ConfirmCache {
public:
    explicit ConfirmCache(const SearchTarget& t) : t_(t) {}
    Confirmation operator()(const Instance& inst, const Precision& p);
    long hits = 0;

private:
    const SearchTarget& t_;
    std::unordered_map<std::uint64_t, Confirmation> seen_;
};

// The corpus record of a confirmed (and shrunk) case.
Counterexample make_record(const SearchTarget& t, const Instance& inst, const Confirmation& c, const Precision& p);

}  // namespace dmf::search_detail
