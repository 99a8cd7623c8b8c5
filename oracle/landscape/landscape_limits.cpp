#include "dmf/landscape/landscape_limits.hpp"

#include <string>

namespace dmf::inline landscape {

void require_dense_landscape_size(const Instance& inst) {
    if (inst.num_parameters() > landscape_dense_max_parameters)
        throw InputError("landscape: N = " + std::to_string(inst.num_parameters()) + " > " +
                         std::to_string(landscape_dense_max_parameters) +
                         " (every orbit's dense Hessian at multiprecision)");
}

}  // namespace dmf::landscape
