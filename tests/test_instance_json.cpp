#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

using namespace dmf;

namespace {
const std::string kTests = std::string(DMF_SOURCE_DIR) + "/tests";
}

TEST_SUITE("unit") {

TEST_CASE("a valid instance reads exactly: JSON numbers and decimal strings both via their text") {
    const Precision p = Precision::from_bits(256);
    const Instance inst = load_instance(kTests + "/good_instance.json", p);
    CHECK(inst.L == 2);
    CHECK(inst.dims == std::vector<int>{2, 3, 2});
    CHECK(inst.convention == Convention::cjw);
    REQUIRE(inst.lambda.size() == 2u);  // a scalar lambda means the same lambda_l for each layer
    CHECK(inst.lambda[0] == parse_real("0.5", p));
    CHECK(inst.target(1, 1) == parse_real("0.25", p));
    // Round trip through exact strings.
    const Instance back = instance_from_json(parse_json_exact(instance_to_json(inst).dump()), p);
    CHECK(back.target == inst.target);
    CHECK(back.lambda == inst.lambda);
}

TEST_CASE("a JSON float is read from its lexeme, not through double") {
    const Precision p = Precision::from_bits(256);
    const auto j = parse_json_exact(R"({"L":1,"dims":[1,1],"lambda":0.1,"convention":"kp","target":[[0.3]]})");
    const Instance inst = instance_from_json(j, p);
    PrecisionGuard g(p);
    CHECK(inst.lambda[0] == Real(1) / 10);
    CHECK(inst.target(0, 0) == Real(3) / 10);
}

TEST_CASE("every bad instance file gives an InputError naming the field") {
    const Precision p = Precision::from_bits(128);
    const std::map<std::string, std::string> expected = {
        {"missing_field", "'target'"},         {"unknown_field", "'extra'"},
        {"depth_zero", "'L'"},                 {"depth_not_integer", "'L'"},
        {"dims_wrong_length", "'dims'"},       {"dims_zero", "'dims[1]'"},
        {"dims_negative", "'dims[1]'"},        {"target_too_few_rows", "'target'"},
        {"target_ragged_row", "'target[1]'"},  {"target_non_numeric", "'target[0][1]'"},
        {"lambda_zero", "'lambda"},            {"lambda_negative", "'lambda"},
        {"lambda_nan", "'lambda'"},            {"lambda_inf", "'lambda'"},
        {"lambda_non_numeric", "'lambda'"},    {"lambda_list_wrong_length", "'lambda'"},
        {"lambda_list_for_kp", "'lambda'"},    {"lambda_list_entry_negative", "'lambda[1]'"},
        {"convention_unknown", "'convention'"}, {"depth_over_limit", "'L'"},
        {"width_over_limit", "'dims[0]'"},     {"parameters_over_limit", "'dims'"},
        {"malformed_json", "malformed JSON"},  {"not_an_object", "expected a JSON object"},
        {"target_overflow", "'target[0][0]'"},
        // The caps of dmf/numerics/input_limits.hpp.
        {"nesting_too_deep", "nested deeper than the limit"}, {"number_too_long", "'lambda'"},
        {"lambda_magnitude_over_limit", "'lambda'"},          {"target_magnitude_under_limit", "'target[0][0]'"},
    };
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kTests + "/bad_inputs")) {
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        REQUIRE_MESSAGE(expected.count(name), "add the expected field for " << name);
        try {
            load_instance(entry.path().string(), p);
            FAIL("accepted a bad instance: " << name);
        } catch (const InputError& e) {
            const std::string what = e.what();
            CHECK_MESSAGE(what.find(expected.at(name)) != std::string::npos, what);
            CHECK(what.find('\n') == std::string::npos);  // one line
        }
        ++seen;
    }
    CHECK(seen == static_cast<int>(expected.size()));
}

TEST_CASE("points: shape and value errors name the weight") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = load_instance(kTests + "/good_instance.json", p);
    const auto ok = parse_json_exact(R"({"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5,6]]]})");
    CHECK(point_from_json(ok, inst, p).size() == 2u);
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"({"weights":[[[1,2],[3,4],[5,6]]]})", "'weights'"},
        {R"({"weights":[[[1,2],[3,4]],[[1,2,3],[4,5,6]]]})", "'weights[0]'"},
        {R"({"weights":[[[1,2],[3,4],[5,6]],[[1,2,3],[4,5]]]})", "'weights[1][1]'"},
        {R"({"weights":[[[1,2],[3,"x"],[5,6]],[[1,2,3],[4,5,6]]]})", "'weights[0][1][1]'"},
        {R"({"w":[]})", "'w'"},
    };
    for (const auto& [text, field] : bad) {
        CAPTURE(text);
        try {
            point_from_json(parse_json_exact(text), inst, p);
            FAIL("accepted a bad point");
        } catch (const InputError& e) {
            CHECK_MESSAGE(std::string(e.what()).find(field) != std::string::npos, e.what());
        }
    }
}

TEST_CASE("instances built in code are validated by the same rules") {
    const Precision p = Precision::from_bits(64);
    Instance inst = load_instance(kTests + "/good_instance.json", p);
    inst.lambda[1] = parse_real("-1", p);
    CHECK_THROWS_AS(validate(inst), InputError);
}

}  // TEST_SUITE
