// `dmf-oracle scalar`: the whole scalar picture of one instance (KP (12) or
// its CJW form): thresholds, roots of f, the global minimizers with tie
// evidence, the Hessian spectra computed and predicted, and every scalar
// claim's verdict on it. The computation is dmf::scalar_report (include/dmf/landscape/scalar_report.hpp).
#pragma once

#include "cli/output_options.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace dmf::cli {

struct ScalarOptions {
    int L = 1;
    std::string lambda = "1";
    std::string m = "0";
    std::string convention = "kp";
    OutputOptions out;  // --digits D (default 50) or --bits B (16 or more), --json
    std::string save_dir;  // save confirmed counterexamples here
};

void add_scalar_command(CLI::App& app, ScalarOptions& o, CLI::App*& cmd);
int run_scalar(const ScalarOptions& o);

}  // namespace dmf::cli
