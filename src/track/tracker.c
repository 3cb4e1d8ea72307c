/* The path tracker: per-thread workspace, the precision switch, and the
 * path driver (track to endgame_start, then the endgame).
 *
 * t runs from 1 (start) to 0 (target). */
#include <string.h>
#include "impl.h"

void lcn_tracker_init(lcn_tracker_t tr, const lcn_homotopy_t h, const lcn_solve_opts_t opts)
{
    tr->h = h;
    tr->opts = opts;
    lcn_tracker_ws *w = lcn_calloc(1, sizeof *w);
    const size_t n = (size_t)h->n, m = (size_t)h->m;
    w->n = h->n;
    w->m = h->m;
    lcn_system_ws_init(w->sws, h->sys);
    w->tmp = lcn_malloc_array(n * m + m + 1, sizeof *w->tmp);
    /* one block for the n-vectors and matrices */
    double complex **vec[] = {&w->H, &w->Ht, &w->k[0], &w->k[1], &w->k[2], &w->k[3], &w->xs, &w->dx,
                              &w->xa, &w->xb, &w->xc, &w->xseg, &w->xprev, &w->sum, &w->est, &w->estp, &w->F, &w->zwork};
    const size_t nvec = sizeof vec / sizeof vec[0];
    double complex *blk = lcn_calloc(nvec * 2 * n + 2 * n * n, sizeof *blk);
    for (size_t i = 0; i < nvec; i++) *vec[i] = blk + 2 * n * i;
    w->Hx = blk + nvec * 2 * n;
    w->J = w->Hx + n * n;
    w->xh = lcn_calloc(2 * LCN_HERMITE_POINTS * n, sizeof *w->xh);
    w->kh = w->xh + LCN_HERMITE_POINTS * n;
    w->ipiv = lcn_malloc_array(n, sizeof *w->ipiv);
    w->rwork = lcn_malloc_array(2 * n, sizeof *w->rwork);
    w->ys = lcn_malloc_array((size_t)(opts->max_winding > 0 ? opts->max_winding : 1) * n, sizeof *w->ys);
    w->v = lcn_calloc(2 * n, sizeof *w->v);
    w->vprev = w->v + n;
    w->mp_left = -1; /* set per path by the path driver */
    tr->ws = w;
}

void lcn_tracker_clear(lcn_tracker_t tr)
{
    lcn_tracker_ws *w = tr->ws;
    if (!w) return;
    lcn_track_mp_free(&w->mp);
    lcn_system_ws_clear(w->sws);
    lcn_free(w->tmp);
    lcn_free(w->H);
    lcn_free(w->xh);
    lcn_free(w->ipiv);
    lcn_free(w->rwork);
    lcn_free(w->ys);
    lcn_free(w->v < w->vprev ? w->v : w->vprev); /* the two halves are swapped in the endgame */
    lcn_free(w);
    tr->ws = NULL;
}

/* The precision a failed segment needs at (x, t), or 0 when precision is
 * not what failed. Bertini-style: the Newton update computed in double is
 * off by about |H_x^{-1}| |error of H|; the error of H in double is
 * measured against an MPC evaluation, and scales like 2^(53 - prec) at
 * higher precision, so pick the first precision of the ladder 64, 128,
 * 256, ... that brings the update's noise well below corrector_tol. A
 * failure whose noise is already small at the current precision comes from
 * the path (a near-singular point, a too hard step), not from rounding. */
static long precision_needed(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                             const double complex *x, double complex t)
{
    const int n = w->n;
    const double complex u = 1.0 - t;
    long next = w->prec <= 53 ? 64 : 2 * w->prec;
    lcn_homotopy_eval2_d(w->H, w->Hx, NULL, h, w->sws, w->tmp, x, t, u);
    if (lcn_lu_d(w->Hx, w->ipiv, n, NULL)) return next; /* no estimate: one step up */
    long pref = 2 * (w->prec > 64 ? w->prec : 64);
    lcn_track_mp_struct *mp = &w->mp;
    lcn_track_mp_setup(mp, n, w->m, (mpfr_prec_t)pref);
    for (int i = 0; i < n; i++) mpc_set_dc(mp->xa[i], x[i], MPC_RNDNN);
    lcn_homotopy_eval_mp(mp->H, NULL, NULL, h, w->sws, mp, (const mpc_t *)mp->xa, t, u, (mpfr_prec_t)pref);
    for (int i = 0; i < n; i++) w->dx[i] = w->H[i] - mpc_get_dc(mp->H[i], MPC_RNDNN);
    lcn_lu_solve_d(w->Hx, w->ipiv, n, w->dx);
    double scale = lcn_dmax(1.0, lcn_norm_inf_d(x, n));
    double noise53 = lcn_norm_inf_d(w->dx, n) / scale;
    if (!(noise53 < INFINITY)) return next;
    const double want = 1e-2 * o->corrector_tol;
    if (noise53 * ldexp(1.0, 53 - (int)w->prec) <= want) return 0;
    while (noise53 * ldexp(1.0, 53 - (int)next) > 1e-1 * want && next < o->max_prec) next *= 2;
    return next;
}

