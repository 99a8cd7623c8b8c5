// The whole scalar picture of one instance of KP (12), L(w) = (m - w_L ... w_1)^2 + (lambda/L) sum w_i^2,
// in one place: the printed thresholds beside the numeric twin of the tie y* (tau_twin), the positive
// roots of f(.; |m|) = critical_polynomial(L, |m|, lambda/L) labelled by the sign of f', the certified
// global minimizers (scalar_problem.hpp) with, at each possibly minimal candidate, the Hessian spectrum
// computed and KP's printed (29)-(30), and, when uniqueness is not decided, the same decision at 1x,
// 2x and 4x the precision.
#pragma once

#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/landscape/scalar_thresholds.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/problem/instance.hpp"
#include "dmf/theory/formula.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dmf::inline landscape {

// KP's scalar problem from a lambda in either convention: kp as given; cjw with lambda_l = lambda for
// every layer is kp with lambda_KP = L lambda (and loss 2F). Rounded at p.
ScalarProblem scalar_problem_kp(int L, const Real& lambda, const Real& m, Convention c, const Precision& p);

struct ScalarThresholdValues {
    Formula tau_kp;                  // KP (13)
    Formula rho_m_kp26;              // KP (26)
    Formula collapse_lambda_kp_c14;  // KP Corollary 14 at |m|
    Formula x_bar_cjw42;             // CJW (42) at lambdabar
    Formula y_bar_cjw43;             // CJW (43) at lambdabar
    Bracket y_star_bracket;          // CJW (10)'s tie G(x+(y); y) = G(0; y), by bisection (tau_twin)
    std::optional<Real> y_star;      // its midpoint, when the tie exists
};

struct ScalarRoot {
    IsolatedRoot root;
    std::string label;  // "x+" / "x-" (sign of f'), "double"; "x" for a simple root at L <= 2
};

// One candidate of ScalarMinimizers, with what is computed at a possibly minimal one.
struct ScalarCandidateReport {
    int index = 0;  // into ScalarReport::minimizers.candidates
    bool possibly_minimal = false;
    // Only when possibly_minimal:
    std::size_t omega_points = 0;              // points of Omega (at most 2^12 enumerated)
    Vector hessian_spectrum_computed;          // the Hessian at the first point of Omega
    std::vector<Real> hessian_spectrum_kp29;   // KP (29) printed
    Real lambda_max_kp30;                      // KP (30) printed
    Real end_to_end;                           // sign(m) s^L (0 at the origin)
};

struct ScalarEscalationStep {
    unsigned bits = 0;
    Decision unique = Decision::undecided;
    std::string evidence;
};

struct ScalarReport {
    ScalarProblem problem;  // KP's lambda
    Real lambda_bar;        // lambda / L, CJW's lambdabar of the same problem
    Real m_abs;             // |m|
    ScalarThresholdValues thresholds;
    std::vector<ScalarRoot> roots_of_f;  // positive roots of f(.; |m|) with lambdabar, ascending
    ScalarMinimizers minimizers;
    std::vector<ScalarCandidateReport> candidates;  // one per minimizers.candidates, in order
    std::vector<ScalarEscalationStep> escalation;   // 1x, 2x, 4x p when minimizers.unique != yes; else empty
};

ScalarReport scalar_report(const ScalarProblem& pr, const Precision& p);

}  // namespace dmf::landscape
