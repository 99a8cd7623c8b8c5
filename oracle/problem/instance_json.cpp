#include "dmf/problem/instance_json.hpp"

#include "dmf/problem/capped_input.hpp"

#include "dmf/numerics/input_limits.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dmf::inline problem {

namespace {

using json = nlohmann::json;

// nlohmann's DOM builder with one change: a float keeps its lexeme as a string,
// so "0.1" and 0.1 both reach MPFR as the decimal text the user wrote.
class ExactNumberSax : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit ExactNumberSax(json& root) : json_sax_dom_parser<json>(root, true) {}
    bool number_float(json::number_float_t, const json::string_t& lexeme) {
        json::string_t copy = lexeme;
        return json_sax_dom_parser<json>::string(copy);
    }
    // The nesting cap (input_limits.hpp), checked while parsing: a file of a million '[' is an
    // error at byte 33, not a million-deep document (whose destruction would recurse).
    bool start_object(std::size_t n) { return enter() && json_sax_dom_parser<json>::start_object(n); }
    bool start_array(std::size_t n) { return enter() && json_sax_dom_parser<json>::start_array(n); }
    bool end_object() { --depth_; return json_sax_dom_parser<json>::end_object(); }
    bool end_array() { --depth_; return json_sax_dom_parser<json>::end_array(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        throw InputError("malformed JSON at byte " + std::to_string(position) + ": " + ex.what());
    }

private:
    bool enter() {
        if (++depth_ > InputLimits::max_json_depth)
            throw InputError("JSON nested deeper than the limit of " + std::to_string(InputLimits::max_json_depth) +
                             " arrays and objects");
        return true;
    }
    int depth_ = 0;
};

[[noreturn]] void field_error(const std::string& field, const std::string& what) {
    throw InputError("field '" + field + "': " + what);
}

Real number_at(const json& v, const std::string& field, const Precision& p) {
    if (v.is_number_integer()) return parse_real(v.dump(), p);
    if (v.is_string()) {
        try {
            return parse_real(v.get<std::string>(), p);
        } catch (const std::invalid_argument& e) {
            field_error(field, e.what());
        }
    }
    field_error(field, std::string("expected a number or a decimal string, got ") + v.type_name());
}

long long integer_at(const json& v, const std::string& field) {
    if (!v.is_number_integer()) field_error(field, std::string("expected an integer, got ") +
                                                      (v.is_string() ? "\"" + v.get<std::string>() + "\"" : v.type_name()));
    return v.get<long long>();
}

Matrix matrix_at(const json& v, const std::string& field, int rows, int cols, const Precision& p) {
    if (!v.is_array()) field_error(field, "expected a list of rows");
    if (static_cast<int>(v.size()) != rows)
        field_error(field, "expected " + std::to_string(rows) + " rows, got " + std::to_string(v.size()));
    Matrix m = zeros(rows, cols, p);
    for (int i = 0; i < rows; ++i) {
        const json& row = v[i];
        const std::string rf = field + "[" + std::to_string(i) + "]";
        if (!row.is_array()) field_error(rf, "expected a row (a list of numbers)");
        if (static_cast<int>(row.size()) != cols)
            field_error(rf, "expected " + std::to_string(cols) + " entries, got " + std::to_string(row.size()));
        for (int j = 0; j < cols; ++j) m(i, j) = number_at(row[j], rf + "[" + std::to_string(j) + "]", p);
    }
    return m;
}

void reject_unknown_fields(const json& j, const std::set<std::string>& known, const std::string& what) {
    if (!j.is_object()) throw InputError(what + ": expected a JSON object");
    for (const auto& [key, _] : j.items())
        if (!known.count(key)) field_error(key, "unknown field in " + what);
    for (const auto& k : known)
        if (!j.contains(k)) field_error(k, "missing from " + what);
}

}  // namespace

json parse_json_exact(const std::string& text) {
    json root;
    ExactNumberSax sax(root);
    json::sax_parse(text, &sax);
    return root;
}

