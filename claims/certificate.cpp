#include "claims/certificate.hpp"

#include <algorithm>
#include <sstream>

namespace dmf {

std::string verdict_certificate(const CheckResult& r, const DecisionTally& t, const Precision& p) {
    const std::string base = fold_certificate(t);
    const std::string at = " at " + std::to_string(p.bits()) + " bits";
    const auto first_line = [](const std::string& s) { return s.substr(0, std::min<size_t>(s.find('\n'), 200)); };
    switch (r.verdict) {
        case Verdict::undecided:
            return "undecided: " + (!t.first_undecided.empty() ? t.first_undecided
                                    : !r.detail.empty()       ? first_line(r.detail)
                                                              : std::string("the check could not decide") + at);
        case Verdict::not_applicable:
            return "undecided: not applicable" + (r.detail.empty() ? std::string() : " (" + first_line(r.detail) + ")");
        case Verdict::holds:
        case Verdict::violated: break;
    }
    if (r.error_eps > 0) {
        std::ostringstream e;
        e << r.error_eps;
        return "undecided: a tolerance comparison" + at + " (" + e.str() + " eps), not an enclosure" +
               (base.empty() ? std::string() : "; its inputs: " + base);
    }
    if (!base.empty()) return base;
    return "undecided: decided by tolerance-based numerics" + at + " (no certified decision recorded)";
}

CheckResult run_certified(const std::function<CheckResult()>& check, const Precision& p, std::string& certificate) {
    const DecisionTally outer = take_thread_decisions();
    CheckResult r;
    try {
        r = check();
    } catch (...) {
        restore_thread_decisions(outer, take_thread_decisions());
        throw;
    }
    const DecisionTally inner = take_thread_decisions();
    certificate = verdict_certificate(r, inner, p);
    restore_thread_decisions(outer, inner);
    return r;
}

}  // namespace dmf
