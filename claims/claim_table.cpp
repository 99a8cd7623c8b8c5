#include "claims/claim_table.hpp"

#include "claims/global_claims.hpp"
#include "claims/landscape_claims.hpp"
#include "claims/matrix_claims.hpp"
#include "claims/saddle_claims.hpp"
#include "claims/scalar_claims.hpp"

#include <stdexcept>

namespace dmf {

Instance scalar_case(int L, const Real& lambda_kp, const Real& m, const Precision& p) {
    Instance inst;
    inst.L = L;
    inst.dims.assign(L + 1, 1);
    inst.convention = Convention::kp;
    inst.lambda = {rounded(lambda_kp, p)};
    inst.target = zeros(1, 1, p);
    inst.target(0, 0) = rounded(m, p);
    return inst;
}

namespace {

ScalarProblem problem_of(const Instance& inst) { return {inst.L, inst.lambda[0], inst.target(0, 0)}; }

// A check on the scalar problem, as an instance check.
InstanceCheck on_problem(std::function<CheckResult(const ScalarProblem&, const Precision&)> f) {
    return [f](const Instance& i, const Precision& p) { return f(problem_of(i), p); };
}
// A check in CJW's scalar form: y = |m|, lambdabar = lambda / L.
InstanceCheck on_cjw_scalar(CheckResult (*f)(int, const Real&, const Real&, const Precision&)) {
    return [f](const Instance& i, const Precision& p) {
        PrecisionGuard g(p);
        return f(i.L, Real(abs(i.target(0, 0))), Real(i.lambda[0] / i.L), p);
    };
}

// X.GLOBAL's corrected statement adds T3's width condition (d_min >= rank of the prox). A case
// where the printed rank argument fails is outside it; inside it, P = prox is KP.T10 on the
// global orbits (checked by the X.GLOBAL/corrected property).
CheckResult x_global_corrected(const Instance& inst, const Precision& p) {
    if (check_x_global_rank(inst, p).verdict == Verdict::violated)
        return CheckResult{Verdict::holds, "outside the corrected scope", "", "", 0,
                           "d_min < rank of the prox: the corrected statement excludes it"};
    return check_kp_t10_on(inst, p);
}

std::vector<ClaimDefinition> build_table() {
    using K = CaseKind;
    std::vector<ClaimDefinition> t = {
        // ---- KP, scalar cases
        {"KP.T5", K::scalar, 1, 12, on_problem(check_kp_t5), {}, {}},
        {"KP.T6", K::scalar, 1, 8, on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_t6_printed(q, p); }),
         on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_t6_corrected(q, p); }), {"KP.T6/mutant-29"}},
        {"KP.R7", K::scalar, 1, 12, on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_r7(q.L, q.m, p); }), {}, {}},
        {"KP.C14", K::scalar, 1, 12, on_problem(check_kp_c14_scalar), {}, {}},
        {"KP.E79", K::scalar, 3, 10, on_cjw_scalar(check_kp_e79_scalar), on_cjw_scalar(check_kp_e79_corrected_scalar), {}},
        // ---- CJW, scalar cases (stored in KP form)
        {"CJW.L3.10", K::scalar, 1, 12, on_problem(check_cjw_l3_10_kp_form), on_cjw_scalar(check_cjw_l3_10_corrected), {}},
        // ---- CJW, matrix landscapes
        {"CJW.T2.2", K::matrix, 3, 6, check_cjw_t2_2_printed_on, check_cjw_t2_2_corrected_on,
         {"CJW.T2.2/mutant-swapped-roots-matrix", "CJW.T2.2/mutant-swapped-roots"}},
        {"CJW.C2.3", K::matrix, 3, 6, check_cjw_c2_3_printed_on, check_cjw_c2_3_corrected_on, {}},
        {"CJW.A1", K::matrix, 2, 2, check_cjw_a1_printed_on, check_cjw_a1_corrected_on, {}},
        {"CJW.T2.1", K::matrix, 1, 6, check_cjw_t2_1_if_on, {}, {"CJW.T2.1/mutant-scaling"}},
        {"CJW.L3.3", K::matrix, 2, 6, check_cjw_l3_3_on, {}, {"CJW.L3.3/mutant-swapped"}},
        {"CJW.L3.11", K::matrix, 1, 6, check_cjw_l3_11_on, {}, {}},
        // ---- KP, matrix cases
        {"KP.T2", K::matrix, 2, 6, check_kp_t2_on, {}, {}},
        {"KP.T3", K::matrix, 1, 6, check_kp_t3_on, {}, {}},
        {"KP.T10", K::matrix, 1, 6, check_kp_t10_on, {}, {}},
        {"KP.C13", K::matrix, 1, 6, check_kp_c13_on, {}, {}},
        {"KP.T15", K::matrix, 1, 6, check_kp_t15_on, {}, {"KP.T15/mutant-identity"}},
        {"KP.T9", K::matrix, 1, 6, check_kp_t9_on, {}, {}},
        {"KP.T19", K::matrix, 1, 6, check_kp_t19_on, {}, {}},
        {"KP.T22", K::matrix, 1, 6, check_kp_t22_on, {}, {}},
        {"KP.L11", K::matrix, 1, 6, check_kp_l11_on, {}, {}},
        // ---- ours
        {"X.GLOBAL", K::matrix, 1, 6, check_x_global_rank, x_global_corrected, {}},
    };
    for (const auto& d : t)
        if (!find_claim(d.id)) throw std::logic_error("claim table: " + d.id + " is not in claims/registry.json");
    return t;
}

}  // namespace

const Claim& ClaimDefinition::registry() const { return *find_claim(id); }

const std::vector<ClaimDefinition>& claim_table() {
    static const std::vector<ClaimDefinition> table = build_table();
    return table;
}

const ClaimDefinition* find_claim_definition(const std::string& id) {
    for (const auto& d : claim_table())
        if (d.id == id) return &d;
    return nullptr;
}

}  // namespace dmf
