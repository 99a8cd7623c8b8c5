#include "dmf/landscape/sharpness.hpp"

#include "dmf/theory/kp.hpp"
#include "dmf/problem/objective.hpp"

namespace dmf::inline landscape {

Sharpness sharpness(const Instance& inst, const Weights& w, const Precision& p) {
    if (inst.convention != Convention::kp) throw std::invalid_argument("sharpness: needs the kp convention");
    Sharpness s;
    const Matrix H = hessian(inst, w, p);
    const auto e = symmetric_eigen(H, p, false);
    if (e.status != Status::ok) throw std::runtime_error("sharpness: eigensolver did not converge");
    s.spectrum = e.values;
    PrecisionGuard g(p);
    s.trace = 0;
    for (Eigen::Index i = 0; i < H.rows(); ++i) s.trace += H(i, i);
    s.lambda_max = e.values(e.values.size() - 1);
    s.trace_identity_92 = kp_trace_identity_92(inst, w, p);
    for (const auto& m : w) s.layer_norms.push_back(sqrt(frobenius_norm_squared(m, p)));
    // (81) uses g* = ||W_i*||_F, equal over i at a minimizer (KP.C13); take W_1's.
    const Real g2 = s.layer_norms[0] * s.layer_norms[0];
    if (g2 > 0) {
        const Real P2 = frobenius_norm_squared(end_to_end(inst, w, p), p);
        s.bound_81 = 2 * inst.L * P2 / g2 + 2 * rounded(inst.lambda[0], p) / inst.L * static_cast<long>(inst.num_parameters());
    }
    return s;
}

}  // namespace dmf::landscape