Instance instance_from_json(const json& j, const Precision& p) {
    reject_unknown_fields(j, {"L", "dims", "lambda", "convention", "target"}, "instance");
    Instance inst;
    const long long L = integer_at(j["L"], "L");
    if (L < 1) field_error("L", "must be >= 1, got " + std::to_string(L));
    if (L > InstanceLimits::max_depth)
        field_error("L", "must be <= " + std::to_string(InstanceLimits::max_depth) + " (size limit), got " +
                             std::to_string(L));
    inst.L = static_cast<int>(L);

    const json& conv = j["convention"];
    if (!conv.is_string() || (conv != "cjw" && conv != "kp"))
        field_error("convention", "must be \"cjw\" or \"kp\", got " + conv.dump());
    inst.convention = conv == "cjw" ? Convention::cjw : Convention::kp;

    const json& dims = j["dims"];
    if (!dims.is_array()) field_error("dims", "expected a list of L + 1 integers");
    for (size_t i = 0; i < dims.size(); ++i) {
        const long long d = integer_at(dims[i], "dims[" + std::to_string(i) + "]");
        if (d <= 0 || d > InstanceLimits::max_width)
            field_error("dims[" + std::to_string(i) + "]",
                        "must be in [1, " + std::to_string(InstanceLimits::max_width) + "], got " + std::to_string(d));
        inst.dims.push_back(static_cast<int>(d));
    }
    if (static_cast<int>(inst.dims.size()) != inst.L + 1)
        field_error("dims", "must have L + 1 = " + std::to_string(inst.L + 1) + " entries, got " +
                                std::to_string(inst.dims.size()));
    if (inst.num_parameters() > InstanceLimits::max_parameters)
        field_error("dims", "N = " + std::to_string(inst.num_parameters()) + " parameters exceeds the limit " +
                                std::to_string(InstanceLimits::max_parameters));

    const json& lam = j["lambda"];
    if (lam.is_array()) {
        if (inst.convention == Convention::kp)
            field_error("lambda", "the kp convention takes one scalar lambda, got a list");
        if (static_cast<int>(lam.size()) != inst.L)
            field_error("lambda", "list must have L = " + std::to_string(inst.L) + " entries, got " +
                                      std::to_string(lam.size()));
        for (size_t i = 0; i < lam.size(); ++i)
            inst.lambda.push_back(number_at(lam[i], "lambda[" + std::to_string(i) + "]", p));
    } else {
        const Real v = number_at(lam, "lambda", p);
        if (inst.convention == Convention::kp)
            inst.lambda = {v};
        else
            inst.lambda.assign(inst.L, v);  // a scalar means the same lambda_l for every layer
    }
    inst.target = matrix_at(j["target"], "target", inst.dims.back(), inst.dims.front(), p);
    validate(inst);  // the remaining value checks (lambda > 0, ...) in one place
    inst.exact_source = std::make_shared<const json>(j);
    return inst;
}

Instance at_precision(const Instance& inst, const Precision& q) {
    if (inst.exact_source && !inst.lambda.empty()) {
        // Only while the instance still holds the values it was read with (nothing rescaled it).
        const Instance as_read = instance_from_json(*inst.exact_source, Precision::from_bits(bits_of(inst.lambda[0])));
        if (as_read.lambda == inst.lambda && as_read.target == inst.target && as_read.dims == inst.dims)
            return instance_from_json(*inst.exact_source, q);
    }
    Instance up = inst;
    up.exact_source.reset();
    for (auto& l : up.lambda) l = rounded(l, q);
    up.target = rounded(inst.target, q);
    return up;
}

Weights point_from_json(const json& j, const Instance& inst, const Precision& p) {
    reject_unknown_fields(j, {"weights"}, "point");
    const json& w = j["weights"];
    if (!w.is_array()) field_error("weights", "expected a list of L matrices");
    if (static_cast<int>(w.size()) != inst.L)
        field_error("weights", "must have L = " + std::to_string(inst.L) + " matrices, got " + std::to_string(w.size()));
    Weights out;
    for (int l = 1; l <= inst.L; ++l)
        out.push_back(matrix_at(w[l - 1], "weights[" + std::to_string(l - 1) + "]", inst.dims[l], inst.dims[l - 1], p));
    validate_point(inst, out);
    return out;
}

json matrix_to_json(const Matrix& m) {
    json rows = json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        json row = json::array();
        for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(to_exact_string(m(i, j)));
        rows.push_back(row);
    }
    return rows;
}

json instance_to_json(const Instance& inst) {
    json j;
    j["L"] = inst.L;
    j["dims"] = inst.dims;
    j["convention"] = to_string(inst.convention);
    if (inst.convention == Convention::kp) {
        j["lambda"] = to_exact_string(inst.lambda.at(0));
    } else {
        json l = json::array();
        for (const auto& v : inst.lambda) l.push_back(to_exact_string(v));
        j["lambda"] = l;
    }
    j["target"] = matrix_to_json(inst.target);
    return j;
}

json point_to_json(const Weights& w) {
    json arr = json::array();
    for (const auto& m : w) arr.push_back(matrix_to_json(m));
    return json{{"weights", arr}};
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read file '" + path + "'");
    check_file_size(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Instance load_instance(const std::string& path, const Precision& p) {
    try {
        return instance_from_json(parse_json_exact(read_text_file(path)), p);
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
}

Weights load_point(const std::string& path, const Instance& inst, const Precision& p) {
    try {
        return point_from_json(parse_json_exact(read_text_file(path)), inst, p);
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
}

}  // namespace dmf::problem
