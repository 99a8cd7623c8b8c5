// The point reader: any bytes as a point JSON {"weights": [...]} for examples/numpy_gd's instance.
#include "fuzz_support.hpp"

#include "dmf/problem/weights_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = dmf::fuzz::write_input("point.json", data, size);
    return dmf::fuzz::expect_input_error_only(
        [&] { (void)dmf::load_weights(path, dmf::fuzz::numpy_gd_instance(), dmf::fuzz::fuzz_precision()); });
}
