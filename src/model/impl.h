/* Internals shared by the files of src/model (never installed). */
#ifndef LCN_MODEL_IMPL_H
#define LCN_MODEL_IMPL_H

#include <complex.h>
#include "lcncrit/common.h"

/* Chordal distance of two points of P^1 given as linear forms (a0, a1),
 * (b0, b1): |a0 b1 - a1 b0| / (|a| |b|), in [0, 1]. */
double _lcn_chordal(const double complex *a, const double complex *b);

/* Real structure of distinct factors (normalised linear forms lin[2i..2i+1],
 * multiplicities mult[i], i < nf): the real ones and the conjugate pairs.
 * On success (LCN_OK) real_idx[0..*nr-1] lists the real factors and
 * pair_idx[0..*np-1] one factor of each conjugate pair (the one listed
 * first); LCN_ERR_NUMERIC if some non-real factor has no conjugate partner of
 * equal multiplicity within tol. Arrays hold nf entries. */
lcn_err_t _lcn_real_structure(int *real_idx, int *nr, int *pair_idx, int *np, const double complex *lin,
                              const int *mult, int nf, double tol);

/* A real linear form proportional to the (real within tol) form l: out gets
 * two real coefficients, unit norm. */
void _lcn_realify_linear(double *out, const double complex *l);

#endif
