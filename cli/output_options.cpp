#include "cli/output_options.hpp"

#include "dmf/problem/instance.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <stdexcept>

namespace dmf::cli {

void add_output_options(CLI::App* cmd, OutputOptions& o, unsigned min_bits) {
    auto* d = cmd->add_option("--digits", o.digits, "significant digits to print (default 50); works at D digits + 64 guard bits")
                  ->check(CLI::Range(5u, 100000u));
    auto* b = cmd->add_option("--bits", o.bits, "working precision in bits (default: enough for --digits)")
                  ->check(CLI::Range(min_bits, 1u << 20));
    d->excludes(b);
    cmd->add_flag("--json", o.json, "print one JSON document; every number is a decimal string");
}

void add_json_option_only(CLI::App* cmd, bool& json, const std::string& why) {
    cmd->add_flag("--json", json, "print one JSON document");
    // Not in --help (group ""): they exist only to say why they do not apply.
    // (A validator would lose the option's name: CLI11 does not name hidden options in errors.)
    for (const std::string name : {"--digits", "--bits"}) {
        const auto reject = [name, why](const CLI::results_t&) -> bool {
            throw CLI::ValidationError(name, "not accepted here: " + why);
        };
        cmd->add_option(name, reject, "not accepted: " + why)->expected(0, 1)->group("");
    }
}

Numerics numerics(const OutputOptions& o) {
    // The option ranges keep both within Precision's limits; a failure here is still bad input.
    try {
        if (o.bits) return {Precision::from_bits(*o.bits), std::max(5, static_cast<int>(*o.bits * 0.30103))};
        const unsigned d = o.digits.value_or(50);
        return {Precision::from_bits(static_cast<unsigned>(std::ceil(d * 3.3219280948873623)) + 64), static_cast<int>(d)};
    } catch (const std::invalid_argument& e) {
        throw InputError(std::string(o.bits ? "--bits: " : "--digits: ") + e.what());
    }
}

void print_report(const nlohmann::json& report, bool as_json, const std::function<void(const nlohmann::json&)>& render) {
    if (as_json) std::cout << report.dump(2) << "\n";
    else render(report);
}

std::string text_of(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace dmf::cli
