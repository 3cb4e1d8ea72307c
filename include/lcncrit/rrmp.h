/* lcncrit: real root multiplicity patterns (KMMT22 Def. 3.2) and where they
 * lie relative to the function space of a stride-one architecture.
 *
 * A real binary form of degree n has rrmp (ρ|γ) = (ρ_1..ρ_r | γ_1..γ_c) if
 * it is p_1^ρ_1 ··· p_r^ρ_r q_1^γ_1 ··· q_c^γ_c with distinct real linear
 * p_i and distinct irreducible real quadratics q_j; n = Σρ + 2Σγ. Both lists
 * are kept in non-decreasing order, as KMMT22 writes them: "112|0", "13|0",
 * "11|1", "0|11" ("0" stands for an empty list). When some multiplicity is
 * 10 or more the entries of that side are separated by commas ("1,10|0").
 * Its complex partition is λ_{ρ|γ} = (ρ_1..ρ_r, γ_1, γ_1, .., γ_c, γ_c). */
#ifndef LCNCRIT_RRMP_H
#define LCNCRIT_RRMP_H

#include <complex.h>
#include <stddef.h>
#include "arch.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LCN_RRMP_MAX_DEGREE 128

typedef struct {
    int n;                               /* degree Σρ + 2Σγ */
    int r;                               /* number of distinct real roots */
    int c;                               /* number of distinct conjugate pairs */
    int rho[LCN_RRMP_MAX_DEGREE];        /* non-decreasing, >= 1 */
    int gamma[LCN_RRMP_MAX_DEGREE / 2];  /* non-decreasing, >= 1 */
} lcn_rrmp_struct;
typedef lcn_rrmp_struct lcn_rrmp_t[1];

/* The empty pattern of degree 0. */
LCN_EXPORT void lcn_rrmp_init(lcn_rrmp_t x);
LCN_EXPORT void lcn_rrmp_clear(lcn_rrmp_t x);
/* Set from multiplicities in any order (sorted on the way in). LCN_ERR_ARG
 * if an entry is < 1, LCN_ERR_LIMIT if the degree exceeds the maximum. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_rrmp_set(lcn_rrmp_t x, const int *rho, int r, const int *gamma, int c);
/* Parse "112|0", "0|11", "1,10|0". LCN_ERR_PARSE on malformed text. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_rrmp_set_str(lcn_rrmp_t x, const char *s);
/* The string form above (snprintf semantics: returns the length needed). */
LCN_EXPORT int lcn_rrmp_get_str(char *buf, size_t len, const lcn_rrmp_t x);
/* 1 if a and b are the same pattern, else 0. */
LCN_EXPORT int lcn_rrmp_equal(const lcn_rrmp_t a, const lcn_rrmp_t b);
/* λ_{ρ|γ} in non-increasing order into lambda (>= x->n entries); returns
 * its length. */
LCN_EXPORT int lcn_rrmp_partition(int *lambda, const lcn_rrmp_t x);

/* The rrmp of a real form from its distinct linear factors with
 * multiplicities: factor i is lin[2i] x + lin[2i+1] y (any scaling), with
 * multiplicity mult[i] >= 1, i < nf. Factors that agree as points of P^1
 * within tol (chordal distance |a0 b1 - a1 b0| / (|a| |b|)) are merged
 * first. A factor is real if it is a complex multiple of a real vector
 * within tol; the others must come in conjugate pairs of equal
 * multiplicity (within tol), else LCN_ERR_NUMERIC (the form is not real,
 * or tol is wrong). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_rrmp_set_factors(lcn_rrmp_t x, const double complex *lin, const int *mult, int nf,
                                                  double tol);
/* The rrmp of the real form π(w), w[0..k-1] not all zero: roots from
 * lcn_factor_linear, clustered within tol (a root of multiplicity m computed
 * in double is only accurate to about eps^(1/m), so tol must allow for that;
 * 1e-6 suits double roots of well-scaled forms). An estimate, not a proof. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_rrmp_set_w(lcn_rrmp_t x, const double *w, int k, double tol);

/* Relative to the function space M of a stride-one architecture whose end-to-
 * end degree is x->n (KMMT22 Lemma 4.2, Prop. 4.4), with e even filters:
 * in M iff Σρ >= e; in the complement iff Σρ < e; on the Euclidean
 * boundary iff e >= 2, Σρ >= e and #{i: ρ_i odd} <= e - 2.
 * Each returns 1 or 0, or LCN_ERR_ARG if arch is not stride-one or its
 * degree differs from x->n. */
LCN_EXPORT int lcn_rrmp_in_function_space(const lcn_rrmp_t x, const lcn_arch_t arch);
LCN_EXPORT int lcn_rrmp_in_complement(const lcn_rrmp_t x, const lcn_arch_t arch);
LCN_EXPORT int lcn_rrmp_on_boundary(const lcn_rrmp_t x, const lcn_arch_t arch);

/* Every rrmp of degree n, in the order of KMMT22 Ex. 3.3: by Σγ
 * increasing; within that, ρ as partitions in lcn_partition order
 * ((1^m) first), then γ in the reverse order ((g) first). Quartics:
 *     1111|0 112|0 22|0 13|0 4|0 11|1 2|1 0|2 0|11 */
typedef struct {
    int n;
    size_t count;
    lcn_rrmp_struct *v;
} lcn_rrmp_list_struct;
typedef lcn_rrmp_list_struct lcn_rrmp_list_t[1];

LCN_EXPORT void lcn_rrmp_list_init(lcn_rrmp_list_t list);
/* LCN_ERR_ARG if n < 0, LCN_ERR_LIMIT if n > 30 (46092 patterns; degree 40
 * would need 468342). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_rrmp_list_init_set(lcn_rrmp_list_t list, int n);
LCN_EXPORT void lcn_rrmp_list_clear(lcn_rrmp_list_t list);

#ifdef __cplusplus
}
#endif
#endif
