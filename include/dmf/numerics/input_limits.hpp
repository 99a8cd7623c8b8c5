// What a file or an option may make the oracle do. Every reader checks these caps before it
// allocates or computes anything that grows with the input (docs/cli.md, "Limits"); a value past
// a cap is an InputError naming the cap, never an allocation or an hour of work. Instance sizes
// (depth, widths, parameters) are in dmf/problem/instance.hpp (InstanceLimits).
#pragma once

#include <cstddef>

namespace dmf::inline numerics {

struct InputLimits {
    // Any file the oracle reads (instance, point, weights, corpus): 1 GiB. The largest instance
    // (N = 4,194,304 parameters as float64, or a 4096 x 4096 target as decimals) is far below.
    static constexpr std::size_t max_file_bytes = std::size_t{1} << 30;
    // Nesting of JSON arrays and objects; an instance needs 3 (object, target, row).
    static constexpr int max_json_depth = 32;
    // One decimal number as written: 10,000 characters (about 33,000 bits of mantissa).
    static constexpr std::size_t max_decimal_chars = 10'000;
    // Magnitudes: every non-zero number in [1e-400, 1e400], which holds every float64 (subnormals
    // included). The exact decisions evaluate rational polynomials whose sizes grow with the
    // exponent: `scalar --L 3 --lambda 1e300` takes 16 s of CPU, 1e1000 two minutes, 1e2000 over
    // three; the cap keeps every input within about half a minute.
    static constexpr long max_decimal_exponent = 400;
};

}  // namespace dmf::numerics
