#include "search/confirm.hpp"

#include "search/case_text.hpp"

#include "claims/certificate.hpp"

#include "dmf/landscape/landscape.hpp"
#include "dmf/problem/instance_json.hpp"

#include <sstream>

namespace dmf {

namespace search_detail {

Confirmation confirm(const SearchTarget& t, const Instance& inst, const Precision& p) {
    Confirmation c;
    if (t.screen) {  // a case the screen passes is not checked further (targets.cpp says why that is safe)
        c.first = t.screen(inst, p);
        c.bits.push_back(p.bits());
        if (c.first.verdict != Verdict::violated) return c.verdict = c.first.verdict, c;
        c.bits.clear();
    }
    c.first = run_certified([&] { return t.check(inst, p); }, p, c.certificate);
    c.bits.push_back(p.bits());
    if (c.first.verdict != Verdict::violated) return c.verdict = c.first.verdict, c;
    const Precision p2 = p.times(2);
    const CheckResult r2 = run_certified([&] { return t.check(at_precision(inst, p2), p2); }, p2, c.certificate);
    c.bits.push_back(p2.bits());
    if (r2.verdict != Verdict::violated) return c.verdict = Verdict::undecided, c;
    if (r2.error_eps < 1e3) {  // still close (or a verdict without a size): once more at 4p
        const Precision p4 = p.times(4);
        const CheckResult r4 = run_certified([&] { return t.check(at_precision(inst, p4), p4); }, p4, c.certificate);
        c.bits.push_back(p4.bits());
        if (r4.verdict != Verdict::violated) return c.verdict = Verdict::undecided, c;
    }
    c.verdict = Verdict::violated;
    return c;
}

Confirmation ConfirmCache::operator()(const Instance& inst, const Precision& p) {
    const std::uint64_t h = fnv1a(instance_to_json(inst).dump() + "@" + std::to_string(p.bits()));
    if (const auto it = seen_.find(h); it != seen_.end()) return ++hits, it->second;
    Confirmation c = confirm(t_, inst, p);  // an InputError propagates, and is not remembered
    seen_.emplace(h, c);
    return c;
}

Counterexample make_record(const SearchTarget& t, const Instance& inst, const Confirmation& c, const Precision& p) {
    Counterexample x;
    x.claim = t.claim;
    x.precision_bits = p.bits();
    x.confirmed_at_bits = c.bits;
    x.instance = instance_to_json(inst);
    x.point = nullptr;
    if (t.kind == CaseKind::scalar)
        x.parameters = {{"L", inst.L}, {"lambda", to_exact_string(inst.lambda[0])}, {"m", to_exact_string(inst.target(0, 0))}};
    else
        x.parameters = nullptr;
    x.quantity = c.first.quantity;
    x.printed = c.first.printed;
    x.computed = c.first.computed;
    {
        std::ostringstream s;
        s << c.first.error_eps;
        x.violation_eps = c.first.error_eps > 0 ? s.str() : "n/a (a verdict, not a distance)";
    }
    x.notes = "found by dmf-oracle search, confirmed at " + std::to_string(c.bits.size()) + " precisions and shrunk; " +
              c.first.detail.substr(0, 300);
    x.certificate = c.certificate;
    return x;
}

}  // namespace search_detail

CheckResult recheck_stored(const SearchTarget& t, const nlohmann::json& instance, unsigned bits) {
    const Precision p = Precision::from_bits(bits);
    return t.check(instance_from_json(parse_json_exact(instance.dump()), p), p);
}

}  // namespace dmf
