#include "search/case_text.hpp"

#include <algorithm>

namespace dmf::search_detail {

std::uint64_t fnv1a(const std::string& s, std::uint64_t h) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::string describe(const Instance& inst) {
    std::string s = "L=" + std::to_string(inst.L) + " dims=[";
    for (size_t i = 0; i < inst.dims.size(); ++i) s += (i ? "," : "") + std::to_string(inst.dims[i]);
    s += "] lambda=[";
    for (size_t i = 0; i < inst.lambda.size(); ++i) s += (i ? "," : "") + to_string(inst.lambda[i], 12);
    s += "] y=[";
    const int r = static_cast<int>(std::min(inst.target.rows(), inst.target.cols()));
    for (int i = 0; i < r; ++i) s += (i ? "," : "") + to_string(inst.target(i, i), 12);
    return s + "]";
}

}  // namespace dmf::search_detail
