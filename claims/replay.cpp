#include "claims/replay.hpp"

#include "claims/certificate.hpp"
#include "claims/claim_table.hpp"
#include "claims/scalar_corpus.hpp"
#include "dmf/problem/instance_json.hpp"

namespace dmf {

ReplayResult replay_counterexample(const Counterexample& c) {
    const ClaimDefinition* d = find_claim_definition(c.claim);
    if (!d) throw InputError("replay: '" + c.claim + "' is not a claim of the registry");
    const auto [inst, p] = [&]() -> std::pair<Instance, Precision> {
        if (d->kind == CaseKind::scalar) {
            const auto s = scalar_problem_from(c);
            return {scalar_case(s.problem.L, s.problem.lambda, s.problem.m, s.precision), s.precision};
        }
        const Precision q = stored_precision(c);
        return {instance_from_json(parse_json_exact(c.instance.dump()), q), q};
    }();
    // A holds-with-caveat row's stored cases refute a stronger reading than the paper's, not the printed one.
    ReplayResult r;
    r.printed = run_certified([&] { return d->stronger_reading ? d->stronger_reading(inst, p) : d->printed(inst, p); }, p,
                              r.printed_certificate);
    if (d->corrected) r.corrected = run_certified([&] { return d->corrected(inst, p); }, p, r.corrected_certificate);
    return r;
}

}  // namespace dmf
