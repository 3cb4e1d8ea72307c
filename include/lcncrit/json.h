/* lcncrit: the small JSON writer behind every JSON output (SPEC.md shapes,
 * solution-set files). It writes values only; the callers lay out the
 * objects. Numbers use %.17g, which round-trips every double exactly. Lists
 * are written "[a, b, c]" (one blank after each comma). Write errors are
 * left in the FILE's error flag (check ferror(f) once at the end). */
#ifndef LCNCRIT_JSON_H
#define LCNCRIT_JSON_H

#include <complex.h>
#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* x with %.17g; NaN and ±infinity, which JSON lacks, as null. */
LCN_EXPORT void lcn_json_num(FILE *f, double x);
/* x with %.17g; NaN and ±infinity as the strings "nan", "inf", "-inf", so
 * that a file read back by lcncrit keeps them (solution_set.h). */
LCN_EXPORT void lcn_json_num_tagged(FILE *f, double x);
/* s quoted; '"' and '\\' escaped with a backslash, other bytes below 0x20
 * as \u00XX; everything else (UTF-8 included) as is. */
LCN_EXPORT void lcn_json_str(FILE *f, const char *s);
/* "true" or "false" for printf's %s. */
LCN_EXPORT const char *lcn_json_bool(int b);
/* [v_0, ..., v_{n-1}]; n = 0 gives []. */
LCN_EXPORT void lcn_json_ints(FILE *f, const int *v, int n);
/* The same for doubles (lcn_json_num). */
LCN_EXPORT void lcn_json_nums(FILE *f, const double *v, int n);
/* [[re_0, im_0], ...] (lcn_json_num for each part). */
LCN_EXPORT void lcn_json_complexes(FILE *f, const double complex *v, int n);

#ifdef __cplusplus
}
#endif
#endif
