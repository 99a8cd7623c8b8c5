#include "dmf/landscape/sharpness_study.hpp"

#include "dmf/landscape/multistart.hpp"

#include "dmf/numerics/linalg.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>
#include <string>

namespace dmf::inline landscape {

Instance sharpness_kp_instance(Instance inst, const Precision& p) {
    if (inst.convention != Convention::cjw) return inst;
    for (const auto& l : inst.lambda)
        if (l != inst.lambda[0]) throw InputError("sharpness: KP's formulas need equal lambda_l; this cjw instance has unequal ones");
    PrecisionGuard g(p);
    inst.lambda = {inst.lambda[0] * inst.L};  // cjw with lambda_l = lambda/L is kp's lambda (loss 2F)
    inst.convention = Convention::kp;
    return inst;
}

namespace {

// (136) has hidden widths min(d_0, d_L); each factor padded with zeros to the instance's widths.
Weights padded_balanced_start(const Instance& inst, const Precision& p) {
    const Weights b = balanced_factorization_136(inst.target, inst.L, p);
    Weights start;
    for (int l = 1; l <= inst.L; ++l) {
        Matrix m = zeros(inst.dims[l], inst.dims[l - 1], p);
        m.topLeftCorner(b[l - 1].rows(), b[l - 1].cols()) = b[l - 1];
        start.push_back(m);
    }
    return start;
}

}  // namespace

SharpnessStudy sharpness_study(const Instance& input, int starts, std::uint64_t seed, const Precision& p) {
    SharpnessStudy st;
    st.instance = sharpness_kp_instance(input, p);
    const Instance& inst = st.instance;
    if (inst.num_parameters() > sharpness_max_parameters)
        throw InputError("sharpness: N = " + std::to_string(inst.num_parameters()) + " > " +
                         std::to_string(sharpness_max_parameters) + " (dense Newton at multiprecision)");
    st.prox = kp_prox(inst.target, inst.L, inst.lambda[0], p);
    Rng rng(seed);
    PrecisionGuard g(p);
    st.tolerance = make_real(p, 1, -static_cast<long>(p.bits() / 2)) * (1 + abs(st.prox.schatten_value));
    bool structured = true;
    for (int l = 1; l < inst.L; ++l) structured = structured && inst.dims[l] >= inst.rank_bound();
    std::vector<Real> traces;
    std::vector<Matrix> ends;            // P of each start that reached the prox value
    std::vector<std::vector<Real>> fro;  // ||W_l||_F of each such start
    // The one multistart (multistart.hpp): the padded (136) start first when the widths allow it,
    // then Gaussian starts times 1/2.
    std::vector<Weights> given;
    if (structured && starts > 0) given.push_back(padded_balanced_start(inst, p));
    const MultistartResult ms = global_multistart(inst, starts - static_cast<int>(given.size()), make_real(p, 1, -1), rng, p, given);
    for (int s = 0; s < starts; ++s) {
        SharpnessRun run;
        run.start = s;
        run.structured = s == 0 && structured;
        run.minimization = ms.runs[s];
        run.converged = run.minimization.status == Status::ok;
        run.reaches_prox_value = run.converged && run.minimization.loss <= st.prox.schatten_value + st.tolerance;
        if (run.reaches_prox_value) {
            run.sharpness = sharpness(inst, run.minimization.w, p);
            if (run.sharpness->bound_81) run.gap_trace_minus_bound = run.sharpness->trace - *run.sharpness->bound_81;
            traces.push_back(run.sharpness->trace);
            ends.push_back(end_to_end(inst, run.minimization.w, p));
            fro.push_back(run.sharpness->layer_norms);
        }
        st.runs.push_back(std::move(run));
    }
    if (traces.size() >= 2) {
        Real spread = 0;
        for (const auto& t : traces) spread = std::max(spread, Real(abs(t - traces[0])));
        st.trace_constant = spread <= st.tolerance * (1 + abs(traces[0])) ? Decision::yes : Decision::no;
        st.trace_spread = spread;
    }
    if (ends.size() >= 2) {
        SharpnessSpread sp;
        sp.end_to_end_fro = 0;
        sp.layer_fro_norms.assign(inst.L, Real(0));
        for (size_t i = 1; i < ends.size(); ++i) {
            sp.end_to_end_fro = std::max(sp.end_to_end_fro, Real(sqrt(frobenius_norm_squared(Matrix(ends[i] - ends[0]), p))));
            for (int l = 0; l < inst.L; ++l)
                sp.layer_fro_norms[l] = std::max(sp.layer_fro_norms[l], Real(abs(fro[i][l] - fro[0][l])));
        }
        st.spread = std::move(sp);
    }
    return st;
}

}  // namespace dmf::landscape
