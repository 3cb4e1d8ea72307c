/* lcncrit: a set of distinct finite solutions in a canonical order.
 *
 * Two points x, y are the same solution when
 *     |x - y|_inf <= tol * max(1, |x|_inf, |y|_inf)
 * (tol = set->tol, default 1e-7; set it after init). Membership is found
 * through a sorted random projection, so adding is O(log count + matches). */
#ifndef LCNCRIT_SOLUTION_SET_H
#define LCNCRIT_SOLUTION_SET_H

#include <stdio.h>
#include "result.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int n;
    size_t count, alloc;
    double complex *x;   /* count * n: solution i is x[i*n .. i*n+n) */
    int *real;           /* 1: classified real (numerically; not certified) */
    double *accuracy;    /* Newton accuracy estimate of each solution */
    double *residual;    /* max |F_i| at the solution */
    double *cond;        /* condition estimate of dF/dx (0 when unknown) */
    int *multiplicity;   /* how many added points fell on this solution */
    int *winding;        /* winding number of the first path that reached it (1: regular) */
    double tol;          /* deduplication tolerance, see above */
    /* private: the projection index */
    double complex *proj_c; /* n coefficients of the random projection */
    double *key;            /* Re(proj_c . x) per solution */
    size_t *order;          /* solutions sorted by key */
    double maxnorm;         /* largest |x|_inf in the set */
} lcn_solution_set_struct;
typedef lcn_solution_set_struct lcn_solution_set_t[1];

LCN_EXPORT void lcn_solution_set_init(lcn_solution_set_t set, int n);
LCN_EXPORT void lcn_solution_set_clear(lcn_solution_set_t set);
/* Remove every solution (keeps n and tol). */
LCN_EXPORT void lcn_solution_set_reset(lcn_solution_set_t set);

/* Add x (n entries). Returns 1 if it is new (appended at index count-1),
 * 0 if it duplicates a solution already there (whose multiplicity is then
 * increased). If index is not NULL it receives the solution's index. */
LCN_EXPORT int lcn_solution_set_add(lcn_solution_set_t set, const double complex *x, double accuracy,
                                    double residual, int real, size_t *index);
/* Index of the solution equal to x (tolerance above), or (size_t)-1. */
LCN_EXPORT size_t lcn_solution_set_find(const lcn_solution_set_t set, const double complex *x);

/* The deduplicated finite endpoints of res: successful paths (and singular
 * ones when include_singular), refined once more by Newton at the target
 * (in MPC at opts->refine_prec if double does not reach 1e-12), classified
 * real when the system and p are real (imaginary parts below
 * max(opts->real_tol, 10 accuracy) * max(1, |x|_inf)), deduplicated with
 * opts->dedup_tol, and sorted (lcn_solution_set_sort). set is reset first.
 * p: the target parameters (NULL when m == 0). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_from_result(lcn_solution_set_t set, const lcn_result_t res,
                                                          const lcn_system_t sys, const double complex *p,
                                                          const lcn_solve_opts_t opts);
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_from_result2(lcn_solution_set_t set, const lcn_result_t res,
                                                           const lcn_system_t sys, const double complex *p,
                                                           const lcn_solve_opts_t opts, int include_singular);

/* Canonical order: real solutions first, then by the coordinates
 * lexicographically (real part, then imaginary part, of x_0, x_1, ...),
 * each rounded to 8 significant digits relative to max(1, |x|_inf) so that
 * the order does not depend on the last bits; ties by the full values. */
LCN_EXPORT void lcn_solution_set_sort(lcn_solution_set_t set);

/* 1 if the system's constants are all real and p (m entries) is real. */
LCN_EXPORT int lcn_system_is_real(const lcn_system_t sys, const double complex *p);

/* JSON: {"format": "lcncrit-solutions", "version": 1, "n": N, "count": C,
 *  "solutions": [{"x": [[re, im], ...], "real": true, "accuracy": a,
 *  "residual": r, "cond": c, "multiplicity": k, "winding": w}, ...]}
 * Numbers are written with 17 significant digits, so doubles round-trip
 * exactly. read accepts any key order (but "n" before "solutions") and
 * whitespace; set must be initialised (any n) and is replaced by the
 * file's content, in the file's order, keeping set->tol. Return
 * LCN_ERR_IO on write/read errors, LCN_ERR_PARSE on malformed input (set
 * is then unchanged). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_write_json(FILE *out, const lcn_solution_set_t set);
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_read_json(lcn_solution_set_t set, FILE *in);

/* Compact binary form: the 8 bytes "LCNSOLS\0", uint32 version (1), uint32
 * byte-order mark 0x01020304, uint32 n, uint32 flags (0), uint64 count,
 * then per solution 2n IEEE doubles (re, im), accuracy, residual, cond
 * (doubles), multiplicity, winding (int32), real (uint8), all in host
 * byte order (read rejects a file whose mark does not match; same
 * contract as read_json). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_write_binary(FILE *out, const lcn_solution_set_t set);
LCN_EXPORT LCN_WUR lcn_err_t lcn_solution_set_read_binary(lcn_solution_set_t set, FILE *in);

#ifdef __cplusplus
}
#endif
#endif
