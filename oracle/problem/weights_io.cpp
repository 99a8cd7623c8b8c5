#include "dmf/problem/weights_io.hpp"

#include "dmf/problem/instance_json.hpp"

#include <nlohmann/json.hpp>
#include <xtensor/xnpy.hpp>
#include <zip.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace dmf::inline problem {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw InputError(where + ": " + what); }

// One array as read: shape, row-major doubles (float32 widened exactly).
struct RawArray {
    std::vector<std::size_t> shape;
    std::vector<double> data;  // row-major
};

RawArray parse_npy(const std::string& bytes, const std::string& where) {
    static_assert(std::endian::native == std::endian::little, "the .npy reader assumes a little-endian host");
    std::istringstream in(bytes);
    xt::detail::npy_file f = [&] {
        try {
            return xt::detail::load_npy_file(in);
        } catch (const std::exception& e) {
            fail(where, std::string("not a valid .npy array (") + e.what() + ")");
        }
    }();
    if (in.fail()) fail(where, "truncated .npy data (expected " + std::to_string(f.m_n_bytes) + " bytes of values)");
    RawArray a;
    a.shape = f.m_shape;
    if (a.shape.size() != 2) fail(where, "must be a 2-D array, got " + std::to_string(a.shape.size()) + " dimensions");
    const std::size_t rows = a.shape[0], cols = a.shape[1];
    a.data.resize(rows * cols);
    auto fill = [&](auto&& view) {
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) a.data[i * cols + j] = static_cast<double>(view(i, j));
    };
    if (f.m_typestring == "<f8") fill(f.cast<double>());
    else if (f.m_typestring == "<f4") fill(f.cast<float>());
    else fail(where, "unsupported dtype '" + f.m_typestring + "' (float64 '<f8' or float32 '<f4' only)");
    return a;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path.string(), "cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The arrays named W1..WL, else arr_0..arr_{L-1}; `find` returns nullptr for a missing name.
template <class Find>
std::vector<RawArray> pick_arrays(int L, const std::string& where, const std::vector<std::string>& available, Find find) {
    for (const bool arr : {false, true}) {
        std::vector<RawArray> out;
        for (int l = 1; l <= L; ++l) {
            const std::string name = arr ? "arr_" + std::to_string(l - 1) : "W" + std::to_string(l);
            auto a = find(name);
            if (!a) break;
            out.push_back(std::move(*a));
        }
        if (static_cast<int>(out.size()) == L) return out;
    }
    std::string names;
    for (const auto& n : available) names += (names.empty() ? "" : ", ") + n;
    fail(where, "missing array: need W1..W" + std::to_string(L) + " or arr_0..arr_" + std::to_string(L - 1) +
                    "; found [" + names + "]");
}

std::vector<RawArray> read_npz(const std::string& path, int L) {
    int err = 0;
    std::unique_ptr<zip_t, decltype(&zip_discard)> z(zip_open(path.c_str(), ZIP_RDONLY, &err), zip_discard);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const std::string msg = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        fail(path, "not a readable .npz (zip) file: " + msg);
    }
    std::vector<std::string> names;
    const zip_int64_t n = zip_get_num_entries(z.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) names.push_back(zip_get_name(z.get(), static_cast<zip_uint64_t>(i), 0));
    return pick_arrays(L, path, names, [&](const std::string& name) -> std::optional<RawArray> {
        const std::string member = name + ".npy";
        const zip_int64_t idx = zip_name_locate(z.get(), member.c_str(), 0);
        if (idx < 0) return std::nullopt;
        zip_stat_t st;
        if (zip_stat_index(z.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0) fail(path + ":" + member, "cannot stat");
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z.get(), static_cast<zip_uint64_t>(idx), 0),
                                                             zip_fclose);
        if (!f) fail(path + ":" + member, std::string("cannot open: ") + zip_strerror(z.get()));
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        const zip_int64_t got = zip_fread(f.get(), bytes.data(), st.size);
        if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) fail(path + ":" + member, "truncated or corrupt member");
        return parse_npy(bytes, path + ":" + member);
    });
}

std::vector<RawArray> read_npy_directory(const fs::path& dir, int L) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".npy") names.push_back(e.path().filename().string());
    return pick_arrays(L, dir.string(), names, [&](const std::string& name) -> std::optional<RawArray> {
        const fs::path f = dir / (name + ".npy");
        if (!fs::exists(f)) return std::nullopt;
        return parse_npy(read_file(f), f.string());
    });
}

