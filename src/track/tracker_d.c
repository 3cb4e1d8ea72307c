/* One segment of a path in complex double: RK4 or Hermite predictor,
 * Newton corrector, step size from the size of the first Newton update.
 *
 * t runs from 1 (start) to 0 (target); a segment goes from ta to tb along
 * the straight line in the complex t-plane, parametrised by arclength s. */
#include <string.h>
#include "impl.h"

/* k = dx/dt = -H_x^{-1} H_t at (x, t). Returns 0 if H_x is singular. */
static int tangent_d(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const double complex *x, double complex t,
                     double complex u, double complex *k)
{
    lcn_homotopy_eval2_d(w->H, w->Hx, k, h, w->sws, w->tmp, x, t, u);
    if (lcn_lu_d(w->Hx, w->ipiv, w->n, NULL)) return 0;
    lcn_lu_solve_d(w->Hx, w->ipiv, w->n, k);
    for (int i = 0; i < w->n; i++) {
        k[i] = -k[i];
        if (!isfinite(creal(k[i])) || !isfinite(cimag(k[i]))) return 0;
    }
    return 1;
}

/* Newton at fixed t: the first iteration with a fresh Jacobian, the later
 * ones reusing its factorisation (simplified Newton: the contraction is
 * about |first update| * |H_x^{-1}| |H_xx|, tiny once the predictor is
 * good, and it saves a Jacobian and an LU per iteration). Converged when
 * an update falls below corrector_tol relative to max(1, |x|); an update
 * that does not halve the previous one means we are outside the
 * contraction region, and the step is rejected. *e1 is the relative size
 * of the first update: the predictor error the step control aims at. */
static int correct_d(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                     double complex *x, double complex t, double complex u, double *e1)
{
    const int n = w->n;
    double scale = lcn_dmax(1.0, lcn_norm_inf_d(x, n)), prev = 0;
    *e1 = INFINITY;
    lcn_homotopy_eval2_d(w->H, w->Hx, NULL, h, w->sws, w->tmp, x, t, u);
    if (lcn_lu_d(w->Hx, w->ipiv, n, NULL)) return 0;
    for (int j = 0; j < o->corrector_iters; j++) {
        if (j > 0) lcn_homotopy_eval2_d(w->H, NULL, NULL, h, w->sws, w->tmp, x, t, u);
        memcpy(w->dx, w->H, (size_t)n * sizeof *w->dx);
        lcn_lu_solve_d(w->Hx, w->ipiv, n, w->dx);
        double nd = lcn_norm_inf_d(w->dx, n) / scale;
        for (int i = 0; i < n; i++) x[i] -= w->dx[i];
        if (j == 0) *e1 = nd;
        if (lcn_corrector_done(nd, prev, j, o->corrector_tol)) return 1;
        if (!(nd == nd) || (j > 0 && nd > 0.5 * prev)) return 0;
        prev = nd;
    }
    return 0;
}

/* y = the polynomial of degree 2m - 1 through the m points (sh[j],
 * xh[j]) with slopes dir kh[j] (oldest first), at s: Newton's divided
 * differences on the doubled nodes sh[0], sh[0], sh[1], sh[1], ... (a
 * doubled node's first difference is the slope). The nodes are arclengths
 * along the segment t = ta + s dir, not t: near t = 1 a path may move at
 * 1 - t ~ 1e-18 (see lcn_homotopy_eval2_d), where the t of its points are
 * all 1 in double. The error is x^(2m)(ξ) Π_j (s - sh[j])^2 / (2m)!. */
static void hermite_d(double complex *y, const double complex *xh, const double complex *kh, const double *sh, int m,
                      double complex dir, double s, int n)
{
    double z[2 * LCN_HERMITE_POINTS], inv[2 * LCN_HERMITE_POINTS][2 * LCN_HERMITE_POINTS];
    double complex c[2 * LCN_HERMITE_POINTS];
    const int N = 2 * m;
    for (int j = 0; j < N; j++) z[j] = sh[j / 2];
    for (int r = 1; r < N; r++)
        for (int j = r; j < N; j++) inv[r][j] = z[j] != z[j - r] ? 1.0 / (z[j] - z[j - r]) : 0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < N; j++) c[j] = xh[(size_t)(j / 2) * n + i];
        for (int j = N - 1; j >= 1; j--)
            c[j] = j % 2 ? lcn_cmul(dir, kh[(size_t)(j / 2) * n + i]) : (c[j] - c[j - 1]) * inv[1][j];
        for (int r = 2; r < N; r++)
            for (int j = N - 1; j >= r; j--) c[j] = (c[j] - c[j - 1]) * inv[r][j];
        double complex p = c[N - 1];
        for (int j = N - 2; j >= 0; j--) p = p * (s - z[j]) + c[j];
        y[i] = p;
    }
}

