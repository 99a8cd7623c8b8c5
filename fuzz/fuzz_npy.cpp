// The .npy reader: any bytes as W1.npy in a directory of .npy files, for a depth-1 instance whose
// W1 is 2 x 3 (the shape of examples/numpy_gd/weights_npy/W1.npy, a seed).
#include "fuzz_support.hpp"

#include "dmf/problem/weights_io.hpp"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const dmf::Instance inst = dmf::instance_from_json(
        dmf::parse_json_exact(R"({"L": 1, "dims": [3, 2], "convention": "cjw", "lambda": 0.1,
                                  "target": [[1, 0, 0], [0, 1, 0]]})"),
        dmf::fuzz::fuzz_precision());
    static const std::string dir = [] {
        const std::string d = dmf::fuzz::scratch_dir() + "/npy";
        std::filesystem::create_directories(d);
        return d;
    }();
    dmf::fuzz::write_input("npy/W1.npy", data, size);
    return dmf::fuzz::expect_input_error_only(
        [&] { (void)dmf::load_weights(dir, inst, dmf::fuzz::fuzz_precision()); });
}
