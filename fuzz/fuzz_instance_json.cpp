// The instance reader: any bytes as an instance file (as `evaluate`, `solve`, ... read it).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = dmf::fuzz::write_input("instance.json", data, size);
    return dmf::fuzz::expect_input_error_only([&] { (void)dmf::load_instance(path, dmf::fuzz::fuzz_precision()); });
}
