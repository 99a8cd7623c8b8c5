// The instances and points of `dmf-oracle vectors` (test vectors for other implementations),
// drawn from a seed by the structured generators (structured_cases.hpp), one stratum per paper's
// setting:
//   kp-scalar   KP (12): the scalar case 1 x ... x 1, KP convention, on / near / off tau and ybar;
//   cjw-matrix  CJW: diagonal targets on / near the thresholds, per-layer lambdas, bottlenecks;
//   kp-matrix   KP: the same shapes with one lambda (KP's, L times lambdabar) and a target rotated
//               by Haar orthogonal matrices (not diagonal).
// Every input number (lambda, target entries, points, directions) is rounded to the nearest
// binary64 value, so that a float64 implementation reads it without error and its deviation from
// the vectors is its own arithmetic. (A target drawn exactly on a threshold stays on it: the
// exact anchors have few bits. One drawn 2^-k off it with k > 52 lands on it; the vectors report
// where it really is.) The draws use a fixed precision, so --digits does not change the instances.
#pragma once

#include "dmf/numerics/random.hpp"
#include "dmf/problem/instance.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dmf::gen {

enum class VectorStratum { kp_scalar, cjw_matrix, kp_matrix };
const std::vector<std::string>& vector_stratum_names();  // in enum order
std::optional<VectorStratum> parse_vector_stratum(const std::string& name);
const char* to_string(VectorStratum s);

// The nearest binary64 value (ties to even), as a Real at p (>= 53 bits); none when it is not a
// finite normal number or zero (the draws then try again).
std::optional<Real> nearest_binary64(const Real& x, const Precision& p);

// A point W and a direction V (same shapes), for loss, gradient and Hessian-vector products.
struct PointAndDirection {
    Weights point, direction;
};

struct VectorCase {
    VectorStratum stratum;
    Instance instance;  // binary64 numbers held at 256 bits
    std::vector<PointAndDirection> points;
};

// Instance `index` of the file with `seed`: the stratum is strata[index % strata.size()], the
// draws come from an Rng seeded from (seed, index) alone, so a line does not depend on the others.
VectorCase vector_case(std::uint64_t seed, long long index, const std::vector<VectorStratum>& strata, int points);

// `count` points with Gaussian entries scaled so that W_L...W_1 has about the target's size,
// and standard Gaussian directions, all binary64.
std::vector<PointAndDirection> random_points(const Instance& inst, int count, Rng& rng);

}  // namespace dmf::gen
