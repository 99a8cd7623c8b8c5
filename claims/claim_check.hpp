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
