// Doubly stochastic matrices, for KP's Appendix B (Remark 26, Lemmas 28, 29, 31, Corollary 30):
// random members built as convex combinations of permutation matrices, the greedy Birkhoff
// decomposition of the proof of KP Lemma 29 (a permutation on the positive support by bipartite
// matching, subtract its smallest entry, repeat), the completion of a doubly substochastic matrix
// to a doubly stochastic one that dominates it, and brute force over all permutations (n <= 6).
#pragma once

#include "dmf/numerics/random.hpp"

#include <vector>

namespace dmf::inline numerics {

using Permutation = std::vector<int>;  // sigma(i) = perm[i]

Matrix permutation_matrix(const Permutation& perm, const Precision& p);
// Every permutation of [n] in lexicographic order (n <= 8).
std::vector<Permutation> all_permutations(int n);
// sum_k c_k P_k with k = terms random permutations and c_k > 0 summing to 1 (rounded at p).
Matrix random_doubly_stochastic(int n, int terms, Rng& rng, const Precision& p);

// The largest deviation of a row or column sum from 1, and the most negative entry (0 if none).
struct StochasticDefect {
    Real row_col = 0;
    Real negative = 0;
};
StochasticDefect stochastic_defect(const Matrix& x, const Precision& p);

// A permutation sigma with x(i, sigma(i)) > tol for every i (a perfect matching on the entries
// above tol), different from the identity when `avoid_identity` (then the one found first in
// lexicographic order among the non-identity ones); empty when none exists. Exhaustive (n <= 8).
Permutation positive_diagonal(const Matrix& x, const Real& tol, bool avoid_identity);

struct BirkhoffTerm {
    Real weight;
    Permutation perm;
};
// The greedy decomposition of KP Lemma 29's proof: entries at or below tol count as zero. Stops
// when the remainder's total mass is at or below tol, or after max_terms terms.
std::vector<BirkhoffTerm> birkhoff_decomposition(const Matrix& x, const Real& tol, int max_terms, const Precision& p);

// Y = X + r c^T / s with r, c the row and column deficits of a doubly substochastic X and s their
// common total: doubly stochastic and entrywise >= X (X itself when s = 0).
Matrix complete_substochastic(const Matrix& x, const Precision& p);

}  // namespace dmf::numerics