long lcn_track_seg(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                   double complex *x, double complex ta, double complex tb, double complex *treached)
{
    double complex t = ta;
    memcpy(w->xseg, x, (size_t)w->n * sizeof *x);
    for (;;) {
        long rc = w->prec <= 53 ? lcn_track_seg_d(w, h, o, x, t, tb, &t) : lcn_track_seg_mp(w, h, o, x, t, tb, &t);
        *treached = t;
        if (rc != SEG_STEP_TOO_SMALL || !w->allow_mp) return rc;
        /* Ziv-style: the corrector could not converge at this precision,
           retry the rest of the segment with more bits. */
        long next = precision_needed(w, h, o, x, t);
        if (next == 0 || next > o->max_prec) return rc;
        w->prec = next;
        if (next > w->max_prec_used) w->max_prec_used = next;
        lcn_logf(&o->log, LCN_LOG_DEBUG, "precision %ld at t = %g%+gi", next, creal(t), cimag(t));
        w->hstep = lcn_dmax(w->hstep, 1e-3 * cabs(tb - t));
        if (cabs(1.0 - t) < 1e-6) {
            /* 1 - t is not known accurately from t alone: start over. */
            t = ta;
            memcpy(x, w->xseg, (size_t)w->n * sizeof *x);
            w->hstep = 1e-3 * cabs(tb - ta);
        }
    }
}

static const double complex *target_params(const lcn_homotopy_struct *h)
{
    return h->kind == LCN_HOMOTOPY_TOTAL_DEGREE ? h->p : h->p1;
}

/* Condition estimate of dH/dx and the valuations v_i = Re(t x_i'/x_i) at
 * (x, t): x_i ~ a t^v along the path, so v < 0 means divergence and v > 0
 * a coordinate going to 0. Returns 0 if H_x is singular. */
static int sample(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const double complex *x, double t, double *cond,
                  double *v)
{
    const int n = w->n;
    double anorm;
    lcn_homotopy_eval_d(w->H, w->Hx, w->Ht, h, w->sws, w->tmp, x, t);
    if (lcn_lu_d(w->Hx, w->ipiv, n, &anorm)) return 0;
    double rc = lcn_lu_rcond_d(w->Hx, n, anorm, w->zwork, w->rwork);
    *cond = rc > 0 ? 1.0 / rc : INFINITY;
    lcn_lu_solve_d(w->Hx, w->ipiv, n, w->Ht);
    for (int i = 0; i < n; i++) v[i] = x[i] != 0 ? creal(-t * w->Ht[i] / x[i]) : 0.0;
    return 1;
}

/* Start points must solve H(x, 1) = 0: a few Newton steps at t = 1 polish
 * them (monodromy hands over double-rounded points) and reject points that
 * are not near a solution. */
static int check_start(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                       double complex *x)
{
    const int n = w->n;
    double prev = INFINITY, best = INFINITY;
    for (int it = 0; it < 6; it++) {
        lcn_homotopy_eval_d(w->H, w->Hx, NULL, h, w->sws, w->tmp, x, 1.0);
        if (lcn_lu_d(w->Hx, w->ipiv, n, NULL)) return 0;
        lcn_lu_solve_d(w->Hx, w->ipiv, n, w->H);
        double nd = lcn_norm_inf_d(w->H, n) / lcn_dmax(1.0, lcn_norm_inf_d(x, n));
        if (!(nd < 1e-2)) return 0;
        if (it > 0 && nd > 0.5 * prev) break; /* at the noise floor of double */
        for (int i = 0; i < n; i++) x[i] -= w->H[i];
        best = lcn_dmin(best, nd);
        if (nd <= lcn_dmax(o->corrector_tol * 1e-2, 1e-15)) break;
        prev = nd;
    }
    /* An ill-conditioned start may not polish below corrector_tol in
       double; the tracker raises the precision if it has to. */
    return best <= lcn_dmax(o->corrector_tol, 1e-6);
}

