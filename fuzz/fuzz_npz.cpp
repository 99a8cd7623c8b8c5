// The .npz reader (zip container via libzip, members parsed as .npy), for examples/numpy_gd.
#include "fuzz_support.hpp"

#include "dmf/problem/weights_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = dmf::fuzz::write_input("weights.npz", data, size);
    return dmf::fuzz::expect_input_error_only(
        [&] { (void)dmf::load_weights(path, dmf::fuzz::numpy_gd_instance(), dmf::fuzz::fuzz_precision()); });
}
