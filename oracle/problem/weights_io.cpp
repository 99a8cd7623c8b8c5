#include "dmf/problem/weights_io.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/capped_input.hpp"

#include <nlohmann/json.hpp>
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

// No array the oracle can use has more entries than an instance has parameters.
constexpr std::size_t kMaxArrayEntries = static_cast<std::size_t>(InstanceLimits::max_parameters);

// The .npy format (numpy's NEP 1): "\x93NUMPY", a version byte pair, the header length (2 bytes
// in version 1, 4 in versions 2 and 3), then a Python dict literal such as
//   {'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }
// and the raw values. Parsed here, strictly, rather than by xtensor's xnpy: fuzzing found xnpy
// reading before the start of a string on malformed headers (undefined behaviour), and xnpy sizes
// its buffer from the header's shape before anything could check it against the limits.
struct NpyHeader {
    std::string descr;
    bool fortran_order = false;
    std::vector<std::size_t> shape;
    std::size_t data_offset = 0;
};

NpyHeader parse_npy_header(const std::string& bytes, const std::string& where) {
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0) fail(where, "not a .npy array (no \\x93NUMPY magic)");
    const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(bytes[i])); };
    const std::size_t major = byte(6);
    std::size_t header_len = 0, start = 0;
    if (major == 1) {
        header_len = byte(8) | (byte(9) << 8), start = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) fail(where, "truncated .npy header");
        header_len = byte(8) | (byte(9) << 8) | (byte(10) << 16) | (byte(11) << 24), start = 12;
    } else {
        fail(where, "unsupported .npy version " + std::to_string(major));
    }
    if (header_len > bytes.size() - start) fail(where, "truncated .npy header");
    const std::string h = bytes.substr(start, header_len);
    const auto bad = [&](const std::string& why) -> void {
        fail(where, "not a valid .npy header (" + why + ")");
    };
    std::size_t i = 0;
    const auto skip = [&] { while (i < h.size() && (h[i] == ' ' || h[i] == '\n' || h[i] == '\t')) ++i; };
    const auto expect = [&](char c) {
        skip();
        if (i >= h.size() || h[i] != c) bad(std::string("expected '") + c + "'");
        ++i;
    };
    const auto quoted = [&] {
        skip();
        if (i >= h.size() || (h[i] != '\'' && h[i] != '"')) bad("expected a quoted string");
        const char q = h[i++];
        const auto end = h.find(q, i);
        if (end == std::string::npos) bad("unterminated string");
        std::string out = h.substr(i, end - i);
        i = end + 1;
        return out;
    };
    NpyHeader out;
    bool have_descr = false, have_order = false, have_shape = false;
    expect('{');
    for (;;) {
        skip();
        if (i < h.size() && h[i] == '}') { ++i; break; }
        const std::string key = quoted();
        expect(':');
        skip();
        if (key == "descr") {
            out.descr = quoted(), have_descr = true;
        } else if (key == "fortran_order") {
            if (h.compare(i, 4, "True") == 0) out.fortran_order = true, i += 4;
            else if (h.compare(i, 5, "False") == 0) out.fortran_order = false, i += 5;
            else bad("fortran_order must be True or False");
            have_order = true;
        } else if (key == "shape") {
            expect('(');
            std::size_t entries = 1;
            for (;;) {
                skip();
                if (i < h.size() && h[i] == ')') { ++i; break; }
                std::size_t n = 0, digits = 0;
                while (i < h.size() && h[i] >= '0' && h[i] <= '9') {
                    n = n * 10 + static_cast<std::size_t>(h[i++] - '0'), ++digits;
                    // The cap before the product can overflow or size an allocation.
                    if (n > kMaxArrayEntries)
                        fail(where, "shape has a dimension above " + std::to_string(kMaxArrayEntries) +
                                        " (the parameter limit)");
                }
                if (digits == 0) bad("shape entries must be non-negative integers");
                if (i < h.size() && h[i] == 'L') ++i;  // Python 2's long suffix
                out.shape.push_back(n);
                if (n != 0 && (entries *= n) > kMaxArrayEntries)
                    fail(where, "shape has more than " + std::to_string(kMaxArrayEntries) + " entries (the parameter limit)");
                skip();
                if (i < h.size() && h[i] == ',') ++i;
                else if (i >= h.size() || h[i] != ')') bad("expected ',' or ')' in shape");
            }
            have_shape = true;
        } else {
            bad("unknown key '" + key + "'");
        }
        skip();
        if (i < h.size() && h[i] == ',') ++i;
        else if (i >= h.size() || h[i] != '}') bad("expected ',' or '}'");
    }
    skip();
    if (i != h.size()) bad("text after the dict");
    if (!have_descr || !have_order || !have_shape) bad("needs descr, fortran_order and shape");
    out.data_offset = start + header_len;
    return out;
}

RawArray parse_npy(const std::string& bytes, const std::string& where) {
    static_assert(std::endian::native == std::endian::little, "the .npy reader assumes a little-endian host");
    const NpyHeader hd = parse_npy_header(bytes, where);
    if (hd.shape.size() != 2) fail(where, "must be a 2-D array, got " + std::to_string(hd.shape.size()) + " dimensions");
    const std::size_t width = hd.descr == "<f8" ? 8 : hd.descr == "<f4" ? 4 : 0;
    if (!width) fail(where, "unsupported dtype '" + hd.descr + "' (float64 '<f8' or float32 '<f4' only)");
    RawArray a;
    a.shape = hd.shape;
    const std::size_t rows = a.shape[0], cols = a.shape[1], count = rows * cols;  // <= the cap: no overflow
    const std::size_t have = bytes.size() - hd.data_offset;
    if (have < count * width)
        fail(where, "truncated .npy data (expected " + std::to_string(count * width) + " bytes of values, got " +
                        std::to_string(have) + ")");
    if (have > count * width) fail(where, "trailing bytes after the .npy data");
    a.data.resize(count);
    for (std::size_t k = 0; k < count; ++k) {
        const char* src = bytes.data() + hd.data_offset + k * width;
        double v;
        if (width == 8) {
            std::memcpy(&v, src, 8);
        } else {
            float f;
            std::memcpy(&f, src, 4);
            v = f;  // exact: every float32 is a float64
        }
        // Fortran order stores column by column; RawArray is row-major.
        const std::size_t r = hd.fortran_order ? k % rows : k / cols, c = hd.fortran_order ? k / rows : k % cols;
        a.data[r * cols + c] = v;
    }
    return a;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path.string(), "cannot open");
    check_file_size(path.string());
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
        // The member's stated size decides the allocation: cap it first (a zip bomb says 1 TB).
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxArrayEntries * 8 + 65536)
            fail(path + ":" + member, "member larger than the largest array an instance can use (" +
                                          std::to_string(kMaxArrayEntries) + " float64 entries)");
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
        header = parse_json_capped(bytes.substr(8, n));
    } catch (const InputError& e) {
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
        // Before count * width can overflow or size an allocation.
        if (a.shape[0] > kMaxArrayEntries || a.shape[1] > kMaxArrayEntries || a.shape[0] * a.shape[1] > kMaxArrayEntries)
            fail(where, "shape (" + std::to_string(a.shape[0]) + ", " + std::to_string(a.shape[1]) + ") has more than " +
                            std::to_string(kMaxArrayEntries) + " entries (the parameter limit)");
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
