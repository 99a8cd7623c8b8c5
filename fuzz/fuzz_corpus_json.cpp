// The counterexample reader (corpus/ files, as `replay` reads them).
#include "fuzz_support.hpp"

#include "dmf/problem/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = dmf::fuzz::write_input("case.json", data, size);
    return dmf::fuzz::expect_input_error_only([&] { (void)dmf::load_counterexample(path); });
}
