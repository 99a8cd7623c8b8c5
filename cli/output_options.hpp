// The options shared by the subcommands, and the one place a report is printed.
//
// --digits D (default 50) or --bits B, and --json: every command that computes numbers takes
// them and honours them. Commands without numerics of their own (`claims`, `check`) take
// --json only, and reject --digits/--bits with a clear error (exit 2) instead of ignoring them.
//
// Every command builds its whole report as one JSON object first, then prints it either as
// that JSON document or as text rendered from it (print_report): the JSON and the text always
// say the same thing, and no computation happens while printing.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace dmf::cli {

struct OutputOptions {
    std::optional<unsigned> digits;
    std::optional<unsigned> bits;
    bool json = false;
};

// --digits, --bits (at least `min_bits`, default 64) and --json.
void add_output_options(CLI::App* cmd, OutputOptions& o, unsigned min_bits = 64);

// --json only; --digits and --bits are accepted by the parser only to be rejected with
// `why` (a ValidationError: exit 2), so that nobody believes they took effect.
void add_json_option_only(CLI::App* cmd, bool& json, const std::string& why);

// --digits D works at D decimal digits plus 64 guard bits; --bits B prints what B bits carry.
struct Numerics {
    Precision precision;
    int digits;
};
Numerics numerics(const OutputOptions& o);

// Print a finished report: the JSON document (indented by 2) or the text `render` makes of it.
void print_report(const nlohmann::json& report, bool as_json, const std::function<void(const nlohmann::json&)>& render);

// A JSON string value as text, anything else as its JSON (null, numbers, arrays).
std::string text_of(const nlohmann::json& v);

}  // namespace dmf::cli
