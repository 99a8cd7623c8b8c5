// The verdict of one claim on one case: what the printed statement says, what
// the independent computation says, and how far apart they are in eps units.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <string>

namespace dmf {

enum class Verdict { holds, violated, undecided, not_applicable };
const char* to_string(Verdict v);

struct CheckResult {
    Verdict verdict = Verdict::not_applicable;
    std::string quantity;  // what was compared
    std::string printed;   // the printed claim's value, all digits
    std::string computed;  // the independent value, all digits
    double error_eps = 0;  // |printed - computed| in eps units (0 when not numeric)
    std::string detail;
    // not_applicable because the case lies on the claim's exceptional set (a value on or within
    // rounding of ybar, tau or the tie), where the statement excludes it; the floors
    // (properties/property.hpp) count it as exceptional, not as a trivial case.
    bool exceptional = false;

    static CheckResult on_exceptional_set(std::string why) {
        CheckResult r = na(std::move(why));
        r.exceptional = true;
        return r;
    }
    static CheckResult na(std::string why) {
        CheckResult r;
        r.verdict = Verdict::not_applicable;
        r.detail = std::move(why);
        return r;
    }
};

// Fold several results: violated beats undecided beats holds beats not_applicable;
// the first violation's details are kept.
void merge_into(CheckResult& acc, const CheckResult& r);

}  // namespace dmf
