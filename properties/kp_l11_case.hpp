// KP.L11's case, shared by its property and its mutant: plant a simple sigma_i = C, check
// ||grad sigma_i|| = 1 for grad = u_i v_i^T, the slope along it by a difference at twice the
// precision, and that a random matrix is off the level set. The mutant predicts the slope of
// sigma_i^2 / 2 instead (C, not 1).
#pragma once

namespace dmf::prop {

void kp_l11_case(bool mutant_sigma_squared_gradient);

}  // namespace dmf::prop
