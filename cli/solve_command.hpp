// `dmf-oracle solve INSTANCE`: the exact landscape of one instance. Thresholds of both
// papers, the global minimum (value, end-to-end singular values, uniqueness, layer norms,
// the Hessian spectrum and trace from the definition beside KP (81)), every critical orbit
// of CJW T2.1 with its printed (T2.2) and first-principles type, and the verdict of every
// claim that applies, and the precision the landscape was decided at (decided_at_bits). The
// numbers come from summarize_landscape (dmf/landscape/landscape_summary.hpp); this command only
// renders them. The --json output follows docs/schemas/solve.schema.json.
#pragma once

#include "cli/output_options.hpp"

#include <string>

namespace dmf::cli {

struct SolveOptions {
    std::string instance;
    OutputOptions out;
    long long max_n = 120;  // dense Hessian work above this N is skipped, with a note
    unsigned max_bits = 4096;  // cap of the automatic precision escalation (landscape.hpp kDefaultMaxBits)
};

void add_solve_command(CLI::App& app, SolveOptions& o, CLI::App*& cmd);
int run_solve(const SolveOptions& o);

}  // namespace dmf::cli