std::vector<RawArray> read_safetensors(const std::string& path, int L) {
    const std::string bytes = read_file(path);
    if (bytes.size() < 8) fail(path, "truncated .safetensors file (no header length)");
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    if (n > bytes.size() - 8) fail(path, "truncated .safetensors file (header length " + std::to_string(n) + ")");
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(bytes.substr(8, n));
    } catch (const std::exception& e) {
        fail(path, std::string("bad .safetensors header: ") + e.what());
    }
    if (!header.is_object()) fail(path, "bad .safetensors header: not a JSON object");
    const std::size_t base = 8 + n;
    std::vector<std::string> names;
    for (auto& [k, v] : header.items())
        if (k != "__metadata__") names.push_back(k);
    return pick_arrays(L, path, names, [&](const std::string& name) -> std::optional<RawArray> {
        if (!header.contains(name)) return std::nullopt;
        const auto& t = header[name];
        const std::string where = path + ":" + name;
        if (!t.is_object() || !t.contains("dtype") || !t.contains("shape") || !t.contains("data_offsets"))
            fail(where, "tensor entry needs dtype, shape and data_offsets");
        const std::string dtype = t["dtype"].is_string() ? t["dtype"].get<std::string>() : "?";
        const std::size_t width = dtype == "F64" ? 8 : dtype == "F32" ? 4 : 0;
        if (!width) fail(where, "unsupported dtype '" + dtype + "' (F64 or F32 only)");
        RawArray a;
        for (const auto& s : t["shape"]) {
            if (!s.is_number_unsigned()) fail(where, "shape entries must be non-negative integers");
            a.shape.push_back(s.get<std::size_t>());
        }
        if (a.shape.size() != 2) fail(where, "must be a 2-D tensor, got " + std::to_string(a.shape.size()) + " dimensions");
        const auto& off = t["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            fail(where, "data_offsets must be two non-negative integers");
        const std::size_t begin = off[0].get<std::size_t>(), end = off[1].get<std::size_t>();
        const std::size_t count = a.shape[0] * a.shape[1];
        if (end < begin || end - begin != count * width) fail(where, "data_offsets do not match shape and dtype");
        if (base + end > bytes.size()) fail(where, "truncated tensor data");
        a.data.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            const char* src = bytes.data() + base + begin + i * width;
            if (width == 8) {
                double d;
                std::memcpy(&d, src, 8);
                a.data[i] = d;
            } else {
                float f;
                std::memcpy(&f, src, 4);
                a.data[i] = f;
            }
        }
        return a;
    });
}

}  // namespace

Weights load_weights(const std::string& path, const Instance& inst, const Precision& p) {
    if (p.bits() < 53) throw std::invalid_argument("load_weights: precision below 53 bits cannot hold float64 exactly");
    const fs::path fp(path);
    if (!fs::exists(fp)) fail(path, "no such file or directory");
    const std::string ext = fp.extension().string();
    if (ext == ".json") return load_point(path, inst, p);
    std::vector<RawArray> arrays;
    if (fs::is_directory(fp)) arrays = read_npy_directory(fp, inst.L);
    else if (ext == ".npz") arrays = read_npz(path, inst.L);
    else if (ext == ".safetensors") arrays = read_safetensors(path, inst.L);
    else if (ext == ".npy") fail(path, "a single .npy holds one array: give the directory of W1.npy..WL.npy");
    else fail(path, "unknown weights format (expected .json, .npz, .safetensors, or a directory of .npy files)");
    Weights w;
    for (int l = 1; l <= inst.L; ++l) {
        const RawArray& a = arrays[l - 1];
        const std::size_t rows = static_cast<std::size_t>(inst.dims[l]), cols = static_cast<std::size_t>(inst.dims[l - 1]);
        if (a.shape[0] != rows || a.shape[1] != cols)
            fail(path, "W" + std::to_string(l) + " has shape (" + std::to_string(a.shape[0]) + ", " +
                           std::to_string(a.shape[1]) + "), the instance needs (d_" + std::to_string(l) + ", d_" +
                           std::to_string(l - 1) + ") = (" + std::to_string(rows) + ", " + std::to_string(cols) + ")");
        Matrix m = zeros(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols), p);
        PrecisionGuard g(p);
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) {
                const double v = a.data[i * cols + j];
                if (!std::isfinite(v)) fail(path, "W" + std::to_string(l) + " has a non-finite entry");
                m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = Real(v);  // exact: p >= 53 bits
            }
        w.push_back(std::move(m));
    }
    validate_point(inst, w);
    return w;
}

}  // namespace dmf::problem
