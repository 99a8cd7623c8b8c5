// --digits D (default 50) or --bits B, and --json: the numeric options every command takes.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <CLI/CLI.hpp>

#include <optional>

namespace dmf::cli {

struct OutputOptions {
    std::optional<unsigned> digits;
    std::optional<unsigned> bits;
    bool json = false;
};

void add_output_options(CLI::App* cmd, OutputOptions& o);

// --digits D works at D decimal digits plus 64 guard bits; --bits B prints what B bits carry.
struct Numerics {
    Precision precision;
    int digits;
};
Numerics numerics(const OutputOptions& o);

}  // namespace dmf::cli