/* Residual and condition at the target for the report. */
static void measure(lcn_path_result_struct *r, lcn_tracker_ws *w, const lcn_homotopy_struct *h)
{
    const int n = w->n;
    double anorm;
    lcn_system_eval_d(w->F, w->J, NULL, h->sys, w->sws, r->x, target_params(h));
    r->residual = lcn_norm_inf_d(w->F, n);
    if (lcn_lu_d(w->J, w->ipiv, n, &anorm)) {
        r->cond = INFINITY;
    } else {
        double rc = lcn_lu_rcond_d(w->J, n, anorm, w->zwork, w->rwork);
        r->cond = rc > 0 ? 1.0 / rc : INFINITY;
    }
}

/* Newton at the target from x (t = 0): double first, then MPC when double
 * cannot reach 1e-13 or the path needed more than double. Succeeds when
 * Newton converges quadratically and the endpoint's condition number is
 * below singular_cond; then x, accuracy, residual and cond are set. */
static double cond_at(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const double complex *x)
{
    double anorm;
    lcn_system_eval_d(w->F, w->J, NULL, h->sys, w->sws, x, target_params(h));
    if (lcn_lu_d(w->J, w->ipiv, w->n, &anorm)) return INFINITY;
    double rc = lcn_lu_rcond_d(w->J, w->n, anorm, w->zwork, w->rwork);
    return rc > 0 ? 1.0 / rc : INFINITY;
}

/* r == NULL: only test whether x refines to a regular root (x, the path
 * and r are left alone). */
static int refine_endpoint(lcn_path_result_struct *r, lcn_tracker_ws *w, const lcn_homotopy_struct *h,
                           const lcn_solve_opts_struct *o, const double complex *x)
{
    const int n = w->n;
    const size_t nb = (size_t)n * sizeof *x;
    const double complex *p = target_params(h);
    double acc = INFINITY, res = INFINITY, cond = INFINITY;
    memcpy(w->xc, x, nb);
    int ok = 0;
    if (w->prec <= 53)
        ok = lcn_newton_d_kernel(w->xc, &acc, &res, &cond, h->sys, w->sws, p, 1e-13, 8, w->F, w->J, w->ipiv,
                                 w->zwork, w->rwork, w->dx);
    if (!ok) {
        memcpy(w->xc, x, nb);
        long prec = o->refine_prec > w->prec ? o->refine_prec : 2 * w->prec;
        ok = lcn_newton_refine(w->xc, &acc, &res, h->sys, p, prec, 30) == LCN_OK;
        if (ok && r && prec > w->max_prec_used) w->max_prec_used = prec;
        if (ok) cond = cond_at(w, h, w->xc);
    }
    if (!ok || !(cond < o->singular_cond)) return 0;
    if (!r) return 1;
    memcpy(r->x, w->xc, nb);
    r->accuracy = acc;
    r->residual = res;
    r->cond = cond;
    return 1;
}

static lcn_path_status_t seg_status(long rc)
{
    switch (rc) {
    case SEG_MAX_STEPS: return LCN_PATH_MAX_STEPS;
    case SEG_DIVERGED: return LCN_PATH_AT_INFINITY;
    default: return LCN_PATH_STEP_TOO_SMALL;
    }
}

/* Cauchy endgame at radius rad from x (at t = rad): walk the regular
 * polygon of cauchy_points vertices on |t| = rad until the path closes up;
 * the number of loops is the winding number c, and the mean of the c*M
 * vertex values is the trapezoid rule for the Cauchy integral of the
 * Puiseux series x(s^c) around s = 0, i.e. an estimate of x(0) whose error
 * falls like rad^M. Returns 1 and sets *c and w->est; on failure x is
 * restored. */
