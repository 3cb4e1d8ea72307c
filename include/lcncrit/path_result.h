/* lcncrit: the outcome of tracking one path.
 *
 * Every tracked path ends with exactly one status; nothing is dropped
 * silently. t runs from 1 (start system) to 0 (target system). */
#ifndef LCNCRIT_PATH_RESULT_H
#define LCNCRIT_PATH_RESULT_H

#include <complex.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    LCN_PATH_SUCCESS = 0,     /* finite, nonsingular endpoint */
    LCN_PATH_SINGULAR,        /* finite, singular endpoint (endgame): winding recorded */
    LCN_PATH_AT_INFINITY,     /* diverged as t -> 0 */
    LCN_PATH_MAX_STEPS,       /* step budget exhausted */
    LCN_PATH_ILL_CONDITIONED, /* even the precision cap could not resolve the path */
    LCN_PATH_STEP_TOO_SMALL,  /* the step size fell below the minimum at the precision cap */
    LCN_PATH_INVALID_START    /* the start point does not solve the start system */
} lcn_path_status_t;
#define LCN_PATH_NSTATUS 7

/* "success", "singular", "at_infinity", "max_steps", "ill_conditioned",
 * "step_too_small", "invalid_start"; never NULL. */
LCN_EXPORT const char *lcn_path_status_string(lcn_path_status_t s);
/* 1 for the statuses that are failures of the tracker (neither a finite
 * endpoint nor a recognised divergence). */
LCN_EXPORT int lcn_path_status_is_failure(lcn_path_status_t s);

/* The end of one path. All numbers except status, n, prec, the step counts
 * and winding are estimates, not guarantees (certification comes later). */
typedef struct {
    lcn_path_status_t status;
    int n;
    double complex *x;   /* endpoint (n entries), rounded to double after refinement;
                            for failures the last point reached (at t = t_end) */
    double accuracy;     /* estimate of |x - exact|_inf: the last Newton update (ESTIMATE) */
    double residual;     /* max_i |F_i(x)| at the target parameters, evaluated at the end */
    double cond;         /* 1-norm condition number estimate of dF/dx at x (zgecon) */
    long prec;           /* highest precision used, in bits (53 = double) */
    long steps_accepted, steps_rejected;
    int winding;         /* winding number from the endgame, 1 for regular paths */
    int certified;       /* set by certification later, 0 here */
    double t_end;        /* |t| where tracking stopped (0 when it reached the target) */
} lcn_path_result_struct;
typedef lcn_path_result_struct lcn_path_result_t[1];

/* x is allocated with n entries (zeroed); status LCN_PATH_MAX_STEPS until set. */
LCN_EXPORT void lcn_path_result_init2(lcn_path_result_t r, int n);
LCN_EXPORT void lcn_path_result_clear(lcn_path_result_t r);
LCN_EXPORT int lcn_path_result_is_success(const lcn_path_result_t r);

#ifdef __cplusplus
}
#endif
#endif
