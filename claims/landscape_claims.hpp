// CJW's matrix landscape claims on one instance, every critical orbit of T2.1 classified
// from first principles (oracle/classify.hpp):
//   - the representative point of each orbit (critical_set.hpp) is classified from its
//     gradient, Hessian inertia, orbit tangent and higher-order terms;
//   - global versus spurious is decided against the lowest value of an independent
//     multistart (damped Newton from random starts) and of the classified local minima;
//   - the printed statements predict each orbit's type: T2.2 (i)-(iv) with p* of (10),
//     C2.3 whether a non-strict saddle exists, A1 the L = 2 picture.
#pragma once

#include "dmf/landscape/landscape.hpp"
#include "claims/claim_check.hpp"

#include <cstdint>

namespace dmf {

enum class T22Variant { printed, corrected, swapped_roots };
// CJW.T2.2's predicted type of one orbit. `printed`: p* of (10) with strict G(x+) < G(0);
// `corrected`: at a tie G(x+) = G(0) both choices are global (p* <= p <= p*_<=);
// `swapped_roots`: x- and x+ exchanged, the mutation check.
// `positions` (a landscape's certified positions of each y_j against ybar and the tie y*): when
// given, "y_j > ybar" and the sign of G(x+) - G(0) (negative iff y_j > y*, zero on y*) are read from
// them, decided for the input as written; otherwise they are decided at p with a tolerance, which
// can take a value 1e-70 beside y* for the tie at 160 bits.
std::string predict_t2_2(const Instance& inst, const TargetSvd& svd, const Orbit& o, const Precision& p,
                         T22Variant variant = T22Variant::printed,
                         const std::vector<ThresholdPosition>* positions = nullptr);

CheckResult check_cjw_t2_2(const Instance& inst, const Landscape& land, const Precision& p,
                           T22Variant variant = T22Variant::printed);
// C2.3 as printed (index range [min(d_0, d_L)]) or with the range [d_min] (`corrected`).
CheckResult check_cjw_c2_3(const Instance& inst, const Landscape& land, const Precision& p, bool corrected = false);
// A1 (L = 2): global minimizers have sigma_i(P) = (y_i - sqrt(lambda_1 lambda_2))_+ for every i
// (as printed) or for i <= d_1 and 0 beyond (`corrected`); every critical point is a global
// minimizer or a strict saddle.
CheckResult check_cjw_a1(const Instance& inst, const Landscape& land, const Precision& p, bool corrected = false);
// The acceptance cross-check of the classifier: along every Hessian eigenvector with
// |mu| above the zero threshold, F(w + t v) - F(w) has the sign of mu on both sides (2p).
CheckResult check_classifier_against_line_signs(const Instance& inst, const ClassifiedOrbit& o, const Precision& p);

}  // namespace dmf

namespace dmf {
// The same claims on one instance with a fixed landscape seed, in the form corpus
// confirmation and replay take (global_claims.hpp): printed and corrected statements.
CheckResult check_cjw_t2_2_printed_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_t2_2_corrected_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_c2_3_printed_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_c2_3_corrected_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_a1_printed_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_a1_corrected_on(const Instance& inst, const Precision& p);
}  // namespace dmf

namespace dmf {
// More claims on one instance's classified landscape: the orbits of T2.1 are the critical points,
// the global ones are those classified global (against the independent multistart). KP's claims
// apply when every lambda_l is equal (KP lambda = L lambda_l). Each is given the landscape (solve)
// or, as *_on, classifies its own with a fixed seed (the search, replay, properties); a check whose
// preconditions fail returns not_applicable before any landscape is needed.
CheckResult check_cjw_t2_1_if(const Instance& inst, const Landscape& land, const Precision& p);  // every orbit point is critical
CheckResult check_cjw_l3_3(const Instance& inst, const Landscape& land, const Precision& p);     // balancedness at every orbit point
CheckResult check_cjw_l3_11(const Instance& inst, const Landscape& land, const Precision& p);    // no orbit is a local maximizer
CheckResult check_kp_t2(const Instance& inst, const Landscape& land, const Precision& p);        // global orbits balanced
CheckResult check_kp_t3(const Instance& inst, const Landscape& land, const Precision& p);        // global value = Schatten minimum
CheckResult check_kp_t10(const Instance& inst, const Landscape& land, const Precision& p);       // global P = the prox, off E
CheckResult check_kp_c13(const Instance& inst, const Landscape& land, const Precision& p);       // equal layer norms at global orbits
CheckResult check_kp_t15(const Instance& inst, const Landscape& land, const Precision& p);       // trace >= (81) at global orbits

CheckResult check_cjw_t2_1_if_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_l3_3_on(const Instance& inst, const Precision& p);
CheckResult check_cjw_l3_11_on(const Instance& inst, const Precision& p);
CheckResult check_kp_t2_on(const Instance& inst, const Precision& p);
CheckResult check_kp_t3_on(const Instance& inst, const Precision& p);
CheckResult check_kp_t10_on(const Instance& inst, const Precision& p);
CheckResult check_kp_c13_on(const Instance& inst, const Precision& p);
CheckResult check_kp_t15_on(const Instance& inst, const Precision& p);
}  // namespace dmf