static int cauchy(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                  double complex *x, double rad, int *c)
{
    const int n = w->n, M = o->cauchy_points;
    const size_t nb = (size_t)n * sizeof *x;
    memcpy(w->xs, x, nb);
    for (int i = 0; i < n; i++) w->sum[i] = 0;
    const double scale = lcn_dmax(1.0, lcn_norm_inf_d(x, n));
    double spread = 0;
    for (int loop = 1; loop <= o->max_winding; loop++) {
        for (int j = 1; j <= M; j++) {
            double a0 = 2.0 * M_PI * (j - 1) / M, a1 = 2.0 * M_PI * j / M;
            double complex ta = j == 1 ? rad : rad * CMPLX(cos(a0), sin(a0));
            double complex tb = j == M ? rad : rad * CMPLX(cos(a1), sin(a1));
            double complex tt;
            if (lcn_track_seg(w, h, o, x, ta, tb, &tt) != SEG_OK) {
                memcpy(x, w->xs, nb);
                return 0;
            }
            for (int i = 0; i < n; i++) {
                w->sum[i] += x[i];
                spread = lcn_dmax(spread, cabs(x[i] - w->xs[i]));
            }
        }
        memcpy(w->ys + (size_t)(loop - 1) * n, x, nb); /* the next sheet over t = rad */
        double d = 0;
        for (int i = 0; i < n; i++) d = lcn_dmax(d, cabs(x[i] - w->xs[i]));
        /* Closed up: much closer to the start than the loop wandered, or
           within the tracking accuracy. */
        if (d <= lcn_dmax(1e-3 * spread, 100.0 * o->corrector_tol * scale)) {
            *c = loop;
            for (int i = 0; i < n; i++) w->est[i] = w->sum[i] / (double)(loop * M);
            /* In the operating zone the c sheets over t = rad are
               x(0) + a_i rad^(w_i/c) exp(2 pi i w_i k/c) + ...: a regular
               polygon around the estimate, all at about the same distance.
               A loop that encloses other branch points instead averages a
               cycle of unrelated roots (seen with Wilkinson's polynomial),
               and its sheets lie at very different distances. */
            if (loop > 1) {
                double dmin = INFINITY, dmax = 0;
                for (int k = 0; k < loop; k++) {
                    double dk = 0;
                    for (int i = 0; i < n; i++) dk = lcn_dmax(dk, cabs(w->ys[(size_t)k * n + i] - w->est[i]));
                    dmin = lcn_dmin(dmin, dk);
                    dmax = lcn_dmax(dmax, dk);
                }
                if (dmax > 3.0 * dmin) {
                    memcpy(x, w->xs, nb);
                    return 0;
                }
            }
            return 1;
        }
    }
    memcpy(x, w->xs, nb);
    return 0;
}

static void finish(lcn_path_result_struct *r, lcn_tracker_ws *w, const lcn_homotopy_struct *h,
                   lcn_path_status_t s, const double complex *x, double t_end)
{
    r->status = s;
    r->t_end = t_end;
    if (x != r->x) memcpy(r->x, x, (size_t)w->n * sizeof *x);
    if (s != LCN_PATH_SUCCESS) {
        measure(r, w, h);
        if (s != LCN_PATH_SINGULAR) r->accuracy = INFINITY;
    }
    r->prec = w->max_prec_used;
    r->steps_accepted = w->steps_acc;
    r->steps_rejected = w->steps_rej;
}

/* The endgame, from x at t = endgame_start (real, positive) towards 0 along
 * the samples t_k = endgame_start * ratio^k. At each sample:
 *  - divergence: a coordinate with a stable negative valuation (three
 *    consecutive samples agreeing to 0.01) at t <= endgame_inf_t or after |x| grew
 *    a millionfold, or |x| > max_norm: at infinity;
 *  - regular: when cond(H_x) has stopped growing, track straight to t = 0
 *    with a step budget and Newton-refine there;
 *  - singular: when the valuations are stable, the Cauchy endgame; two
 *    consecutive estimates agreeing to endgame_tol end the path. */
