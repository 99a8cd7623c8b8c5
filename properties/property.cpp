#include "properties/property.hpp"

#include "dmf/numerics/decision_log.hpp"

#include <rapidcheck/detail/Configuration.h>
#include <rapidcheck/detail/TestListener.h>

#include <chrono>
#include <iomanip>
#include <cstdlib>
#include <deque>
#include <sstream>

namespace dmf::prop {

namespace {

std::vector<PropertyDef>& registry() {
    static std::vector<PropertyDef> r;
    return r;
}

thread_local ErrorReport* current_report = nullptr;

// The current case's marks, and the run's counts (null outside run_property).
struct CaseMarks {
    bool undecided = false, exceptional = false, trivial = false;
    std::string why;
    std::set<std::string> strata;
};
thread_local CaseMarks* current_case = nullptr;
thread_local CaseStats* current_stats = nullptr;
thread_local bool failure_seen = false;  // after a failure RapidCheck shrinks: those runs are not cases

void commit_case(const CaseMarks& m, rc::detail::CaseResult::Type type) {
    if (!current_stats || failure_seen) return;
    using T = rc::detail::CaseResult::Type;
    if (type == T::Failure) {
        failure_seen = true;
        return;
    }
    CaseStats& s = *current_stats;
    ++s.cases;
    for (const auto& st : m.strata) ++s.strata[st];
    if (m.exceptional) ++s.exceptional;  // discarded or not: the exceptional set may stay undecided
    else if (type == T::Discard) ++s.discarded, ++s.undecided_reasons[m.undecided ? m.why : "discarded"];
    else if (m.undecided) ++s.undecided, ++s.undecided_reasons[m.why];
    else if (m.trivial) ++s.trivial, ++s.trivial_reasons[m.why];
}

// The body as RapidCheck runs it: each invocation's marks committed by how it ended.
void counted_body(void (*body)()) {
    CaseMarks marks;
    CaseMarks* outer = current_case;
    current_case = &marks;
    try {
        body();
    } catch (const rc::detail::CaseResult& r) {
        current_case = outer;
        commit_case(marks, r.type);
        throw;
    } catch (...) {
        current_case = outer;
        commit_case(marks, rc::detail::CaseResult::Type::Failure);
        throw;
    }
    current_case = outer;
    commit_case(marks, rc::detail::CaseResult::Type::Success);
}

std::string percent(double f) {
    std::ostringstream ss;
    ss << std::fixed << std::setprecision(1) << 100 * f << "%";
    return ss.str();
}

class SilentListener : public rc::detail::TestListener {
public:
    void onTestCaseFinished(const rc::detail::CaseDescription&) override {}
    void onShrinkTried(const rc::detail::CaseDescription&, bool) override {}
    void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}
};

std::uint64_t hash_id(const std::string& id) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    return h;
}

// RC_PARAMS, parsed by RapidCheck's own reader (so its syntax is exactly RapidCheck's).
rc::detail::Configuration rc_params(bool honour, bool& seed_given, bool& cases_given) {
    seed_given = cases_given = false;
    const char* env = std::getenv("RC_PARAMS");
    if (!honour || !env) return {};
    seed_given = std::string(env).find("seed=") != std::string::npos;
    cases_given = std::string(env).find("max_success=") != std::string::npos;
    return rc::detail::configFromString(env);
}