long lcn_track_seg_d(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                     double complex *x, double complex ta, double complex tb, double complex *treached)
{
    const int n = w->n;
    const size_t nb = (size_t)n * sizeof *x;
    const double L = cabs(tb - ta);
    *treached = ta;
    if (L == 0) return SEG_OK;
    const double complex dir = (tb - ta) / L;
    /* u = 1 - t carried along separately (see lcn_homotopy_eval2_d). */
    const double complex ua = 1.0 - ta;
    double s = 0, hs = lcn_dmin(w->hstep, lcn_dmin(o->max_step, L));
    int k0_valid = 0; /* w->k[0] is the slope at (x, t0) */
    /* Hermite: the last nh accepted points of this segment before x (w->xh,
       slopes w->kh, at arclengths sh); the steps are RK4 until there are
       two of them. */
    const int hermite = o->predictor == LCN_PREDICTOR_HERMITE;
    int nh = 0;
    double sh[LCN_HERMITE_POINTS];
    while (s < L) {
        if (w->steps_acc + w->steps_rej >= o->max_steps) return SEG_MAX_STEPS;
        if (w->budget > 0 && --w->budget == 0) return SEG_MAX_STEPS;
        const int last = hs >= L - s;
        const double hh = last ? L - s : hs;
        const double complex t0 = ta + s * dir, t1 = last ? tb : ta + (s + hh) * dir, dt = hh * dir;
        const double complex u0 = ua - s * dir, u1 = last ? 1.0 - tb : ua - (s + hh) * dir;
        /* The smallest step is relative to the distance to the ends t = 1
           and t = 0 (both may need tiny steps) and to the segment. */
        const double hmin = o->min_step * lcn_dmin(L, lcn_dmax(lcn_dmin(cabs(t0), cabs(u0)), 1e-20));
        /* RK4 on dx/dt = -H_x^{-1} H_t, or the Hermite interpolant. After
           a rejected step x and t0 are the same: so is the first slope. */
        int ok = k0_valid || tangent_d(w, h, x, t0, u0, w->k[0]);
        const int ok0 = ok;
        k0_valid = 0;
        /* From three points on (the cubic through two, of order 4, took
           more steps than RK4, x = a^5 in t-track); up to
           LCN_HERMITE_POINTS once the segment has them. */
        const int interp = hermite && nh >= 2, npts = nh + 1;
        if (ok && hermite) {
            /* x, at t0, is the newest point (slot nh) */
            memcpy(w->xh + (size_t)nh * n, x, nb);
            memcpy(w->kh + (size_t)nh * n, w->k[0], nb);
            sh[nh] = s;
        }
        if (ok && interp) hermite_d(w->xb, w->xh, w->kh, sh, npts, dir, s + hh, n);
        if (ok && !interp) {
            for (int i = 0; i < n; i++) w->xa[i] = x[i] + lcn_cmul(0.5 * dt, w->k[0][i]);
            ok = tangent_d(w, h, w->xa, t0 + 0.5 * dt, u0 - 0.5 * dt, w->k[1]);
            if (ok) {
                for (int i = 0; i < n; i++) w->xa[i] = x[i] + lcn_cmul(0.5 * dt, w->k[1][i]);
                ok = tangent_d(w, h, w->xa, t0 + 0.5 * dt, u0 - 0.5 * dt, w->k[2]);
            }
            if (ok) {
                for (int i = 0; i < n; i++) w->xa[i] = x[i] + lcn_cmul(dt, w->k[2][i]);
                ok = tangent_d(w, h, w->xa, t1, u1, w->k[3]);
            }
            if (ok)
                for (int i = 0; i < n; i++)
                    w->xb[i] =
                        x[i] + lcn_cmul(dt / 6.0, w->k[0][i] + 2.0 * w->k[1][i] + 2.0 * w->k[2][i] + w->k[3][i]);
        }
        double e1 = INFINITY;
        if (ok) ok = correct_d(w, h, o, w->xb, t1, u1, &e1);
        /* A first update far above the target means the predictor was poor:
           the corrector may have converged to a neighbouring path. */
        if (ok && e1 <= 10.0 * o->predictor_tol) {
            if (hermite) {
                /* x (slot nh) stays in the history; when it is full the
                   oldest point leaves it */
                if (nh == LCN_HERMITE_POINTS - 1) {
                    memmove(w->xh, w->xh + n, (size_t)nh * nb);
                    memmove(w->kh, w->kh + n, (size_t)nh * nb);
                    memmove(sh, sh + 1, (size_t)nh * sizeof *sh);
                } else {
                    nh++;
                }
            }
            memcpy(x, w->xb, nb);
            w->steps_acc++;
            s = last ? L : s + hh;
            *treached = last ? tb : t1;
            /* RK4 error ~ h^5, Hermite's on m points ~ h^(2m): aim the next
               first update at predictor_tol. */
            const double ex = interp ? 0.5 / npts : 0.2;
            double fac = 0.8 * pow(o->predictor_tol / lcn_dmax(e1, 1e-300), ex);
            fac = lcn_dmin(2.0, lcn_dmax(0.5, fac));
            double hn = lcn_dmin(hh * fac, o->max_step);
            hs = last ? lcn_dmax(hn, hs) : hn;
            if (lcn_norm_inf_d(x, n) > o->max_norm) {
                w->hstep = hs;
                return SEG_DIVERGED;
            }
        } else {
            w->steps_rej++;
            k0_valid = ok0;
            const double ex = interp ? 0.5 / npts : 0.2;
            double fac = e1 < INFINITY ? lcn_dmax(0.25, lcn_dmin(0.5, 0.8 * pow(o->predictor_tol / e1, ex))) : 0.5;
            hs = hh * fac;
            if (hs < hmin) {
                w->hstep = hs;
                return SEG_STEP_TOO_SMALL;
            }
        }
    }
    w->hstep = hs;
    return SEG_OK;
}
