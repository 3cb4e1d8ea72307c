/* lcncrit: the weight matrix T of the loss ℓ(w) = (w − u)^T T (w − u)
 * (DESIGN.md §1). All matrices are k×k, stored densely (symmetric, so row-
 * and column-major agree). */
#ifndef LCNCRIT_WEIGHTS_H
#define LCNCRIT_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* T = I (KMMT22's setting for X X^T = I). */
LCN_EXPORT void lcn_weights_identity(double *T, int k);
/* T = diag(1 / binom(k−1, j)), the Bombieri norm (KMMT22 eq. 30). */
LCN_EXPORT void lcn_weights_bombieri(double *T, int k);
/* A random real symmetric positive definite T drawn from seed:
 * T = B B^T / k + I/2 with B standard normal, so its eigenvalues are >= 1/2. */
LCN_EXPORT void lcn_weights_generic(double *T, int k, uint64_t seed);
/* LCN_OK if T is finite, symmetric (|T_ij − T_ji| <= 1e-12 max|T|) and
 * positive definite (Cholesky succeeds); LCN_ERR_ARG otherwise, with a
 * reason in msg (may be NULL). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_weights_check(const double *T, int k, char *msg, size_t msglen);
/* Read a k×k matrix (k rows of k numbers, separated by blanks or commas;
 * '#' starts a comment) and check it. LCN_ERR_IO if unreadable, LCN_ERR_PARSE
 * for a malformed or wrongly sized matrix, LCN_ERR_ARG if the check fails;
 * msg says why. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_weights_read(double *T, int k, const char *path, char *msg, size_t msglen);
/* Fill T from a name: "identity", "bombieri", "generic" or a file path.
 */
LCN_EXPORT LCN_WUR lcn_err_t lcn_weights_from_name(double *T, int k, const char *name, uint64_t seed, char *msg,
                                                   size_t msglen);

#ifdef __cplusplus
}
#endif
#endif
