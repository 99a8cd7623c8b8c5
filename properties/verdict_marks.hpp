// A claim check's verdict as a case mark for the floors (property.hpp): undecided is counted
// against the decided floor unless the case lies on the exceptional set, where the claims allow
// it (on_exceptional_set); not_applicable (the hypothesis fails) is a decided but trivial case.
#pragma once

#include "claims/claim_check.hpp"
#include "properties/property.hpp"

namespace dmf::prop {

inline void note_verdict(const CheckResult& r, bool on_exceptional_set = false) {
    if (r.verdict == Verdict::undecided) {
        if (on_exceptional_set) mark_exceptional(r.quantity);
        else mark_undecided(r.quantity.substr(0, 60));
    } else if (r.verdict == Verdict::not_applicable) {
        mark_trivial("not applicable");
    }
}

}  // namespace dmf::prop
