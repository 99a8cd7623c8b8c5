#include "claims/claim_check.hpp"

namespace dmf {

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::holds: return "holds";
        case Verdict::violated: return "violated";
        case Verdict::undecided: return "undecided";
        case Verdict::not_applicable: return "not_applicable";
    }
    return "?";
}

void merge_into(CheckResult& acc, const CheckResult& r) {
    auto rank = [](Verdict v) {
        switch (v) {
            case Verdict::violated: return 3;
            case Verdict::undecided: return 2;
            case Verdict::holds: return 1;
            case Verdict::not_applicable: return 0;
        }
        return 0;
    };
    if (rank(r.verdict) > rank(acc.verdict)) {
        const double worst = std::max(acc.error_eps, r.error_eps);
        acc = r;
        acc.error_eps = worst;
    } else {
        acc.error_eps = std::max(acc.error_eps, r.error_eps);
    }
}

}  // namespace dmf
