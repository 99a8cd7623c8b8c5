// The acceptance set of issue 15: instances on, and 1e-70 beside, the landscape's thresholds,
// written as instance JSON whose numbers are decimal strings (exact as written: every
// construction below is done in exact rational arithmetic, or at >= 512 bits for the
// irrational thresholds, then written as a finite decimal).
//
// Families (deterministic given the seed; the seed only chooses the Cayley rotations):
//   near:     a singular value 1e-70 above / below ybar (CJW (43)), y* (the tie of CJW (10)) or
//             tau (KP (13)), as a 72-significant-digit decimal: the threshold at 512 bits
//             rounded to 72 digits, then +-1e-70 exactly (so the offset is 1e-70 to within 5%);
//   dyadic:   exact binary thresholds, L in {3, 4, 6}. From f(x; y) = x^{2L-1} - y x^{L-1} +
//             lambdabar x (CJW (8)): f(t) = f'(t) = 0 gives lambdabar = t^{2L-2} L/(L-2) and
//             ybar = t^L (2L-2)/(L-2); f(t) = 0 with G(t) = G(0) gives lambdabar = t^{2L-2}/(L-2)
//             and y* = t^L (L-1)/(L-2) (= tau in KP's lambda = L lambdabar). With t = 2^k and
//             L - 2 in {1, 2, 4} all are binary and finite decimals (exact_thresholds.hpp);
//   rotated:  Y = Q B R^T with Q, R rational orthogonal (Cayley transforms (I - S)(I + S)^{-1}
//             of small rational skew S, kept when every entry is a finite decimal) and B with
//             the wanted singular values. Exactly on an irrational threshold theta: theta^{2L-2}
//             is rational (it is c^{2L-2} k^L prod lambda_l), so theta^2 is a root of
//             X^{L-1} - a whose other roots theta^2 zeta (zeta^{L-1} = 1, zeta != 1) are not
//             positive reals; the squared singular values of a rational Y are the roots of the
//             rational characteristic polynomial of Y^T Y, all real and >= 0, so a conjugate of
//             theta^2 among them forces theta^2 rational. Hence: some rational target has theta
//             as a singular value iff theta^2 is rational, e.g. L = 3, lambdabar = 12:
//             ybar = 8 sqrt 2, and rank one B = [[8, 8], [0, 0]] (sigma = |u||v|). For L even,
//             theta^2 rational forces theta rational. Where theta^2 is irrational
//             (e.g. lambda = (0.5, 1, 2): ybar = (4/3) 3^{1/4}) no rational target is on it and
//             the near family (1e-70 off) is the closest exact input;
//   tie:      repeated singular values (on ybar, on y*, off both; [[a, -b], [b, a]] gives
//             sqrt(a^2 + b^2) twice);
//   bottleneck: hidden width below the rank (blocks split at the width included).
// Each instance carries what is true for it as written: per singular value (descending) its
// side of ybar and of y*, computed at 2048 bits from the exact construction ("on" only where
// the construction is exact), and whether the global end-to-end product is unique.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dmf::gen {

using DecimalMatrix = std::vector<std::vector<std::string>>;  // rows of decimal strings

struct ExceptionalInstance {
    std::string name;         // file stem
    std::string family;       // near / dyadic / rotated / tie / bottleneck
    nlohmann::json instance;  // instance JSON, every number a decimal string
    std::vector<std::string> singular_values;        // exact description, descending ("8 sqrt(2)", "ybar + 1e-70")
    std::vector<std::string> side_ybar, side_ystar;  // "above" / "on" / "below", per singular value
    bool unique_end_to_end = true;                   // CJW T2.2 (corrected): no tie, no split block
    std::string note;
    // near family: which threshold, which singular index, and the sign of the 1e-70 offset
    std::string offset_threshold;  // "ybar" / "y_star" / "tau" / "" (not near)
    int offset_index = -1, offset_sign = 0;
};

// The whole set (about thirty instances, N <= 16).
std::vector<ExceptionalInstance> exceptional_set(std::uint64_t seed = 15);

// One line of manifest.json: everything above except the instance itself (which is <name>.json).
nlohmann::json manifest_entry(const ExceptionalInstance& e);
// Writes <dir>/<name>.json per instance and <dir>/manifest.json; creates dir.
void write_exceptional_set(const std::vector<ExceptionalInstance>& set, const std::string& dir);

// An n x n rational orthogonal matrix with finite-decimal entries, the Cayley transform of a
// random small skew matrix drawn from seed (deterministic). Not the identity for n >= 2.
DecimalMatrix cayley_orthogonal(int n, std::uint64_t seed);
// Q Y R^T, exactly (finite decimals stay finite decimals).
DecimalMatrix rotate_exact(const DecimalMatrix& q, const DecimalMatrix& y, const DecimalMatrix& r);

}  // namespace dmf::gen