std::string shell_quote(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

int register_property(const PropertyDef& def) {
    registry().push_back(def);
    return static_cast<int>(registry().size());
}

const std::vector<PropertyDef>& all_properties() { return registry(); }

const PropertyDef* find_property(const std::string& id) {
    for (const auto& d : registry())
        if (id == d.id) return &d;
    return nullptr;
}

double cost_hint(const PropertyDef& def) {
    // CPU seconds measured with `check --json --timings` (docs/testing.md); the rest cost about 1 s.
    static const std::map<std::string, double> measured = {
        {"CJW.T2.2/corrected", 63}, {"CJW.T2.2/metamorphic", 31}, {"CJW.L3.11", 22}, {"KP.T10", 13},
        {"X.GLOBAL/corrected", 12}, {"KP.C13", 12},           {"CJW.L3.3", 8},   {"CJW.A1/corrected", 8},
        {"CJW.T2.1/only-if", 7},     {"CJW.P3.21", 6},          {"CJW.S2.3", 5},   {"KP.C14", 4},
        {"KP.T15/bound", 4},         {"KP.T3", 3.5},            {"KP.T2", 3.3}};
    const auto it = measured.find(def.id);
    return it != measured.end() ? it->second : def.default_cases > 0 ? 2.0 : 1.0;
}

std::string claim_of(const std::string& property_id) { return property_id.substr(0, property_id.find('/')); }

bool is_self_check(const std::string& property_id) {
    for (const char* prefix : self_check_prefixes)
        if (property_id.rfind(prefix, 0) == 0) return true;
    return false;
}

double CaseStats::decided_fraction() const {
    const int n = cases - exceptional;
    return n > 0 ? static_cast<double>(decided()) / n : 1.0;
}
double CaseStats::informative_fraction() const { return cases > 0 ? static_cast<double>(informative()) / cases : 0.0; }
double CaseStats::stratum_fraction(const std::string& s) const {
    const auto it = strata.find(s);
    return cases > 0 && it != strata.end() ? static_cast<double>(it->second) / cases : 0.0;
}

std::vector<std::string> floor_violations(const CaseStats& s, const Floors& f) {
    std::vector<std::string> out;
    if (s.decided_fraction() < f.min_decided)
        out.push_back("decided " + std::to_string(s.decided()) + " of " + std::to_string(s.cases - s.exceptional) +
                      " cases off the exceptional set (" + percent(s.decided_fraction()) + " < " + percent(f.min_decided) +
                      "; " + std::to_string(s.discarded) + " discarded, " + std::to_string(s.undecided) + " undecided)");
    if (s.informative_fraction() < f.min_informative)
        out.push_back("informative " + std::to_string(s.informative()) + " of " + std::to_string(s.cases) + " cases (" +
                      percent(s.informative_fraction()) + " < " + percent(f.min_informative) + "; " +
                      std::to_string(s.trivial) + " trivial, " + std::to_string(s.discarded) + " discarded)");
    for (const auto& st : s.expected_strata)
        if (s.stratum_fraction(st) < f.min_stratum)
            out.push_back("stratum '" + st + "' in " + percent(s.stratum_fraction(st)) + " of the cases (< " +
                          percent(f.min_stratum) + ")");
    return out;
}

void mark_undecided(const std::string& why) {
    if (current_case && !current_case->exceptional && !current_case->undecided)
        current_case->undecided = true, current_case->why = why;
}
void mark_exceptional(const std::string& why) {
    if (current_case && !current_case->exceptional) current_case->exceptional = true, current_case->why = why;
}
void mark_trivial(const std::string& why) {
    if (current_case && !current_case->trivial && !current_case->undecided && !current_case->exceptional)
        current_case->trivial = true, current_case->why = why;
}
void mark_stratum(const std::string& name) {
    if (current_case) current_case->strata.insert(name);
}
void mark_strata(const std::vector<std::string>& names) {
    for (const auto& n : names) mark_stratum(n);
}
void state_decided_floor(double fraction, const std::string& why) {
    if (current_stats) current_stats->stated_decided_floor = fraction, current_stats->stated_floor_reason = why;
}
void expect_strata(const std::vector<std::string>& names) {
    if (current_stats) current_stats->expected_strata.insert(names.begin(), names.end());
}

const char* to_string(Outcome::Kind k) {
    switch (k) {
        case Outcome::Kind::passed: return "passed";
        case Outcome::Kind::failed: return "failed";
        case Outcome::Kind::gave_up: return "gave_up";
        case Outcome::Kind::error: return "error";
    }
    return "?";
}

Outcome run_property(const PropertyDef& def, const RunOptions& options) {
    using namespace rc::detail;
    bool seed_given = false, cases_given = false;
    const Configuration config = rc_params(options.honour_rc_params, seed_given, cases_given);
    TestParams params = config.testParams;
    if (!seed_given) params.seed = hash_id(def.id);  // deterministic unless asked otherwise
    if (!cases_given && def.default_cases > 0) params.maxSuccess = def.default_cases;
    if (options.seed) params.seed = *options.seed;
    if (options.max_success) params.maxSuccess = *options.max_success;
    if (options.max_size) params.maxSize = *options.max_size;
    if (def.fixed_cases > 0) params.maxSuccess = def.fixed_cases;

    std::unordered_map<std::string, Reproduce> reproduce = config.reproduce;
    if (options.reproduce) reproduce = configFromString(*options.reproduce).reproduce;

    TestMetadata metadata;
    metadata.id = def.id;
    metadata.description = def.description;

    Outcome out;
    ErrorReport report;
    current_report = &report;
    CaseStats stats;
    current_stats = &stats;
    failure_seen = false;
    void (*const body)() = def.body;
    SilentListener listener;
    const auto t0 = std::chrono::steady_clock::now();
    TestResult result{Error("not run")};
    try {
        // Each case folds the certified decisions it made into one certificate (check's decided_by)
        // and is classified for the floors (counted_body).
        result = checkProperty(toProperty([body] {
                                   const CaseScope scope;
                                   counted_body(body);
                               }),
                               metadata, params, listener, reproduce);
    } catch (const std::exception& e) {
        current_report = nullptr;
        current_stats = nullptr;
        out.kind = Outcome::Kind::error;
        out.message = std::string("property threw outside a test case: ") + e.what();
        return out;
    }
    current_report = nullptr;
    current_stats = nullptr;
    out.stats = stats;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.errors = report;

    std::ostringstream msg;
    if (result.is<SuccessResult>()) {
        out.kind = Outcome::Kind::passed;
        out.cases = result.get<SuccessResult>().numSuccess;
    } else if (result.is<FailureResult>()) {
        const auto& f = result.get<FailureResult>();
        out.kind = Outcome::Kind::failed;
        out.cases = f.numSuccess;
        printResultMessage(f, msg);
        Configuration replay;
        replay.reproduce[def.id] = f.reproduce;
        out.reproduce = configToMinimalString(replay);
        out.replay_command = "RC_PARAMS=" + shell_quote(out.reproduce) + " " + options.replay_prefix + def.id +
                             (def.hidden ? options.replay_hidden_suffix : "");
    } else if (result.is<GaveUpResult>()) {
        out.kind = Outcome::Kind::gave_up;
        out.cases = result.get<GaveUpResult>().numSuccess;
        printResultMessage(result.get<GaveUpResult>(), msg);
    } else {
        out.kind = Outcome::Kind::error;
        msg << result.get<Error>().description;
    }
    out.message = msg.str();
    // The floors: a run whose every case passed fails when too few cases decided anything.
    const bool floors = options.apply_floors && (!def.hidden || options.floors_on_hidden) && def.fixed_cases == 0;
    if (out.kind == Outcome::Kind::passed && floors && stats.cases >= floor_min_cases) {
        Floors f = default_floors;
        if (stats.stated_decided_floor) f.min_decided = *stats.stated_decided_floor;
        out.floor_failures = floor_violations(stats, f);
        if (!out.floor_failures.empty()) {
            out.kind = Outcome::Kind::failed;
            out.message = "every case passed, but the floors failed (properties/property.hpp):";
            for (const auto& f : out.floor_failures) out.message += "\n  " + f;
            out.replay_command = options.replay_prefix + def.id + (def.hidden ? options.replay_hidden_suffix : "");
        }
    }
    return out;
}

void record_error(const Real& error_eps, const std::string& input) {
    if (current_report) current_report->add(error_eps, input);
}

void assert_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                const std::string& what) {
    const EpsComparison c = compare_eps(computed, expected, max_eps, p);
    record_error(c.distance, what);
    if (!c.ok) RC_FAIL(what + ":\n  " + c.message);
}

void assert_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                const Real& scale, const std::string& what) {
    const EpsComparison c = compare_eps(computed, expected, max_eps, p, scale);
    record_error(c.distance, what);
    if (!c.ok) RC_FAIL(what + ":\n  " + c.message);
}

}  // namespace dmf::prop
