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

int register_property(const PropertyDef& def);
const std::vector<PropertyDef>& all_properties();
const PropertyDef* find_property(const std::string& id);
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
};

struct Outcome {
    enum class Kind { passed, failed, gave_up, error };
    Kind kind = Kind::error;
    int cases = 0;
    std::string message;         // RapidCheck's report: shrunk counterexample with all digits
    std::string reproduce;       // the RC_PARAMS value that replays the failure
    std::string replay_command;  // one shell line
    ErrorReport errors;          // what the property recorded with record_error / DMF_ASSERT_EPS
    double seconds = 0;
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
