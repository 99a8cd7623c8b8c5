// `dmf-oracle landscape INSTANCE`: every critical orbit of CJW Theorem 2.1 for the
// instance, each classified from first principles (gradient, Hessian inertia, orbit
// tangent, higher-order terms, precision escalation) beside T2.2's printed type, and
// the verdicts of CJW.T2.2, CJW.C2.3 and CJW.A1 on it. With --save DIR, violations
// confirmed at twice the precision are written to the corpus.
#pragma once

#include "cli/output_options.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace dmf::cli {

struct LandscapeOptions {
    std::string instance;
    OutputOptions out;  // --digits D (default 50) or --bits B, --json
    std::string save_dir;
    std::string name;  // file-name stem for saved counterexamples
};

void add_landscape_command(CLI::App& app, LandscapeOptions& o, CLI::App*& cmd);
int run_landscape(const LandscapeOptions& o);

}  // namespace dmf::cli
