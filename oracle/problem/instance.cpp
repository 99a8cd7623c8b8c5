#include "dmf/problem/instance.hpp"

#include <algorithm>

namespace dmf::inline problem {

const char* to_string(Convention c) { return c == Convention::cjw ? "cjw" : "kp"; }

long long Instance::num_parameters() const {
    long long n = 0;
    for (int l = 1; l < static_cast<int>(dims.size()); ++l) n += static_cast<long long>(dims[l]) * dims[l - 1];
    return n;
}

int Instance::d_min() const { return *std::min_element(dims.begin(), dims.end()); }

int Instance::rank_bound() const { return std::min(dims.front(), dims.back()); }

namespace {
[[noreturn]] void input_error(const std::string& field, const std::string& what) {
    throw InputError("field '" + field + "': " + what);
}
}  // namespace

void validate(const Instance& inst) {
    using Lim = InstanceLimits;
    if (inst.L < 1) input_error("L", "must be >= 1, got " + std::to_string(inst.L));
    if (inst.L > Lim::max_depth)
        input_error("L", "must be <= " + std::to_string(Lim::max_depth) + " (size limit), got " + std::to_string(inst.L));
    if (static_cast<int>(inst.dims.size()) != inst.L + 1)
        input_error("dims", "must have L + 1 = " + std::to_string(inst.L + 1) + " entries, got " +
                                std::to_string(inst.dims.size()));
    for (size_t i = 0; i < inst.dims.size(); ++i) {
        const std::string f = "dims[" + std::to_string(i) + "]";
        if (inst.dims[i] <= 0) input_error(f, "must be >= 1, got " + std::to_string(inst.dims[i]));
        if (inst.dims[i] > Lim::max_width)
            input_error(f, "must be <= " + std::to_string(Lim::max_width) + " (size limit), got " +
                               std::to_string(inst.dims[i]));
    }
    if (inst.num_parameters() > Lim::max_parameters)
        input_error("dims", "N = " + std::to_string(inst.num_parameters()) + " parameters exceeds the limit " +
                                std::to_string(Lim::max_parameters));
    const size_t want_lambda = inst.convention == Convention::kp ? 1 : static_cast<size_t>(inst.L);
    if (inst.lambda.size() != want_lambda)
        input_error("lambda", inst.convention == Convention::kp
                                  ? "the kp convention takes one scalar lambda"
                                  : "must have L = " + std::to_string(inst.L) + " entries, got " +
                                        std::to_string(inst.lambda.size()));
    for (size_t i = 0; i < inst.lambda.size(); ++i) {
        const Real& v = inst.lambda[i];
        const std::string f = inst.lambda.size() == 1 ? "lambda" : "lambda[" + std::to_string(i) + "]";
        if (!mpfr_number_p(v.backend().data())) input_error(f, "must be finite");
        if (!(v > 0)) input_error(f, "must be > 0, got " + to_string(v, 17));
    }
    if (inst.target.rows() != inst.dims.back() || inst.target.cols() != inst.dims.front())
        input_error("target", "must be d_L x d_0 = " + std::to_string(inst.dims.back()) + " x " +
                                  std::to_string(inst.dims.front()) + ", got " + std::to_string(inst.target.rows()) +
                                  " x " + std::to_string(inst.target.cols()));
    for (Eigen::Index i = 0; i < inst.target.rows(); ++i)
        for (Eigen::Index j = 0; j < inst.target.cols(); ++j)
            if (!mpfr_number_p(inst.target(i, j).backend().data()))
                input_error("target[" + std::to_string(i) + "][" + std::to_string(j) + "]", "must be finite");
}

CjwForm cjw_form(const Instance& inst, const Precision& p) {
    PrecisionGuard guard(p);
    CjwForm form;
    if (inst.convention == Convention::cjw) {
        for (const auto& v : inst.lambda) form.lambda.push_back(rounded(v, p));
        form.loss_factor = Real(1);
    } else {
        // KP (1): (lambda/L) ||W_l||^2 = 2 * (lambda_l/2) ||W_l||^2 with lambda_l = lambda/L, and
        // ||M - P||^2 = 2 * 1/2 ||M - P||^2: the whole loss is 2F.
        const Real per_layer = rounded(inst.lambda.at(0), p) / inst.L;
        form.lambda.assign(inst.L, per_layer);
        form.loss_factor = Real(2);
    }
    return form;
}

Real lambda_bar(const Instance& inst, const Precision& p) {
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard guard(p);
    // Product then root: relative error <= (L + 1) eps, and MPFR's exponent range cannot overflow here.
    Real prod = 1;
    for (const auto& v : form.lambda) prod *= v;
    if (inst.L == 1) return prod;
    Real root;
    mpfr_rootn_ui(root.backend().data(), prod.backend().data(), static_cast<unsigned long>(inst.L), MPFR_RNDN);
    return root;
}

void validate_point(const Instance& inst, const Weights& w) {
    if (static_cast<int>(w.size()) != inst.L)
        input_error("weights", "must have L = " + std::to_string(inst.L) + " matrices, got " + std::to_string(w.size()));
    for (int l = 1; l <= inst.L; ++l) {
        const Matrix& m = w[l - 1];
        if (m.rows() != inst.dims[l] || m.cols() != inst.dims[l - 1])
            input_error("weights[" + std::to_string(l - 1) + "]",
                        "W_" + std::to_string(l) + " must be d_" + std::to_string(l) + " x d_" + std::to_string(l - 1) +
                            " = " + std::to_string(inst.dims[l]) + " x " + std::to_string(inst.dims[l - 1]) +
                            ", got " + std::to_string(m.rows()) + " x " + std::to_string(m.cols()));
        for (Eigen::Index i = 0; i < m.rows(); ++i)
            for (Eigen::Index j = 0; j < m.cols(); ++j)
                if (!mpfr_number_p(m(i, j).backend().data()))
                    input_error("weights[" + std::to_string(l - 1) + "]", "entries must be finite");
    }
}

}  // namespace dmf::problem
