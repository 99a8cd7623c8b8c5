// Properties named by claim ID, runnable from doctest (tests/), from
// `dmf-oracle check` and from the search.
//
// RapidCheck's own Catch/GTest adapters give a property no id, so
// RC_PARAMS="reproduce=..." can never find it again. Here every property runs
// with its claim ID as RapidCheck's test id, and a failure prints one line that
// replays exactly the shrunk case.
//
//   DMF_PROPERTY("KP.T6", "scalar Hessian spectrum matches (29)") {
//       const auto spec = *dmf::gen::instance_spec();
//       ...
//       DMF_ASSERT_EPS(computed, predicted, 8, prec);
//   }
//
// IDs: a claim ID of the claim table (claims/claim_table.hpp), optionally with a variant after
// '/' ("KP.T6/corrected", "KP.T6/metamorphic-sign"), or a self-check of the oracle, whose ID
// starts with one of `self_check_prefixes` and belongs to no claim. tests/test_claim_table.cpp
// fails on any other ID, on an ID registered twice, and on a claim without a property.
#pragma once

#include "dmf/numerics/tolerance.hpp"

#include <rapidcheck.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace dmf::prop {

struct PropertyDef {
    const char* id;
    const char* description;
    void (*body)();
    bool hidden;  // deliberately failing self-tests: never run unless named
    const char* file;
    int line;
    int fixed_cases = 0;    // > 0: always this many cases (deterministic replays run once)
    int default_cases = 0;  // > 0: cases when neither the caller nor RC_PARAMS says (expensive properties)
};

// ---- floors: what a property's cases were (issue 16)
// Every invocation of a property's body is one case, sorted into exactly one of
//   discarded   RC_PRE failed: outside the claim's hypotheses, or the independent side could not
//               produce what the check needs (no converged start, ...);
//   exceptional on the exceptional set, where the property may not decide (mark_exceptional);
//   undecided   the oracle could not decide the case (mark_undecided);
//   decided     anything else that ran to its end: trivial (mark_trivial: W = 0, P* = 0, L = 1,
//               r = 1, nothing to compare) or informative.
// A case may also carry strata (mark_stratum): which regions of the input space it sits in.
// A visible property fails, after all its cases passed, when
//   decided < min_decided of the cases off the exceptional set (discards count as not decided),
//   informative < min_informative of all its cases (discards included), or
//   an expected stratum (expect_strata) is below min_stratum of all its cases.
struct Floors {
    double min_decided = 0.95, min_informative = 0.5, min_stratum = 0.05;
};
inline constexpr Floors default_floors{};

struct CaseStats {
    int cases = 0;  // body invocations, shrinking excluded
    int discarded = 0, exceptional = 0, undecided = 0, trivial = 0;
    std::map<std::string, int> trivial_reasons, undecided_reasons, strata;
    std::set<std::string> expected_strata;
    std::optional<double> stated_decided_floor;  // below default_floors.min_decided, stated by the property
    std::string stated_floor_reason;
    int decided() const { return cases - discarded - exceptional - undecided; }
    int informative() const { return decided() - trivial; }
    // decided / (cases - exceptional); 1 when every case was exceptional.
    double decided_fraction() const;
    double informative_fraction() const;  // informative / cases
    double stratum_fraction(const std::string& s) const;
};
// The floors a passing run violates, one sentence each (empty: none).
std::vector<std::string> floor_violations(const CaseStats& s, const Floors& f = default_floors);

// Inside a property body, about the current case (each at most once counts; the first wins for
// the exclusive kinds: undecided and exceptional exclude trivial).
void mark_undecided(const std::string& why);
void mark_exceptional(const std::string& why);
void mark_trivial(const std::string& why);
void mark_stratum(const std::string& name);
void mark_strata(const std::vector<std::string>& names);
// The strata this property must reach (each >= min_stratum of its cases).
void expect_strata(const std::vector<std::string>& names);
// A property whose independent side cannot decide often enough states a lower decided floor, with
// the reason; `check --stats` shows it (CaseStats::stated_floor) and the docs list it.
void state_decided_floor(double fraction, const std::string& why);