static void endgame(lcn_path_result_struct *r, lcn_tracker_ws *w, const lcn_homotopy_struct *h,
                    const lcn_solve_opts_struct *o, double complex *x)
{
    const int n = w->n;
    const size_t nb = (size_t)n * sizeof *x;
    double t = o->endgame_start, cond = 0, cond_prev = 0, norm_prev = 0, norm0 = lcn_norm_inf_d(x, n);
    int have_est = 0, est_c = 0, tries = 0, stable_inf = 0, fake_tried = 0;
    for (int k = 0;; k++) {
        double norm = lcn_norm_inf_d(x, n);
        if (!(norm < INFINITY)) {
            finish(r, w, h, LCN_PATH_ILL_CONDITIONED, x, t);
            return;
        }
        if (norm > o->max_norm) {
            finish(r, w, h, LCN_PATH_AT_INFINITY, x, t);
            return;
        }
        int sampled = sample(w, h, x, t, &cond, w->v);
        int diverging = 0;
        double vchange = INFINITY;
        if (sampled && k >= 1) {
            int inf = 0;
            vchange = 0;
            for (int i = 0; i < n; i++) {
                double dv = fabs(w->v[i] - w->vprev[i]);
                vchange = lcn_dmax(vchange, dv);
                if (w->v[i] < -0.05) diverging = 1;
                if (w->v[i] < -0.05 && dv < 0.01 && norm > norm_prev) inf = 1;
            }
            stable_inf = inf ? stable_inf + 1 : 0;
            /* A regular path can look like a power law for a while
               (cyclic-6 has one over t in [0.1, 0.006], cyclic-7 27 over
               [1e-4, 1e-5] that end at ill-conditioned roots): ask for
               stability at t <= endgame_inf_t, or for a large growth. */
            if (stable_inf >= 2 && (t <= o->endgame_inf_t || norm >= 1e6 * lcn_dmax(1.0, norm0))) {
                finish(r, w, h, LCN_PATH_AT_INFINITY, x, t);
                return;
            }
        }
        /* Regular endpoint: cond(H_x) converges as t -> 0 (for a singular
           endpoint it grows like t^(-(1-1/c)) or faster). */
        int try_finish = sampled && tries < 3 &&
                         ((k == 0 && cond < 1e5) || (k >= 1 && !diverging && cond < 1e8 && cond <= 1.5 * cond_prev));
        if (try_finish) {
            tries++;
            memcpy(w->xs, x, nb);
            double hsave = w->hstep;
            long psave = w->prec;
            /* A regular endpoint may still need hundreds of steps and more
               precision (Wilkinson: ~300 steps, 128 bits), so a small budget
               on the early guess at k = 0 and a large one once cond(H_x)
               has been seen to settle; a singular or diverging path
               makes the steps shrink with t and ends on the budget or on a
               failure that more precision does not cure. */
            w->budget = k == 0 ? 30 : 1000;
            double complex tt;
            long rc = lcn_track_seg(w, h, o, x, t, 0.0, &tt);
            w->budget = 0;
            lcn_logf(&o->log, LCN_LOG_DEBUG, "finish from t = %g (cond %g, k %d): rc %ld x0 = %g%+gi", t, cond, k, rc,
                     creal(x[0]), cimag(x[0]));
            if (rc == SEG_OK && refine_endpoint(r, w, h, o, x)) {
                r->winding = 1;
                finish(r, w, h, LCN_PATH_SUCCESS, r->x, 0.0);
                return;
            }
            /* Back to the sample, and to its precision: near a singular
               endpoint the attempt may have raised it for nothing. */
            memcpy(x, w->xs, nb);
            w->hstep = hsave;
            w->prec = psave;
        }
        if (sampled && k >= 2 && !diverging && vchange < 0.05) {
            int c = 0;
            int cok = cauchy(w, h, o, x, t, &c);
            lcn_logf(&o->log, LCN_LOG_DEBUG, "cauchy at t = %g: ok %d c %d est0 = %g%+gi", t, cok, c, creal(w->est[0]),
                     cimag(w->est[0]));
            if (cok) {
                double d = 0, sc = lcn_dmax(1.0, lcn_norm_inf_d(w->est, n));
                for (int i = 0; i < n; i++) d = lcn_dmax(d, cabs(w->est[i] - w->estp[i]));
                /* Both estimates may agree and still be wrong when the loop
                   encloses other branch points (then it averages a whole
                   cycle of roots). In the operating zone x(t) - x(0) ~
                   t^(w/c), so the path must be closing in on the estimate
                   by at least ratio^(1/(2c)) per sample. */
                double dk = 0, dk1 = 0;
                for (int i = 0; i < n; i++) {
                    dk = lcn_dmax(dk, cabs(x[i] - w->est[i]));
                    dk1 = lcn_dmax(dk1, cabs(w->xprev[i] - w->est[i]));
                }
                int closing = dk <= pow(o->endgame_ratio, 0.5 / c) * dk1 || dk <= o->endgame_tol * sc;
                /* A cycle of c >= 2 paths cannot end at a regular root
                   (one analytic path reaches it). A loop that averaged a
                   cluster of roots gives a point that is not a root, from
                   which Newton walks to a regular one far beyond the
                   estimates' agreement d: go on, and try harder to track
                   this path straight to t = 0. (A true singular root may
                   look regular to Newton when the estimate is exact to the
                   last bits; it does not move.) */
                int fake = 0;
                if (have_est && c == est_c && d <= o->endgame_tol * sc && closing && c > 1 &&
                    refine_endpoint(NULL, w, h, o, w->est)) {
                    double mv = 0;
                    for (int i = 0; i < n; i++) mv = lcn_dmax(mv, cabs(w->xc[i] - w->est[i]));
                    fake = mv > lcn_dmax(100.0 * d, 1e-8 * sc);
                }
                if (fake) {
                    lcn_logf(&o->log, LCN_LOG_DEBUG, "cauchy at t = %g: winding %d ends at a regular root", t, c);
                    closing = 0;
                    if (!fake_tried) {
                        fake_tried = 1;
                        memcpy(w->xs, x, nb);
                        double hsave = w->hstep;
                        long psave = w->prec;
                        w->budget = 2000;
                        double complex tt;
                        long rc = lcn_track_seg(w, h, o, x, t, 0.0, &tt);
                        w->budget = 0;
                        if (rc == SEG_OK && refine_endpoint(r, w, h, o, x)) {
                            r->winding = 1;
                            finish(r, w, h, LCN_PATH_SUCCESS, r->x, 0.0);
                            return;
                        }
                        memcpy(x, w->xs, nb);
                        w->hstep = hsave;
                        w->prec = psave;
                    }
                }
                if (have_est && c == est_c && d <= o->endgame_tol * sc && closing) {
                    r->winding = c;
                    if (c == 1 && refine_endpoint(r, w, h, o, w->est)) {
                        finish(r, w, h, LCN_PATH_SUCCESS, r->x, 0.0);
                        return;
                    }
                    r->accuracy = d;
                    finish(r, w, h, LCN_PATH_SINGULAR, w->est, 0.0);
                    return;
                }
                memcpy(w->estp, w->est, nb);
                have_est = 1;
                est_c = c;
            }
        }
        double tn = t * o->endgame_ratio;
        if (tn < o->endgame_min_t) {
            finish(r, w, h, norm > 1e4 * lcn_dmax(1.0, norm0) ? LCN_PATH_AT_INFINITY : LCN_PATH_ILL_CONDITIONED, x, t);
            return;
        }
        memcpy(w->xprev, x, nb);
        double complex tt;
        /* A path already diverging with a stable valuation gets no more
           precision: its conditioning worsens as |x| grows, and a failure
           there is the divergence itself. */
        int allow = w->allow_mp;
        if (stable_inf >= 1) w->allow_mp = 0;
        /* Near t = 0 the path's scale of change is proportional to t. */
        w->hstep *= o->endgame_ratio;
        long rc = lcn_track_seg(w, h, o, x, t, tn, &tt);
        w->allow_mp = allow;
        if (rc != SEG_OK) {
            finish(r, w, h, stable_inf >= 1 && rc != SEG_MAX_STEPS ? LCN_PATH_AT_INFINITY : seg_status(rc), x,
                   cabs(tt));
            return;
        }
        t = tn;
        cond_prev = cond;
        norm_prev = norm;
        double *sw = w->v;
        w->v = w->vprev;
        w->vprev = sw;
    }
}

