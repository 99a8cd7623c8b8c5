#include "claims/scalar_corpus.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <filesystem>

#include <rapidcheck.h>

namespace dmf {

std::optional<Counterexample> confirm_scalar_counterexample(const std::string& claim, const ScalarProblem& pr,
                                                            const Precision& p, const ScalarCheck& check) {
    const CheckResult first = check(pr, p);
    if (first.verdict != Verdict::violated) return std::nullopt;
    const Precision p2 = p.times(2);
    // The same exact inputs (upcasting is exact), re-decided at twice the precision.
    const CheckResult second = check(ScalarProblem{pr.L, rounded(pr.lambda, p2), rounded(pr.m, p2)}, p2);
    if (second.verdict != Verdict::violated) return std::nullopt;
    Counterexample c;
    c.claim = claim;
    c.precision_bits = p.bits();
    c.confirmed_at_bits = {p.bits(), p2.bits()};
    c.instance = nullptr;
    c.point = nullptr;
    c.parameters = {{"L", pr.L}, {"lambda", to_exact_string(pr.lambda)}, {"m", to_exact_string(pr.m)}};
    c.quantity = first.quantity;
    c.printed = first.printed;
    c.computed = first.computed;
    std::ostringstream ve;
    ve << std::setprecision(6) << first.error_eps;
    c.violation_eps = ve.str();
    c.notes = first.detail;
    return c;
}

StoredScalarCase scalar_problem_from(const Counterexample& c) {
    // A corpus file is input like any other: every defect is an InputError naming the field.
    const Precision p = stored_precision(c);
    const auto& j = c.parameters;
    if (!j.is_object() || !j.contains("L") || !j.contains("lambda") || !j.contains("m"))
        throw InputError("counterexample for " + c.claim + ": parameters need L, lambda, m");
    if (!j["L"].is_number_integer() || j["L"].get<long long>() < 1 || j["L"].get<long long>() > InstanceLimits::max_depth)
        throw InputError("field 'parameters.L': must be an integer in [1, " + std::to_string(InstanceLimits::max_depth) +
                         "], got " + j["L"].dump());
    const auto decimal = [&](const char* key) {
        if (!j[key].is_string()) throw InputError(std::string("field 'parameters.") + key + "': expected a decimal string");
        try {
            return parse_real(j[key].get<std::string>(), p);
        } catch (const std::invalid_argument& e) {
            throw InputError(std::string("field 'parameters.") + key + "': " + e.what());
        }
    };
    StoredScalarCase out{ScalarProblem{static_cast<int>(j["L"].get<long long>()), decimal("lambda"), decimal("m")}, p};
    if (!(out.problem.lambda > 0)) throw InputError("field 'parameters.lambda': must be > 0");
    return out;
}

Precision stored_precision(const Counterexample& c) {
    constexpr unsigned kMinBits = 16, kMaxBits = 1u << 20;  // Precision::from_bits's range
    if (c.precision_bits < kMinBits || c.precision_bits > kMaxBits)
        throw InputError("field 'precision_bits': must be in [" + std::to_string(kMinBits) + ", " +
                         std::to_string(kMaxBits) + "], got " + std::to_string(c.precision_bits));
    return Precision::from_bits(c.precision_bits);
}

void replay_stored_scalar_cases(const std::string& claim, const ScalarCheck& printed, const ScalarCheck& corrected,
                                bool corrected_must_hold) {
    const auto cases = corpus_cases(claim);
    RC_ASSERT(!cases.empty());
    for (const auto& [path, c] : cases) {
        const auto s = scalar_problem_from(c);
        const CheckResult r = printed(s.problem, s.precision);
        if (r.verdict != Verdict::violated) RC_FAIL(path + ": the printed claim no longer fails: " + to_string(r.verdict));
        const CheckResult fixed = corrected(s.problem, s.precision);
        if (fixed.verdict == Verdict::violated || (corrected_must_hold && fixed.verdict != Verdict::holds))
            RC_FAIL(path + ": the corrected statement gives " + to_string(fixed.verdict) + ": " + fixed.detail);
    }
}

std::vector<std::pair<std::string, Counterexample>> corpus_cases(const std::string& claim) {
    std::vector<std::pair<std::string, Counterexample>> out;
    const std::filesystem::path dir(default_corpus_dir());
    if (!std::filesystem::exists(dir)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        Counterexample c = load_counterexample(f.string());
        if (c.claim == claim) out.emplace_back(f.string(), std::move(c));
    }
    return out;
}

}  // namespace dmf