int register_property(const PropertyDef& def);
const std::vector<PropertyDef>& all_properties();
const PropertyDef* find_property(const std::string& id);
// A rough relative cost of running the property at its default case count (check --jobs hands out
// the costliest first): measured CPU seconds for the expensive ones, else 1.
double cost_hint(const PropertyDef& def);
// "KP.T6/corrected" -> "KP.T6".
std::string claim_of(const std::string& property_id);

// The properties that belong to no claim: the oracle's checks of itself (CORE.gradient, ...) and
// the harness's planted failure (SELFTEST.planted).
inline constexpr const char* self_check_prefixes[] = {"CORE.", "SELFTEST."};
bool is_self_check(const std::string& property_id);

struct RunOptions {
    std::optional<std::uint64_t> seed;  // default: RC_PARAMS seed, else a hash of the ID
    std::optional<int> max_success;     // default: RC_PARAMS max_success, else 100
    std::optional<int> max_size;
    std::optional<std::string> reproduce;  // "reproduce=..." for this ID; overrides RC_PARAMS
    bool honour_rc_params = true;
    // How to rerun one property from the shell, e.g. "build/tests/dmf-tests --test-case=".
    // The ID, then `replay_hidden_suffix` for hidden properties, is appended.
    std::string replay_prefix = "dmf-oracle check --claims ";
    std::string replay_hidden_suffix = " --no-skip";  // doctest skips hidden test cases unless told
    bool apply_floors = true;        // to visible properties that ran at least `floor_min_cases` cases
    bool floors_on_hidden = false;   // also to hidden ones (the harness's own tests)
};
// Below this many cases a fraction says too little to fail on.
inline constexpr int floor_min_cases = 10;

struct Outcome {
    enum class Kind { passed, failed, gave_up, error };
    Kind kind = Kind::error;
    int cases = 0;
    std::string message;         // RapidCheck's report: shrunk counterexample with all digits
    std::string reproduce;       // the RC_PARAMS value that replays the failure
    std::string replay_command;  // one shell line
    ErrorReport errors;          // what the property recorded with record_error / DMF_ASSERT_EPS
    double seconds = 0;
    CaseStats stats;                          // how its cases were classified
    std::vector<std::string> floor_failures;  // why a run whose cases all passed still failed
};
const char* to_string(Outcome::Kind k);

Outcome run_property(const PropertyDef& def, const RunOptions& options);

// Inside a property body: note one measured error (in eps units) for the report.
void record_error(const Real& error_eps, const std::string& input);

// Compare in eps units, record the error, and fail the case with both values
// printed in full when it is over the bound.
void assert_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                const std::string& what);
void assert_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                const Real& scale, const std::string& what);

}  // namespace dmf::prop

#define DMF_PROP_CAT2_(a, b) a##b
#define DMF_PROP_CAT_(a, b) DMF_PROP_CAT2_(a, b)
#define DMF_PROPERTY_IMPL_(ID, DESC, HIDDEN, CASES, DEFAULT, NAME)                                                  \
    static void NAME();                                                                                    \
    [[maybe_unused]] static const int DMF_PROP_CAT_(NAME, _registered) = ::dmf::prop::register_property( \
        ::dmf::prop::PropertyDef{ID, DESC, &NAME, HIDDEN, __FILE__, __LINE__, CASES, DEFAULT});            \
    static void NAME()

#define DMF_PROPERTY(ID, DESC) DMF_PROPERTY_IMPL_(ID, DESC, false, 0, 0, DMF_PROP_CAT_(dmf_property_, __COUNTER__))
// An expensive property: N cases unless --cases or RC_PARAMS max_success says otherwise.
#define DMF_PROPERTY_CASES(ID, DESC, N) \
    DMF_PROPERTY_IMPL_(ID, DESC, false, 0, N, DMF_PROP_CAT_(dmf_property_, __COUNTER__))
// A deterministic check (e.g. replaying the stored counterexamples of a refuted claim): one case.
#define DMF_REPLAY_PROPERTY(ID, DESC) \
    DMF_PROPERTY_IMPL_(ID, DESC, false, 1, 0, DMF_PROP_CAT_(dmf_property_, __COUNTER__))
// A property that must fail (planted bugs, mutation checks); runs only when named.
#define DMF_HIDDEN_PROPERTY(ID, DESC) \
    DMF_PROPERTY_IMPL_(ID, DESC, true, 0, 0, DMF_PROP_CAT_(dmf_property_, __COUNTER__))
