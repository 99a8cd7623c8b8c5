// Shared by the fuzz targets: each reader takes a path, so the input is written to a file in a
// private temporary directory first. An InputError is the expected answer to bad bytes; any other
// exception escapes and libFuzzer reports it, as it reports crashes, hangs and sanitizer errors.
#pragma once

#include "dmf/problem/instance.hpp"
#include "dmf/problem/instance_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace dmf::fuzz {

inline const std::string& scratch_dir() {
    static const std::string dir = [] {
        std::string t = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + std::string("/dmf-fuzz-XXXXXX");
        if (!mkdtemp(t.data())) std::abort();
        return t;
    }();
    return dir;
}

inline std::string write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const std::string path = scratch_dir() + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                  static_cast<std::streamsize>(size));
    return path;
}

inline const Precision& fuzz_precision() {
    static const Precision p = Precision::from_bits(128);
    return p;
}

// examples/numpy_gd/instance.json: the weights in examples/ and tests/bad_weights/ fit it, so the
// seed corpus reaches past the shape checks.
inline const Instance& numpy_gd_instance() {
    static const Instance inst = instance_from_json(
        parse_json_exact(R"({"L": 3, "dims": [3, 2, 2, 3], "convention": "cjw", "lambda": [0.05, 0.1, 0.2],
                             "target": [[2.0, 0.5, 0.0], [0.0, 1.5, 0.25], [0.5, 0.0, 0.75]]})"),
        fuzz_precision());
    return inst;
}

template <class F>
int expect_input_error_only(F&& f) {
    try {
        f();
    } catch (const InputError&) {
    }
    return 0;
}

}  // namespace dmf::fuzz
