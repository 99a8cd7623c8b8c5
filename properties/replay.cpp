#include "properties/replay.hpp"

#include "oracle/instance_json.hpp"
#include "properties/global_claims.hpp"
#include "properties/landscape_claims.hpp"
#include "properties/saddle_claims.hpp"
#include "properties/scalar_claims.hpp"
#include "properties/scalar_corpus.hpp"

namespace dmf {

ReplayResult replay_counterexample(const Counterexample& c) {
    if (c.claim == "KP.T6") {
        const auto s = scalar_problem_from(c);
        return {check_kp_t6_printed(s.problem, s.precision), check_kp_t6_corrected(s.problem, s.precision)};
    }
    if (c.claim == "CJW.L3.10") {
        const auto s = scalar_problem_from(c);
        PrecisionGuard g(s.precision);
        return {check_cjw_l3_10_kp_form(s.problem, s.precision),
                check_cjw_l3_10_corrected(s.problem.L, abs(s.problem.m), s.problem.lambda / s.problem.L, s.precision)};
    }
    if (c.claim == "KP.T5") {
        const auto s = scalar_problem_from(c);
        return {check_kp_t5(s.problem, s.precision), std::nullopt};
    }
    if (c.claim == "KP.C14") {
        const auto s = scalar_problem_from(c);
        return {check_kp_c14_scalar(s.problem, s.precision), std::nullopt};
    }
    if (c.claim == "KP.E79") {
        // Stored in KP form: lambda is KP's, m is the singular value; lambdabar = lambda / L.
        const auto s = scalar_problem_from(c);
        PrecisionGuard g(s.precision);
        const Real lb = s.problem.lambda / s.problem.L, y = abs(s.problem.m);
        return {check_kp_e79_scalar(s.problem.L, y, lb, s.precision),
                check_kp_e79_corrected_scalar(s.problem.L, y, lb, s.precision)};
    }
    if (c.claim == "X.GLOBAL") {
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        // The corrected statement restricts to d_min >= rank of the prox, which this case violates:
        // it is outside the corrected statement's scope, so there is nothing further to check on it.
        return {check_x_global_rank(inst, p), CheckResult{Verdict::holds, "outside the corrected scope", "", "", 0,
                                                          "d_min < rank of the prox: the corrected statement excludes it"}};
    }
    // The landscape claims: every orbit classified again at the stored precision.
    struct LandscapeReplay {
        const char* claim;
        CheckResult (*printed)(const Instance&, const Precision&);
        CheckResult (*corrected)(const Instance&, const Precision&);
    };
    for (const LandscapeReplay& l : {LandscapeReplay{"CJW.T2.2", check_cjw_t2_2_printed_on, check_cjw_t2_2_corrected_on},
                                     LandscapeReplay{"CJW.C2.3", check_cjw_c2_3_printed_on, check_cjw_c2_3_corrected_on},
                                     LandscapeReplay{"CJW.A1", check_cjw_a1_printed_on, check_cjw_a1_corrected_on}}) {
        if (c.claim != l.claim) continue;
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        return {l.printed(inst, p), l.corrected(inst, p)};
    }
    throw InputError("replay: no replay for claim '" + c.claim + "' yet");
}

}  // namespace dmf
