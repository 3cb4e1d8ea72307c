/* lcncrit: factorizations of an end-to-end filter into layer filters
 * (stride-one architectures; KMMT22 Lemma 5.7, Thm 5.3, §5.1).
 *
 * A linear factor is stored as a pair (l0, l1) for the form l0 x + l1 y
 * (the π convention: its coefficient vector is (l0, l1)); its root is the
 * point (x:y) = (-l1 : l0) of P^1, so y = 0 ("at infinity" in the chart
 * y = 1) is the factor y, stored as (0, 1). Factors are normalised to
 * |l0|^2 + |l1|^2 = 1. */
#ifndef LCNCRIT_FACTOR_H
#define LCNCRIT_FACTOR_H

#include <complex.h>
#include <stddef.h>
#include "arch.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* All n = k-1 linear factors of π(w), w[0..k-1] not all zero:
 * π(w) = *c · Π_i (lin[2i] x + lin[2i+1] y). Exact zero coefficients at
 * either end give exact factors y (leading zeros) and x (trailing zeros);
 * the rest are eigenvalues of the companion matrix (LAPACKE zgeev, which
 * balances it) in the chart where the larger end coefficient leads. A
 * simple root is accurate to about eps·cond, a root of multiplicity m to
 * about eps^(1/m). LCN_ERR_ARG if w = 0 or k < 1, LCN_ERR_NUMERIC if zgeev
 * fails. lin holds 2(k-1) entries. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_factor_linear(double complex *lin, double complex *c, const double complex *w, int k);
/* Merge factors that agree as points of P^1 (chordal distance <= tol):
 * out gets the distinct ones (the mean of each cluster, normalised), mult
 * their multiplicities (sum of the input multiplicities; in_mult NULL means
 * all ones). Returns the number of distinct factors. out and mult hold nf
 * entries (2nf for out); out may alias lin. */
LCN_EXPORT int lcn_factor_cluster(double complex *out, int *mult, const double complex *lin, const int *in_mult, int nf,
                                  double tol);

enum {
    LCN_FACTOR_REAL = 1,    /* real filters only: a conjugate pair stays in one filter */
    LCN_FACTOR_DISTINCT = 2 /* no filter gets a repeated root (KMMT22 Thm 5.3) */
};

/* A list of factorizations: count parameter vectors θ = (w_1..w_L)
 * (layout of lcn_arch_mu) with µ(θ) = w. */
typedef struct {
    size_t count;
    int nparams;
    double complex *theta; /* count × nparams, factorization i at theta + i*nparams */
} lcn_factorizations_struct;
typedef lcn_factorizations_struct lcn_factorizations_t[1];

LCN_EXPORT void lcn_factorizations_init(lcn_factorizations_t f);
LCN_EXPORT void lcn_factorizations_clear(lcn_factorizations_t f);

/* Every way to distribute the distinct linear factors lin[2i], lin[2i+1]
 * (multiplicity mult[i], i < r, Σ mult = arch->kend - 1) into the layers,
 * layer l receiving k_l - 1 of them, up to scaling of the layers: each
 * distinct assignment of multiplicities to layers appears once. Layer
 * filters are the products of their factors, except that layer 1 also
 * carries the scalar c (so µ(θ) = c Π factors). With LCN_FACTOR_DISTINCT
 * no layer gets a factor twice. With LCN_FACTOR_REAL the factors must form
 * a real form (as in lcn_rrmp_set_factors, within tol): a non-real factor
 * goes with its conjugate, c and the filters are made real (imaginary parts
 * below rounding are dropped); c must then be real up to a phase that the
 * factors absorb. Arch must be stride-one (after ignoring s_L). At most
 * max_count factorizations: LCN_ERR_LIMIT beyond that (f then holds the
 * first max_count). LCN_ERR_ARG for a non-stride-one arch or degrees that do
 * not add up, LCN_ERR_NUMERIC if REAL and the factors are not real. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_factor_enumerate(lcn_factorizations_t f, const lcn_arch_t arch, double complex c,
                                                  const double complex *lin, const int *mult, int r, int flags,
                                                  double tol, size_t max_count);
/* The same from an end-to-end filter w (arch->kend entries): its roots by
 * lcn_factor_linear, clustered within tol, then lcn_factor_enumerate. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_factor_w(lcn_factorizations_t f, const lcn_arch_t arch, const double complex *w,
                                          int flags, double tol, size_t max_count);

#ifdef __cplusplus
}
#endif
#endif
