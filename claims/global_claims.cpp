#include "claims/global_claims.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/landscape/prox.hpp"

#include <iomanip>
#include <sstream>

namespace dmf {

CheckResult check_x_global_rank(const Instance& inst, const Precision& p) {
    Real lam;
    {
        PrecisionGuard g(p);
        lam = lambda_bar(inst, p) * inst.L;
    }
    const Prox x = kp_prox(inst.target, inst.L, lam, p);
    if (!x.ties.empty()) return CheckResult::na("target on E (a singular value on tau)");
    int nonzero = 0;
    for (const auto& v : x.x) nonzero += v > 0;
    CheckResult r;
    r.quantity = "rank of the prox vs d_min (every factorization has rank P <= d_min)";
    r.printed = "P = prox, rank " + std::to_string(nonzero);
    r.computed = "d_min = " + std::to_string(inst.d_min());
    r.verdict = nonzero > inst.d_min() ? Verdict::violated : Verdict::holds;
    return r;
}

std::optional<Counterexample> confirm_instance_counterexample(const std::string& claim, const Instance& inst,
                                                              const Precision& p,
                                                              CheckResult (*check)(const Instance&, const Precision&)) {
    const CheckResult first = check(inst, p);
    if (first.verdict != Verdict::violated) return std::nullopt;
    const Precision p2 = p.times(2);
    Instance up = inst;  // the same exact values at twice the precision
    for (auto& l : up.lambda) l = rounded(l, p2);
    up.target = rounded(inst.target, p2);
    if (check(up, p2).verdict != Verdict::violated) return std::nullopt;
    Counterexample c;
    c.claim = claim;
    c.precision_bits = p.bits();
    c.confirmed_at_bits = {p.bits(), p2.bits()};
    c.instance = instance_to_json(inst);
    c.point = nullptr;
    c.parameters = nullptr;
    c.quantity = first.quantity;
    c.printed = first.printed;
    c.computed = first.computed;
    c.violation_eps = "n/a (a rank count)";
    c.notes = first.detail;
    return c;
}

}  // namespace dmf
