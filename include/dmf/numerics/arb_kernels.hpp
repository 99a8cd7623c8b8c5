// Internal to oracle/: included only by oracle/*.cpp, which see Arb's include paths (dmf_oracle links
// Arb privately); not installed (CMakeLists.txt), so the installed headers name no Arb type. Midpoint-only Arb
// matrices and vectors for the Hessian-vector product and the Krylov basis. Arb's approximate dot
// product (arb_approx_dot: one fixed-point accumulation, a single rounding to p at the end) runs at
// about 9 ns a term at 128 bits against about 85 ns for an mpfr_fma chain (measured in this
// repository's bench, issue 19), and arb_mat_approx_mul is built on it (or on exact fmpz block
// products for large matrices). Radii are ignored: these are floating-point kernels, and the
// certificates are computed from their results (explicit residuals), not from the radii.
#pragma once

#include "dmf/numerics/linalg.hpp"

#include <arb.h>
#include <arb_mat.h>
#include <flint/flint.h>

#include <algorithm>
#include <initializer_list>
#include <thread>
#include <utility>
#include <vector>

namespace dmf::inline numerics::arbk {

inline void set(arb_ptr x, const Real& v) {
    arf_set_mpfr(arb_midref(x), v.backend().data());
    mag_zero(arb_radref(x));
}
// v keeps its own precision (the caller's p): one rounding, to nearest.
inline void get(Real& v, arb_srcptr x) { arf_get_mpfr(v.backend().data(), arb_midref(x), MPFR_RNDN); }

class Mat {
public:
    Mat() { arb_mat_init(m_, 0, 0); }
    Mat(slong r, slong c) { arb_mat_init(m_, r, c); }
    explicit Mat(const Matrix& a) : Mat(a.rows(), a.cols()) {
        for (slong i = 0; i < rows(); ++i)
            for (slong j = 0; j < cols(); ++j) set(at(i, j), a(i, j));
    }
    Mat(const Mat& o) : Mat(o.rows(), o.cols()) { arb_mat_set(m_, o.m_); }
    Mat(Mat&& o) noexcept { arb_mat_init(m_, 0, 0); arb_mat_swap(m_, o.m_); }
    Mat& operator=(Mat o) noexcept { arb_mat_swap(m_, o.m_); return *this; }
    ~Mat() { arb_mat_clear(m_); }
    slong rows() const { return arb_mat_nrows(m_); }
    slong cols() const { return arb_mat_ncols(m_); }
    arb_ptr at(slong i, slong j) { return arb_mat_entry(m_, i, j); }
    arb_srcptr at(slong i, slong j) const { return arb_mat_entry(m_, i, j); }
    arb_mat_struct* get() { return m_; }
    const arb_mat_struct* get() const { return m_; }
    Mat transposed() const {
        Mat t(cols(), rows());
        arb_mat_transpose(t.m_, m_);
        return t;
    }

private:
    arb_mat_t m_;
};

// One operand of a concatenated product, transposed or not.
struct Piece {
    const Mat* m;
    bool t = false;
    slong rows() const { return t ? m->cols() : m->rows(); }
    slong cols() const { return t ? m->rows() : m->cols(); }
    arb_srcptr at(slong i, slong j) const { return t ? m->at(j, i) : m->at(i, j); }
};

inline Mat hcat(std::initializer_list<Piece> ps) {
    slong c = 0;
    for (const auto& p : ps) c += p.cols();
    Mat out(ps.begin()->rows(), c);
    slong off = 0;
    for (const auto& p : ps) {
        for (slong i = 0; i < p.rows(); ++i)
            for (slong j = 0; j < p.cols(); ++j) arb_set(out.at(i, off + j), p.at(i, j));
        off += p.cols();
    }
    return out;
}

inline Mat vcat(std::initializer_list<Piece> ps) {
    slong r = 0;
    for (const auto& p : ps) r += p.rows();
    Mat out(r, ps.begin()->cols());
    slong off = 0;
    for (const auto& p : ps) {
        for (slong i = 0; i < p.rows(); ++i)
            for (slong j = 0; j < p.cols(); ++j) arb_set(out.at(off + i, j), p.at(i, j));
        off += p.rows();
    }
    return out;
}

// a b, approximately (each entry one dot product rounded to prec).
inline Mat mul(const Mat& a, const Mat& b, slong prec) {
    Mat c(a.rows(), b.cols());
    if (a.cols() == 0) return c;  // zero matrix
    arb_mat_approx_mul(c.get(), a.get(), b.get(), prec);
    return c;
}

// Run f on a thread of its own that frees FLINT's and MPFR's thread-local caches on exit (the
// thread is not reused).
template <class F>
std::thread spawn(F f) {
    return std::thread([f = std::move(f)]() mutable {
        f();
        flint_cleanup();
        mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    });
}

}  // namespace dmf::numerics::arbk

namespace dmf::inline numerics::arbk {

// f(begin, end) over [0, n) split into up to `threads` contiguous ranges, the first on the calling
// thread (the others on spawn()ed threads); inline when that is one range.
template <class F>
void parallel(slong n, unsigned threads, const F& f) {
    const slong t = std::min<slong>(std::max<unsigned>(1, threads), n);
    if (t <= 1) {
        f(slong{0}, n);
        return;
    }
    std::vector<std::thread> pool;
    for (slong k = 1; k < t; ++k) pool.push_back(spawn([&f, n, k, t] { f(n * k / t, n * (k + 1) / t); }));
    f(slong{0}, n / t);
    for (auto& th : pool) th.join();
}

}  // namespace dmf::numerics::arbk
