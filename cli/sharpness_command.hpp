// `dmf-oracle sharpness INSTANCE`: global minimizers found independently
// (damped Newton + LM polish from several starts; the study is dmf::sharpness_study in
// include/dmf/landscape/sharpness_study.hpp), checked against the
// prox value, and at each one the Hessian spectrum, trace and lambda_max beside
// KP's (91)-(92) and (81), with the gap. Answers KP's open question on the
// instance: is the trace the same at every minimizer found?
#pragma once

#include "cli/output_options.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace dmf::cli {

struct SharpnessOptions {
    std::string instance;
    int starts = 6;
    OutputOptions out;  // --digits D (default 50) or --bits B, --json
    std::uint64_t seed = 1;
};

void add_sharpness_command(CLI::App& app, SharpnessOptions& o, CLI::App*& cmd);
int run_sharpness(const SharpnessOptions& o);

}  // namespace dmf::cli
