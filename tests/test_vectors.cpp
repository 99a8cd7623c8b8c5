// Test vectors (dmf/landscape/test_vectors.hpp, generators/vector_cases.hpp): exact decimals of
// binary numbers, rounding to binary64, and draws that depend only on (seed, index).
#include "dmf/landscape/test_vectors.hpp"
#include "dmf/problem/objective.hpp"
#include "generators/vector_cases.hpp"

#include <doctest/doctest.h>

#include <cfloat>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("vectors: exact decimals of binary numbers") {
    const Precision p = Precision::from_bits(128);
    PrecisionGuard g(p);
    CHECK(exact_decimal(Real(0)) == "0");
    CHECK(exact_decimal(Real(0.125)) == "0.125");
    CHECK(exact_decimal(Real(-3) * pow(Real(2), 70)) == "-3541774862152233910272");
    CHECK(exact_decimal(Real(0.1)) == "0.1000000000000000055511151231257827021181583404541015625");
    CHECK(exact_decimal(Real(-0.0078125)) == "-0.0078125");
    // Reading the decimal back at a higher precision gives the same number.
    const Real x = Real(1) / 3;
    CHECK(parse_real(exact_decimal(x), Precision::from_bits(1024)) == rounded(x, Precision::from_bits(1024)));
}

TEST_CASE("vectors: nearest binary64") {
    const Precision p = Precision::from_bits(256);
    PrecisionGuard g(p);
    const Real one = 1, u = pow(Real(2), -53);  // half an ulp of 1
    CHECK(*gen::nearest_binary64(one + u, p) == 1);                        // tie: to even
    CHECK(*gen::nearest_binary64(one + u + pow(Real(2), -80), p) == one + 2 * u);
    CHECK(*gen::nearest_binary64(Real(1) / 3, p) == Real(1.0 / 3.0));
    CHECK_FALSE(gen::nearest_binary64(Real(DBL_MIN) / 4, p));             // subnormal
    CHECK_FALSE(gen::nearest_binary64(pow(Real(2), 2000), p));            // overflow
    CHECK(*gen::nearest_binary64(Real(0), p) == 0);
}

TEST_CASE("vectors: a line depends only on (seed, index) and is binary64") {
    const std::vector<gen::VectorStratum> all{gen::VectorStratum::kp_scalar, gen::VectorStratum::cjw_matrix,
                                              gen::VectorStratum::kp_matrix};
    for (long long i = 0; i < 6; ++i) {
        const gen::VectorCase a = gen::vector_case(5, i, all, 2), b = gen::vector_case(5, i, all, 2);
        CHECK(a.stratum == all[static_cast<size_t>(i) % 3]);
        CHECK(a.instance.target == b.instance.target);
        CHECK(a.instance.lambda == b.instance.lambda);
        REQUIRE(a.points.size() == 2);
        CHECK(a.points[1].point == b.points[1].point);
        CHECK(a.points[1].direction == b.points[1].direction);
        for (Eigen::Index k = 0; k < a.instance.target.size(); ++k) {
            const Real& t = a.instance.target.data()[k];
            CHECK(Real(static_cast<double>(t)) == t);
        }
        CHECK((a.instance.convention == Convention::kp) == (a.stratum != gen::VectorStratum::cjw_matrix));
    }
    CHECK(gen::vector_case(5, 0, all, 1).points[0].point != gen::vector_case(6, 0, all, 1).points[0].point);
}

TEST_CASE("vectors: loss, gradient and HVP at 2p match the objective") {
    const Precision p = Precision::from_bits(128);
    const gen::VectorCase vc = gen::vector_case(9, 1, {gen::VectorStratum::cjw_matrix}, 1);
    const Instance inst = at_precision(vc.instance, p);
    const VectorPoint v = evaluate_vector_point(inst, vc.points[0].point, vc.points[0].direction, p);
    const Precision q = p.times(2);
    CHECK(v.loss == loss(at_precision(inst, q), vc.points[0].point, q));
    CHECK(bits_of(v.loss) == q.bits());
}

}  // TEST_SUITE
