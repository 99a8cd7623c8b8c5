#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("a counterexample round-trips through its file, exactly") {
    const Precision p = Precision::from_bits(256);
    const Instance inst = load_instance(std::string(DMF_SOURCE_DIR) + "/tests/good_instance.json", p);
    Counterexample c;
    c.claim = "KP.T6";
    c.precision_bits = p.bits();
    c.confirmed_at_bits = {p.bits(), p.times(2).bits()};
    c.instance = instance_to_json(inst);
    c.point = nullptr;
    c.parameters = {{"m", to_exact_string(parse_real("0.1", p))}};
    c.quantity = "lambda_L";
    c.printed = "1";
    c.computed = "2";
    c.violation_eps = "1e70";
    const auto dir = std::filesystem::temp_directory_path() / "dmf-corpus-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "case.json").string();
    save_counterexample(path, c);
    const Counterexample back = load_counterexample(path);
    CHECK(back.claim == c.claim);
    CHECK(back.confirmed_at_bits == c.confirmed_at_bits);
    const Instance inst2 = instance_from_json(parse_json_exact(back.instance.dump()), p);
    CHECK(inst2.target == inst.target);
    CHECK(parse_real(back.parameters["m"].get<std::string>(), p) == parse_real("0.1", p));
    // No temporary file is left beside it.
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a damaged counterexample file is an InputError naming the field") {
    const auto dir = std::filesystem::temp_directory_path() / "dmf-corpus-bad";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bad.json").string();
    write_file_atomically(path, R"({"schema": 1, "claim": "KP.T6"})");
    CHECK_THROWS_WITH_AS(load_counterexample(path), doctest::Contains("precision_bits"), InputError);
    write_file_atomically(path, R"({"schema": 1, )");
    CHECK_THROWS_WITH_AS(load_counterexample(path), doctest::Contains("malformed JSON"), InputError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("every stored counterexample in corpus/ parses") {
    const auto dir = std::filesystem::path(default_corpus_dir());
    if (!std::filesystem::exists(dir)) return;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") CHECK_NOTHROW(load_counterexample(e.path().string()));
}

}  // TEST_SUITE