void lcn_tracker_track(lcn_path_result_t r, lcn_tracker_t tr, const double complex *x0)
{
    lcn_tracker_ws *w = tr->ws;
    const lcn_homotopy_struct *h = tr->h;
    const lcn_solve_opts_struct *o = tr->opts;
    const int n = w->n;
    LCN_ASSERT(r->n == n);
    w->prec = o->start_prec > 53 ? o->start_prec : 53;
    w->max_prec_used = w->prec;
    w->steps_acc = w->steps_rej = 0;
    w->budget = 0;
    w->allow_mp = o->max_prec > 53;
    w->hstep = 0.01;
    r->winding = 1;
    r->certified = 0;
    r->accuracy = INFINITY;
    double complex *x = r->x;
    memcpy(x, x0, (size_t)n * sizeof *x);
    if (!check_start(w, h, o, x)) {
        memcpy(x, x0, (size_t)n * sizeof *x);
        finish(r, w, h, LCN_PATH_INVALID_START, x, 1.0);
        return;
    }
    double complex tt;
    w->mp_left = o->max_steps_mp > 0 ? o->max_steps_mp : -1;
    long rc = lcn_track_seg(w, h, o, x, 1.0, o->endgame_start, &tt);
    w->mp_left = -1;
    if (rc != SEG_OK) {
        finish(r, w, h, seg_status(rc), x, cabs(tt));
        return;
    }
    endgame(r, w, h, o, x);
}
