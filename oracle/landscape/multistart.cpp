#include "dmf/landscape/multistart.hpp"

#include "dmf/problem/objective.hpp"

#include <algorithm>

namespace dmf::inline landscape {

Real multistart_scale(const Instance& inst, const Real& y1, const Precision& p) {
    PrecisionGuard g(p);
    if (inst.L == 1) return y1 + 1;
    const Real lb = lambda_bar(inst, p);
    return pow(std::max(y1, Real(pow(lb, Real(inst.L) / (2 * inst.L - 2)))), Real(1) / inst.L);
}

MultistartResult global_multistart(const Instance& inst, int starts, const Real& scale, Rng& rng, const Precision& p,
                                   const std::vector<Weights>& given) {
    MultistartResult m;
    const int total = static_cast<int>(given.size()) + starts;
    for (int s = 0; s < total; ++s) {
        Weights start;
        if (s < static_cast<int>(given.size())) {
            start = given[s];
        } else {
            PrecisionGuard g(p);
            for (int l = 1; l <= inst.L; ++l)
                start.push_back(rounded(Matrix(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p) * scale), p));
        }
        m.runs.push_back(find_local_minimizer(inst, start, p));
        if (m.runs.back().status != Status::ok) continue;
        m.converged.push_back(m.runs.back());
        if (m.best < 0 || m.converged.back().loss < m.converged[m.best].loss)
            m.best = static_cast<int>(m.converged.size()) - 1;
    }
    return m;
}

}  // namespace dmf::landscape
