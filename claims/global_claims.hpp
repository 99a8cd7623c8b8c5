// X.GLOBAL as stated (ours, no width hypothesis): CJW's global minimizers have the
// end-to-end product of KP's prox with lambda = L lambdabar. A certain violation
// needs no optimizer: every factorization has rank(P) <= d_min, so when the prox
// has more than d_min non-zero singular values no minimizer can have P = prox.
#pragma once

#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance.hpp"
#include "claims/claim_check.hpp"

namespace dmf {

CheckResult check_x_global_rank(const Instance& inst, const Precision& p);

// A counterexample file for a matrix instance, confirmed at 2p.
std::optional<Counterexample> confirm_instance_counterexample(const std::string& claim, const Instance& inst,
                                                              const Precision& p,
                                                              CheckResult (*check)(const Instance&, const Precision&));

}  // namespace dmf
