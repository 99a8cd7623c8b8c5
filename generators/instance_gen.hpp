// RapidCheck generators of instances and points. A spec holds exact decimals
// and a basis seed; `materialize` builds the instance at a given precision, so
// one spec can be evaluated at two precisions.
#pragma once

#include "generators/decimal.hpp"
#include "dmf/problem/instance.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace dmf::gen {

struct InstanceSpec {
    int L = 1;
    std::vector<int> dims;
    Convention convention = Convention::cjw;
    std::vector<Decimal> lambda;           // kp: one value; cjw: L values
    std::vector<Decimal> singular_values;  // r = min(d_0, d_L) values, any order
    std::uint64_t basis_seed = 0;          // Haar U and V
};
void showValue(const InstanceSpec& s, std::ostream& os);

// Target = U diag(singular_values) V^T with Haar U, V at precision p.
Instance materialize(const InstanceSpec& s, const Precision& p);

struct InstanceGenOptions {
    int min_depth = 1, max_depth = 8;
    int min_width = 1, max_width = 6;
    long long max_parameters = 150;        // keeps dense Hessians cheap
    int lambda_min_exp10 = -3, lambda_max_exp10 = 2;
    int sigma_min_exp10 = -2, sigma_max_exp10 = 1;
    bool allow_kp = true, allow_cjw = true;
    // Given r >= 2 (outer widths >= 2, drawn in 60% of cases): a hidden width below r, and a repeated
    // singular value, in these percentages of the cases.
    int bottleneck_percent = 40, repeat_percent = 30;
};

// Instances small enough for the dense Newton and Levenberg-Marquardt solvers at
// 128 bits (N <= 24, widths <= 3, depth 1..4), with lambda in [1e-2, 1e1) and
// singular values in [1e-1, 1e1): the properties that search for critical
// points and minimizers start from here and adjust.
InstanceGenOptions solver_sized();

// Depths, widths (bottlenecks included), scalar and per-layer lambda, both
// conventions, and singular values that are distinct, repeated or zero.
rc::Gen<InstanceSpec> instance_spec(const InstanceGenOptions& o = {});
// The strata of a spec for the floors: "L=<n>", "r>=2", "bottleneck", "zero y", "repeated y",
// "r>=2 distinct", "unequal lambda", the convention.
std::vector<std::string> strata(const InstanceSpec& s);

struct PointSpec {
    std::uint64_t seed = 0;
    Decimal scale{"1"};  // entries are scale * N(0, 1)
};
void showValue(const PointSpec& s, std::ostream& os);
rc::Gen<PointSpec> point_spec(int min_exp10 = -1, int max_exp10 = 0);
Weights materialize_point(const Instance& inst, const PointSpec& s, const Precision& p);

}  // namespace dmf::gen
