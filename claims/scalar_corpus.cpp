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
    const Precision p = Precision::from_bits(c.precision_bits);
    const auto& j = c.parameters;
    if (!j.is_object() || !j.contains("L") || !j.contains("lambda") || !j.contains("m"))
        throw InputError("counterexample for " + c.claim + ": parameters need L, lambda, m");
    return {ScalarProblem{j["L"].get<int>(), parse_real(j["lambda"].get<std::string>(), p),
                          parse_real(j["m"].get<std::string>(), p)},
            p};
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
