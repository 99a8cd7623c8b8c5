// `dmf-oracle classify INSTANCE --weights FILE`: what someone else's point is. Its loss and
// gradient, its first-principles type, the critical point Levenberg-Marquardt reaches from it
// and the T2.1 orbit that point belongs to (printed and computed type), the distance to that
// orbit after aligning the hidden rotations (alternating Procrustes), the distance of its
// end-to-end product to the global minimizer's, and its Hessian spectrum.
#pragma once

#include "cli/output_options.hpp"

#include <string>

namespace dmf::cli {

struct ClassifyOptions {
    std::string instance, weights;
    OutputOptions out;
    long long max_n = 120;
};

void add_classify_command(CLI::App& app, ClassifyOptions& o, CLI::App*& cmd);
int run_classify(const ClassifyOptions& o);

}  // namespace dmf::cli
