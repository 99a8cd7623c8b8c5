// The "fast dense path" candidate: Eigen's symmetric eigensolver on a stack-allocated precision
// (number<mpfr_float_backend<77>, et_off>, 77 digits = 257 bits, no heap allocation per number)
// against the Foundation's dynamic-precision path (mpfr_float_backend<0>) at 257 bits, on the
// same matrices in the same run; and the MPFR-direct path (oracle/mpfr_eigenvalues.hpp).
#include "dmf/numerics/linalg.hpp"
#include "dmf/numerics/mpfr_eigenvalues.hpp"
#include "dmf/numerics/random.hpp"

#include <boost/multiprecision/mpfr.hpp>
#include <Eigen/Eigenvalues>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace dmf;
using Static = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<77>, boost::multiprecision::et_off>;

// Eigen traits for the fixed-precision type (as oracle/eigen_support.hpp does for the dynamic one;
// Boost 1.74's eigen.hpp lacks infinity() and quiet_NaN()).
namespace Eigen {
template <>
struct NumTraits<Static> : GenericNumTraits<Static> {
    using Real = Static;
    using NonInteger = Static;
    using Nested = Static;
    using Literal = double;
    enum { IsComplex = 0, IsInteger = 0, IsSigned = 1, RequireInitialization = 1, ReadCost = 1, AddCost = 4, MulCost = 8 };
    static Real epsilon() { return std::numeric_limits<Static>::epsilon(); }
    static Real dummy_precision() { return epsilon() * 1024; }
    static Real highest() { return (std::numeric_limits<Static>::max)(); }
    static Real lowest() { return -highest(); }
    static Real infinity() { return std::numeric_limits<Static>::infinity(); }
    static Real quiet_NaN() { return std::numeric_limits<Static>::quiet_NaN(); }
    static int digits10() { return 77; }
    static int digits() { return std::numeric_limits<Static>::digits; }
};
template <typename Op>
struct ScalarBinaryOpTraits<Static, double, Op> { using ReturnType = Static; };
template <typename Op>
struct ScalarBinaryOpTraits<double, Static, Op> { using ReturnType = Static; };
template <typename Op>
struct ScalarBinaryOpTraits<Static, int, Op> { using ReturnType = Static; };
template <typename Op>
struct ScalarBinaryOpTraits<int, Static, Op> { using ReturnType = Static; };
}  // namespace Eigen
using StaticMatrix = Eigen::Matrix<Static, Eigen::Dynamic, Eigen::Dynamic>;

template <class F>
double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main(int argc, char** argv) {
    std::vector<int> sizes = {50, 100, 200};
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    }
    const Precision p = Precision::from_bits(257);
    std::printf("%6s %16s %16s %10s %16s %16s %10s %16s\n", "N", "dynamic257 s", "static77dig s", "speedup", "max |diff|",
                "mpfr-direct s", "speedup", "max |diff|/eps");
    for (int n : sizes) {
        Rng rng(static_cast<std::uint64_t>(n));
        Matrix G = gaussian_matrix(n, n, rng, p);
        Matrix A;
        {
            PrecisionGuard g(p);
            A = (G + G.transpose()) / 2;
        }
        StaticMatrix S(n, n);
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) S(i, j) = Static(A(i, j).str(0, std::ios_base::scientific));
        SymmetricEigen e;
        const double td = seconds([&] { e = symmetric_eigen_library(A, p, false); });
        Eigen::Matrix<Static, Eigen::Dynamic, 1> es;
        const double ts = seconds([&] { es = Eigen::SelfAdjointEigenSolver<StaticMatrix>(S, Eigen::EigenvaluesOnly).eigenvalues(); });
        PrecisionGuard g(p);
        Real diff = 0;
        for (int i = 0; i < n; ++i) diff = std::max(diff, Real(abs(e.values(i) - Real(es(i).str(0, std::ios_base::scientific)))));
        Eigenvalues em;
        const double tm = seconds([&] { em = symmetric_eigenvalues_mpfr(A, p); });
        Real dm = 0;
        for (int i = 0; i < n; ++i) dm = std::max(dm, Real(abs(e.values(i) - em.values(i))));
        const Real norm = std::max(abs(e.values(0)), abs(e.values(n - 1)));
        std::printf("%6d %16.4g %16.4g %10.2f %16.3g %16.4g %10.2f %16.3g\n", n, td, ts, td / ts, diff.convert_to<double>(), tm,
                    td / tm, static_cast<double>(dm / (epsilon(p) * norm)));
    }
    return 0;
}
