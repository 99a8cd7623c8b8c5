#include "cli/output_options.hpp"

#include <algorithm>
#include <cmath>

namespace dmf::cli {

void add_output_options(CLI::App* cmd, OutputOptions& o) {
    auto* d = cmd->add_option("--digits", o.digits, "significant digits to print (default 50)")->check(CLI::Range(5u, 100000u));
    auto* b = cmd->add_option("--bits", o.bits, "working precision in bits (default: enough for --digits)")
                  ->check(CLI::Range(64u, 1u << 20));
    d->excludes(b);
    cmd->add_flag("--json", o.json, "print one JSON document; every number is a decimal string");
}

Numerics numerics(const OutputOptions& o) {
    if (o.bits) return {Precision::from_bits(*o.bits), std::max(5, static_cast<int>(*o.bits * 0.30103))};
    const unsigned d = o.digits.value_or(50);
    return {Precision::from_bits(static_cast<unsigned>(std::ceil(d * 3.3219280948873623)) + 64), static_cast<int>(d)};
}

}  // namespace dmf::cli
