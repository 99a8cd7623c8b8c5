// The size limit of the dense landscape (`classify_landscape` with dense = true, landscape.hpp):
// every critical orbit's Hessian is formed and diagonalized densely at multiprecision, so the
// `landscape` report refuses instances with more parameters than this.
#pragma once

#include "dmf/problem/instance.hpp"

namespace dmf::inline landscape {

inline constexpr long long landscape_dense_max_parameters = 200;

// Throws InputError ("landscape: N = ... > 200 (...)") when inst has more than
// landscape_dense_max_parameters parameters.
void require_dense_landscape_size(const Instance& inst);

}  // namespace dmf::landscape
