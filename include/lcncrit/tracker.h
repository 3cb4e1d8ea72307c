/* lcncrit: the path tracker, one path at a time.
 *
 * A tracker is a per-thread workspace bound to one homotopy: it owns every
 * mutable buffer (system workspace, LAPACKE arrays, MPC temporaries), so
 * tracking allocates nothing per step. t runs from 1 (start) to 0
 * (target). The path starts in complex double (Hermite or RK4 predictor
 * on dx/dt = -H_x^{-1} H_t, see lcn_predictor_t; Newton corrector, step
 * size from the first Newton update); a segment whose corrector fails
 * where the measured rounding error of H explains it (double vs MPC
 * evaluation, times |H_x^{-1}|) is continued in MPC at the first of 64,
 * 128, 256... bits that makes the noise negligible, up to opts->max_prec. Below |t| = endgame_start the
 * endgame decides between a regular endpoint (track to t = 0, Newton), a
 * singular one (Cauchy endgame: winding number, estimate of x(0)) and
 * divergence (stable negative valuation or |x| > max_norm: at infinity). */
#ifndef LCNCRIT_TRACKER_H
#define LCNCRIT_TRACKER_H

#include "homotopy.h"
#include "path_result.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lcn_tracker_ws lcn_tracker_ws; /* private */

typedef struct {
    const lcn_homotopy_struct *h;       /* borrowed */
    const lcn_solve_opts_struct *opts;  /* borrowed */
    lcn_tracker_ws *ws;
} lcn_tracker_struct;
typedef lcn_tracker_struct lcn_tracker_t[1];

/* h and opts are borrowed and must outlive the tracker; opts->max_winding
 * sizes a buffer here, so it must not grow afterwards. */
LCN_EXPORT void lcn_tracker_init(lcn_tracker_t tr, const lcn_homotopy_t h, const lcn_solve_opts_t opts);
LCN_EXPORT void lcn_tracker_clear(lcn_tracker_t tr);

/* Track the path starting at x0 (t = 1) to t = 0 and fill r (initialised
 * with lcn_path_result_init2(r, n)). Always records a status; the
 * endpoint of a finite path is Newton-refined at the target (double, then
 * MPC at opts->refine_prec when double cannot reach 1e-12). */
LCN_EXPORT void lcn_tracker_track(lcn_path_result_t r, lcn_tracker_t tr, const double complex *x0);

#ifdef __cplusplus
}
#endif
#endif
