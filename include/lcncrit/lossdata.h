/* lcncrit: the loss of training data as a weighted distance (DESIGN.md §1;
 * Shahverdi eq. 4.5–4.8).
 *
 * With α_w the dL×d0 convolution matrix of w (row m holds w at columns
 * mσ .. mσ+k−1), d0 = k + (dL−1)σ:
 *     ‖α_w X − Y‖² = w^T A w − 2 b^T w + ‖Y‖² = (w − u)^T A (w − u) + const,
 *     A_ij = Σ_{m<dL} (X X^T)_{i+σm, j+σm},  b_j = Σ_{m<dL} (Y X^T)_{m, j+σm},
 *     u = A^{-1} b,  const = ‖Y‖² − b^T u. */
#ifndef LCNCRIT_LOSSDATA_H
#define LCNCRIT_LOSSDATA_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* T (k×k, symmetric), u (k) and *cst from X (d0×N, row-major) and Y (dL×N,
 * row-major). LCN_ERR_ARG if d0 != k + (dL−1)σ or a size is < 1;
 * LCN_ERR_NUMERIC if A is not positive definite (X does not have enough
 * independent samples): then u is undefined. cst may be NULL. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_lossdata_weights(double *T, double *u, double *cst, int k, long sigma, int dL,
                                                  const double *X, int d0, int N, const double *Y);
/* ‖α_w X − Y‖², directly (for checks). */
LCN_EXPORT double lcn_lossdata_loss(const double *w, int k, long sigma, int dL, const double *X, int d0, int N,
                                    const double *Y);

#ifdef __cplusplus
}
#endif
#endif
