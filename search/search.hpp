// Targeted counterexample search (the third use of the oracle). For a claim:
//   1. replay the corpus (unless --no-corpus) and seed the search with the stored cases;
//   2. draw candidates from the generators the properties use (generators/structured_cases.hpp,
//      and the properties' own landscape_spec / scalar_case with an explicit rc::Random seed):
//      structured samples on every threshold the papers define (tau, ybar,
//      CJW (10)'s tie, the collapse lambda), built exactly where binary numbers allow, 2^-k off
//      them, degenerate values (0, small integers, L = 1, 2, repeated and zero singular values,
//      bottlenecks), random ones, and hill-climbing steps from the best case so far on a
//      claim-specific score (the measured error in eps units plus closeness to a threshold),
//      as Hypothesis's target() does;
//   3. screen each case cheaply where the target has a screen (landscape claims: the orbits without
//      the multistart, targets.cpp); confirm each violation with the full check at p, then at 2p
//      and, when the error is still small, 4p: only a violation
//      at every precision counts; anything else is `undecided` and kept apart;
//   4. shrink a confirmed case toward smaller L, smaller widths and simpler numbers, keeping it
//      confirmed, and save it atomically (corpus.hpp) as it is found: a run killed at any
//      moment loses nothing saved.
// The candidate sequence depends only on the seed and the claim (not on timing): with
// max_candidates the whole run is deterministic.
//
// Workers (--workers K): K processes (fork; not threads, because Boost.Multiprecision 1.74 keeps
// the MPFR default precision process-wide, so threads computing at p and 2p would corrupt each
// other's intermediates), worker w drawing its own stream from (seed, claim, w) and taking every
// K-th share of max_candidates. They share a deduplicating corpus writer (a table of the shrunk
// cases' hashes in shared memory; files written atomically) and one deadline; the report merges
// the workers' results in a fixed order, so a run with max_candidates is deterministic for a
// given seed and K (unless max_confirmed stops it: which worker got there first is timing).
//
// The files (internal headers beside them, in namespace dmf::search_detail):
//   search.hpp      this interface: targets, options, report, search_claim, recheck_stored;
//   targets.cpp     the searchable claims: the claim table's rows plus the planted/control claims
//                   TEST.planted and TEST.true (the search's own tests);
//   sampler.*       step 2's draws (struct Sampler: generators/ samples, mutations) and proximity,
//                   the closeness-to-a-threshold half of the climb's score;
//   confirm.*       step 3's confirmation ladder and its per-case cache, the corpus record
//                   (make_record), recheck_stored;
//   shrink.*        step 4's shrinking: one-step simplifications, case_size, the greedy loop;
//   case_text.*     shared helpers: fnv1a (digests, file names) and describe (one-line cases);
//   engine.cpp      search_claim: the loop that runs steps 1-4 (in K worker processes) and fills the report;
//   mpi_search.*    the same over MPI ranks (mpirun), the project's only MPI code.
#pragma once

#include "claims/claim_table.hpp"
#include "generators/exact_thresholds.hpp"
#include "dmf/problem/instance.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dmf {

struct SearchTarget {
    std::string claim;
    CaseKind kind = CaseKind::scalar;
    bool test_only = false;  // planted / control claims for the search's own tests; not in --all
    int min_depth = 1, max_depth = 12;
    // The printed claim on one case (scalar cases: a 1 x 1 KP instance, lambda = KP's, target = m).
    std::function<CheckResult(const Instance&, const Precision&)> check;
    // Where the structured matrix cases put their exact anchors (the set the statement is about).
    gen::ExceptionalSet focus = gen::ExceptionalSet::any;
    // A cheap first pass (empty: none): only a case it finds violated gets `check` and the
    // confirmation ladder. Landscape claims screen on the orbits alone (targets.cpp).
    std::function<CheckResult(const Instance&, const Precision&)> screen;
};

const std::vector<SearchTarget>& search_targets();
const SearchTarget* find_search_target(const std::string& claim);

struct SearchOptions {
    double time_budget_s = 30;
    std::uint64_t seed = 1;
    Precision precision = Precision::from_bits(128);
    std::string corpus_dir;          // where confirmed cases are written (and replayed from)
    bool use_corpus = true;          // false: --no-corpus (search from scratch, write nothing... see below)
    bool save = true;                // write confirmed cases to corpus_dir
    std::optional<long> max_candidates;
    bool progress = true;            // progress lines on stderr
    int max_confirmed = 3;           // distinct shrunk counterexamples per claim before the search stops
    int workers = 1;                 // worker processes, each with its own candidate stream (seed, worker index)
    // Several cooperating processes (MPI ranks, search/mpi_search.hpp): this process's workers draw the
    // streams stream_first .. stream_first + workers - 1 of stream_total (0: just its own workers), and
    // `peers` (if set) tells it about the cases the others have found (for --max-confirmed and dedup).
    int stream_first = 0, stream_total = 0;
    struct Peers* peers = nullptr;
};

// What the other processes of a search found: announce a new distinct shrunk case (its hash), hear
// theirs. Called from the one worker loop of a process (MPI ranks run one worker each).
struct Peers {
    virtual ~Peers() = default;
    virtual void announce(std::uint64_t hash) = 0;
    virtual std::vector<std::uint64_t> heard() = 0;
};

struct SearchReport {
    std::string claim;
    long candidates = 0;
    int duplicates = 0;                         // confirmed finds that shrank to an already saved case
    int replayed = 0, replay_still_refuted = 0;
    std::vector<std::string> confirmed_files;   // saved (shrunk) counterexamples
    std::vector<std::string> confirmed_cases;   // one-line description of each (also without --save)
    // How each confirmed case's verdict was decided (claims/certificate.hpp: "exact", "enclosure at B
    // bits" or "undecided: <reason>"), beside confirmed_cases, whether or not it was saved.
    std::vector<std::string> confirmed_certificates;
    std::vector<std::string> undecided_cases;
    double best_score = 0;
    std::string best_case;
    double seconds = 0;
    std::uint64_t candidate_digest = 0;         // FNV-1a over the candidates' exact JSON, in order (per worker,
                                                // then combined in worker order)
    double first_confirmed_s = -1;              // when the first confirmed case was saved (shrunk), -1: none
    double first_found_s = -1;                  // when the first case was confirmed (before shrinking), -1: none
    std::vector<std::uint64_t> confirmed_hashes;  // of each confirmed case's JSON, beside confirmed_cases
    long cache_hits = 0;                        // candidates and shrinking steps already checked (not recomputed)
    int workers = 1;
    int ranks = 1;                              // MPI ranks that ran the search (mpi_search.hpp)
    std::string note;
};

SearchReport search_claim(const SearchTarget& t, const SearchOptions& o);

// The stored case re-checked with the target's own check (for claims `replay` does not know, e.g. TEST.*).
CheckResult recheck_stored(const SearchTarget& t, const nlohmann::json& instance, unsigned bits);

}  // namespace dmf
