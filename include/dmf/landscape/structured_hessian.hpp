// The Hessian at a critical point of CJW's form (6)-(7), block by block.
//
// Rotate every layer into the singular bases: W~_l = Q_l^T W_l Q_{l-1} (Q_0 = V, Q_L = U).
// F is invariant, so the Hessian is orthogonally similar to the Hessian at W~. Label the
// coordinates of every layer so that each W~_l is diagonal in labels: the input and output
// coordinates keep their index, an active singular index j carries label j through every
// hidden layer (CJW's pi), and the unused hidden coordinates take the smallest free labels.
// Then W~_l = sum_a D_l[a] e_a e_a^T with D_l[a] = sqrt(lambdabar/lambda_l) x_a, and Y~ = diag(y).
//
// Proof sketch that the Hessian splits into one block per unordered label pair {a, b}:
//   D^2 F[E, E'] = <DP[E], DP[E']> + <P - Y, D^2 P[E, E']> + sum_l lambda_l <E_l, E'_l>.
//   For E = e_a e_b^T in layer l, DP[E] = A_l(a) B_l(b) e_a e_b^T with A_l(a) = prod_{k>l} D_k[a],
//   B_l(b) = prod_{k<l} D_k[b]: the first term pairs (l, a, b) only with (m, a, b).
//   For l < m, D^2 P[E_l(a,b), E_m(a',b')] = A_m(a') C_lm(a) B_l(b) delta_{b'a} e_a' e_b^T with
//   C_lm(a) = prod_{l<k<m} D_k[a], and P - Y is diagonal: the second term pairs (l, a, b) only with
//   (m, b, a), with the value R_b A_m(b) C_lm(a) B_l(b), R_b = prod_k D_k[b] - y_b.
// So entry (l, a, b) couples only with (m, a, b) and (m, b, a): a block of size <= 2L (L when a = b),
// and the whole spectrum costs O(K^2 L^3) (K the largest width) instead of O(N^3).
#pragma once

#include "dmf/landscape/critical_set.hpp"

#include <string>
#include <vector>

namespace dmf::inline landscape {

struct HessianBlock {
    int a = 0, b = 0;       // the label pair, a <= b
    Vector eigenvalues;     // ascending
    Matrix vectors;         // on request: N x block size, unit eigenvectors in the original coordinates
    // Closed form, where the algebra gives one (empty otherwise), ascending, and which case gave it.
    // With s_k = sqrt(lambdabar / lambda_k) (so D_k[a] = s_k x_a), the critical condition of an active
    // label, R_a prod_k D_k[a] = -lambda_l D_l[a]^2 for every l, reads R_a x_a^{L-2} prod_k s_k = -lambdabar.
    //  - L = 1: the Hessian is (1 + lambda) I.
    //  - "inactive pair" (D_l[a] = D_l[b] = 0 in every layer): every product of D's vanishes unless it is
    //    empty, so for L >= 3 the block is diag(lambda_l), and for L = 2 it splits into 2 x 2 blocks
    //    [[lambda_1, -y_b], [-y_b, lambda_2]] pairing (1, a, b) with (2, b, a) (R_b = -y_b): eigenvalues
    //    (lambda_1 + lambda_2)/2 -+ sqrt(((lambda_1 - lambda_2)/2)^2 + y_b^2); a lone variable keeps lambda_l.
    //  - "one active label" a (b inactive): B_l(b) = 0 unless l = 1 and A_l(b) = 0 unless l = L, so the
    //    block splits into 2 x 2 blocks. (l, b, a) pairs with (l + 1, a, b), l < L, through the coupling
    //    R_a prod_{k != l, l+1} D_k[a] = -sqrt(lambda_l lambda_{l+1}) (critical condition): eigenvalues 0
    //    (a hidden rotation mixing a and b) and lambda_l + lambda_{l+1}. (1, a, b) pairs with (L, b, a):
    //    [[lambda_1 + alpha^2, -y_b gamma], [-y_b gamma, lambda_L + beta^2]] with alpha = prod_{k>1} D_k[a],
    //    beta = prod_{k<L} D_k[a], gamma = prod_{1<k<L} D_k[a]. A lone variable keeps its diagonal entry.
    //  - "active diagonal" (a = b active): the block is diag(2 lambda_l) + c u u^T with u_l = sqrt(lambda_l /
    //    lambdabar), c = x_a^{2L-2} prod_k s_k^2 - lambdabar (critical condition). With every lambda_l equal:
    //    2 lambda (L - 1 times) and 2 lambda + L (x_a^{2L-2} - lambda) -- KP (29)'s matrix form. (Unequal
    //    lambda_l leave a secular equation: no closed form is given.)
    //  - an active pair a != b: no closed form is given.
    // Every value is multiplied by the convention's loss factor.
    Vector closed_form;
    std::string closed_form_case;  // "", "L = 1", "inactive pair", "one active label", "active diagonal"
};

struct StructuredSpectrum {
    Status status = Status::ok;
    std::vector<HessianBlock> blocks;
    Vector eigenvalues;     // all N, ascending
};

// The labels of each layer's coordinates in the orbit's basis: S[0] and S[L] are 0..d-1; a hidden
// layer takes the orbit's active indices (choice != 0) first, then inactive ones up to its width.
// `active` lists the active indices, `labels` is one past the largest label of any layer.
struct LayerLabels {
    std::vector<int> active;
    std::vector<std::vector<int>> S;  // S[l], l = 0..L
    int labels = 0;
};
LayerLabels layer_labels(const Instance& inst, const Orbit& orbit, int r);

// `drop_cross_terms` leaves out the <P - Y, D^2 P> coupling of (l, a, b) with (m, b, a): the
// mutation the tests must catch.
StructuredSpectrum hessian_spectrum_structured(const Instance& inst, const TargetSvd& svd, const Orbit& orbit,
                                               const Precision& p, bool drop_cross_terms = false);

// The same, with each block's eigenvectors mapped back to the original coordinates of the point
// W_l = Q_l W~_l Q_{l-1}^T (Q_0 = svd.V, Q_L = svd.U, `hidden` = Q_1..Q_{L-1} as orbit_point draws
// them; identities when empty), in the flattened order of objective.hpp.
StructuredSpectrum hessian_spectrum_structured_with_vectors(const Instance& inst, const TargetSvd& svd,
                                                            const Orbit& orbit, const std::vector<Matrix>& hidden,
                                                            const Precision& p);

}  // namespace dmf::landscape
