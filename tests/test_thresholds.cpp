// Every printed scalar threshold against its numeric twin (bisection on the
// defining event, dmf/landscape/scalar_thresholds.hpp): <= 8 eps at 256 and 1024 bits,
// tau of (13), m of (26), ybar of (43), lambda_c of Corollary 14,
// for L in {1, 2, 3, 4, 7, 12} and lambda in {1e-20, 0.37, 1, 1e20}.
// Where the printed formula is undefined (L = 1) the twin says what happens instead.
// The full table at 1024 bits takes about 9 CPU minutes: it is in suite "slow" (CTest
// label slow, not run by ./dmf test); three of its rows run by default.
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/landscape/scalar_thresholds.hpp"
#include "dmf/numerics/tolerance.hpp"

#include <doctest/doctest.h>

#include <iostream>
#include <vector>

using namespace dmf;

namespace {

const char* kValues[] = {"1e-20", "0.37", "1", "1e20"};

void compare(const char* name, int L, const char* value, const Formula& printed, const Bracket& twin,
             const Precision& p, ErrorReport& report) {
    const std::string where = std::string(name) + " L=" + std::to_string(L) + " value=" + value;
    CAPTURE(where);
    if (!printed.value) {
        // The printed formula is undefined: the twin must show there is no positive threshold.
        INFO("printed undefined: " << printed.undefined_reason << "; twin: " << twin.note);
        CHECK(L == 1);
        CHECK_FALSE(twin.exists);
        return;
    }
    REQUIRE_MESSAGE(twin.exists, twin.note);
    CHECK_MESSAGE(!twin.stopped_undecided, twin.note);
    const Real d = eps_distance(twin.mid(), *printed.value, p);
    report.add(d, where);
    CHECK_MESSAGE(d <= 8, name << ": printed " << to_string(*printed.value, 40) << " twin ["
                                 << to_string(twin.lo, 40) << ", " << to_string(twin.hi, 40) << "] distance "
                                 << to_string(d, 6) << " eps");
}

struct Row {
    int L;
    const char* value;
};

void run_rows(unsigned bits, const std::vector<Row>& rows) {
    const Precision p = Precision::from_bits(bits);
    ErrorReport report;
    for (const Row& row : rows) {
        const int L = row.L;
        const char* v = row.value;
        const Real x = parse_real(v, p);
        const Bracket tau = tau_twin(L, x, p);
        compare("tau", L, v, kp_tau(L, x, p), tau, p, report);
        // (26): at the threshold m = (2 - q) / (2 (1 - q)) rho_m, with rho_m = (lambda (1 - q))^{1/(2 - q)}.
        if (L >= 3) compare("m of (26)", L, v, kp_m_from_rho_m(L, *kp_rho_m(L, x, p).value, p), tau, p, report);
        compare("ybar", L, v, cjw_y_bar(L, x, p), y_bar_twin(L, x, p), p, report);
        compare("lambda_c", L, v, kp_collapse_lambda(L, x, p), collapse_lambda_twin(L, x, p), p, report);
    }
    MESSAGE("thresholds at " << p.bits() << " bits, " << rows.size() << " rows: " << report.summary());
}

void run_table(unsigned bits, std::initializer_list<int> depths) {
    std::vector<Row> rows;
    for (int L : depths)
        for (const char* v : kValues) rows.push_back({L, v});
    run_rows(bits, rows);
}

}  // namespace

TEST_SUITE("threshold") {
// Split so CTest can run the 1024-bit parts on two cores. (No commas in names:
// doctest's --test-case filter splits on them.)
TEST_CASE("thresholds at 256 bits") { run_table(256, {1, 2, 3, 4, 7, 12}); }
// About 15 s: the undefined L = 1 branch, m of (26) at a large lambda, and the deepest L.
TEST_CASE("thresholds at 1024 bits for three rows") { run_rows(1024, {{1, "0.37"}, {3, "1e20"}, {12, "1"}}); }
// The full table at 1024 bits: about 4 and 5 CPU minutes.
TEST_CASE("thresholds at 1024 bits for L up to 7" * doctest::test_suite("slow")) { run_table(1024, {1, 2, 3, 4, 7}); }
TEST_CASE("thresholds at 1024 bits for L 12" * doctest::test_suite("slow")) { run_table(1024, {12}); }
}
