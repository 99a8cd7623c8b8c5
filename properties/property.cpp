#include "properties/property.hpp"

#include "dmf/numerics/decision_log.hpp"

#include <rapidcheck/detail/Configuration.h>
#include <rapidcheck/detail/TestListener.h>

#include <chrono>
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

std::string claim_of(const std::string& property_id) { return property_id.substr(0, property_id.find('/')); }

bool is_self_check(const std::string& property_id) {
    for (const char* prefix : self_check_prefixes)
        if (property_id.rfind(prefix, 0) == 0) return true;
    return false;
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
    SilentListener listener;
    const auto t0 = std::chrono::steady_clock::now();
    TestResult result{Error("not run")};
    try {
        // Each case folds the certified decisions it made into one certificate (check's decided_by).
        const auto body = def.body;
        result = checkProperty(toProperty([body] {
                                   const CaseScope scope;
                                   body();
                               }),
                               metadata, params, listener, reproduce);
    } catch (const std::exception& e) {
        current_report = nullptr;
        out.kind = Outcome::Kind::error;
        out.message = std::string("property threw outside a test case: ") + e.what();
        return out;
    }
    current_report = nullptr;
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
