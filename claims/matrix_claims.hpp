// KP's standalone matrix statements (T9, T19, T22, L11) on one case: the case's target is the
// matrix A (or X); a second matrix B, where the statement needs one, is drawn from a hash of the
// case, so a stored or shrunk case determines it. Each is checked against the SVD and dense
// products of the definitions, never against another printed formula.
#pragma once

#include "claims/claim_check.hpp"
#include "dmf/problem/instance.hpp"

#include <cstdint>
#include <string>

namespace dmf {

CheckResult check_kp_t9_on(const Instance& inst, const Precision& p);   // von Neumann's trace inequality
CheckResult check_kp_t19_on(const Instance& inst, const Precision& p);  // Remark 21's Schatten-type inequality
CheckResult check_kp_t22_on(const Instance& inst, const Precision& p);  // the variational form and (136)
CheckResult check_kp_l11_on(const Instance& inst, const Precision& p);  // level sets of sigma_i are hypersurfaces

// FNV-1a over the case's exact instance JSON: the seed of everything drawn from a case.
std::uint64_t case_hash(const Instance& inst);

}  // namespace dmf
