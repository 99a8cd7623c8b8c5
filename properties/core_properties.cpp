// Properties of the oracle's own numerics (not of any claim): derivatives of
// the loss against central differences at twice the precision.
#include "generators/instance_gen.hpp"
#include "dmf/problem/finite_difference.hpp"
#include "properties/property.hpp"

namespace {

using namespace dmf;

Precision any_precision() { return Precision::from_bits(*rc::gen::element(64u, 128u, 256u)); }

gen::InstanceGenOptions small(long long max_parameters, int max_depth) {
    gen::InstanceGenOptions o;
    o.max_parameters = max_parameters;
    o.max_depth = max_depth;
    o.max_width = 4;
    return o;
}

struct Drawn {
    Precision p;
    Instance inst;
    Weights w;
};
// A generated instance and a point on it, at a generated precision.
Drawn draw(const gen::InstanceGenOptions& o) {
    const auto spec = *gen::instance_spec(o);
    const auto pt = *gen::point_spec();
    const Precision p = any_precision();
    Instance inst = gen::materialize(spec, p);
    Weights w = gen::materialize_point(inst, pt, p);
    return {p, std::move(inst), std::move(w)};
}

}  // namespace

DMF_PROPERTY("CORE.gradient", "gradient equals central differences of the loss at twice the precision") {
    const auto [p, inst, w] = draw(small(60, 6));
    const auto c = check_gradient(inst, w, flatten(inst, gradient(inst, w, p), p), p);
    prop::record_error(c.worst_eps, c.message);
    if (!c.ok) RC_FAIL(c.message);
}

DMF_PROPERTY("CORE.hessian", "dense Hessian equals central differences of the gradient at twice the precision") {
    const auto [p, inst, w] = draw(small(30, 4));
    const Matrix H = hessian(inst, w, p);
    const auto c = check_hessian(inst, w, H, p);
    prop::record_error(c.worst_eps, c.message);
    if (!c.ok) RC_FAIL(c.message);
    // Symmetric, and the finite-difference Hessian is symmetric too (the gradient is a gradient).
    RC_ASSERT(H == H.transpose());
}

DMF_PROPERTY("CORE.hessian-vector", "Hessian-vector product equals the dense Hessian times the vector") {
    const auto [p, inst, w] = draw(small(60, 6));
    const auto dir = *gen::point_spec();
    const Weights v = gen::materialize_point(inst, dir, p);
    const Vector hv = flatten(inst, hessian_vector_product(inst, w, v, p), p);
    const Vector ref = matvec(hessian(inst, w, p), flatten(inst, v, p), p);
    PrecisionGuard guard(p);
    Real vnorm = sqrt(frobenius_norm_squared(Matrix(flatten(inst, v, p)), p));
    const Real scale = hessian_scale(inst, w, p) * vnorm * static_cast<int>(inst.num_parameters());
    for (Eigen::Index i = 0; i < hv.size(); ++i)
        prop::assert_eps(hv(i), ref(i), 16.0 * (inst.L + 8), p, scale, "(Hv)_" + std::to_string(i));
}
