/* lcncrit: training data (X, Y) from CSV files, checked against an
 * architecture and turned into the weighted distance of DESIGN.md §1:
 * ‖α_w X − Y‖² = (w − u)^T T (w − u) + const with T = A, u = A^{-1} b
 * (the formulas are in lossdata.h).
 *
 * CSV: one matrix row per line, numbers separated by commas (blanks around
 * them are ignored), '#' starts a comment, blank lines are skipped; every
 * row must have the same number of columns. X is d0 × N (one sample per
 * column), Y is dL × N. */
#ifndef LCNCRIT_DATA_H
#define LCNCRIT_DATA_H

#include <stddef.h>
#include "arch.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int rows, cols;
    double *a;      /* rows × cols, row-major */
} lcn_dmatrix_struct;
typedef lcn_dmatrix_struct lcn_dmatrix_t[1];

LCN_EXPORT void lcn_dmatrix_init(lcn_dmatrix_t m);
LCN_EXPORT void lcn_dmatrix_clear(lcn_dmatrix_t m);

/* Read a CSV matrix. LCN_ERR_IO if the file cannot be read, LCN_ERR_PARSE
 * for a malformed or non-finite number or a ragged row, LCN_ERR_LIMIT for
 * more than 1e8 entries; msg then says "PATH:LINE:COLUMN: what" (column =
 * the 1-based field number). m is empty on error. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_dmatrix_read_csv(lcn_dmatrix_t m, const char *path, char *msg, size_t msglen);
/* The same from the len bytes at text (need not be NUL-terminated; a NUL
 * byte is refused like in a file); name stands for PATH in
 * messages. For tests and fuzzing. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_dmatrix_read_csv_mem(lcn_dmatrix_t m, const char *text, size_t len, const char *name,
                                                      char *msg, size_t msglen);

/* T (k × k), u (k), *cst for the architecture from X, Y. LCN_ERR_ARG (msg
 * says which file and why) when the shapes do not fit arch (X must have
 * d0 = k + (dL − 1)σ rows, σ the total stride, Y must have as many columns
 * as X), when N < d0 (too few samples), or when X X^T is singular or
 * numerically so (reciprocal condition number below 1e-12): u would be
 * meaningless. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_data_loss_form(double *T, double *u, double *cst, const lcn_arch_t arch,
                                                const lcn_dmatrix_t X, const lcn_dmatrix_t Y, char *msg,
                                                size_t msglen);

#ifdef __cplusplus
}
#endif
#endif
