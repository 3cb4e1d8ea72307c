/* The multiprecision half of the tracker: MPC homotopy evaluation, an LU
 * with partial pivoting (n is small, so the O(n^3) MPC operations are
 * cheaper than any clever scheme), and the MPC segment tracker, the same
 * algorithm as tracker_d.c at a higher working precision.
 * t runs from 1 (start) to 0 (target). */
#include <string.h>
#include "impl.h"

static mpc_t *mp_vec(size_t len, mpfr_prec_t prec)
{
    mpc_t *v = lcn_malloc_array(len ? len : 1, sizeof *v);
    for (size_t i = 0; i < len; i++) mpc_init2(v[i], prec);
    return v;
}

static void mp_vec_free(mpc_t *v, size_t len)
{
    if (!v) return;
    for (size_t i = 0; i < len; i++) mpc_clear(v[i]);
    lcn_free(v);
}

void lcn_track_mp_free(lcn_track_mp_struct *mp)
{
    if (!mp->prec) return;
    size_t n = (size_t)mp->n, m = (size_t)mp->m;
    mp_vec_free(mp->H, n);
    mp_vec_free(mp->Hx, n * n);
    mp_vec_free(mp->Ht, n);
    mp_vec_free(mp->Jp, n * m);
    mp_vec_free(mp->pt, m);
    mp_vec_free(mp->dpm, m);
    mp_vec_free(mp->x, n);
    mp_vec_free(mp->xa, n);
    mp_vec_free(mp->xb, n);
    mp_vec_free(mp->dx, n);
    mp_vec_free(mp->s1, n);
    mp_vec_free(mp->s2, n);
    for (int i = 0; i < 4; i++) mp_vec_free(mp->k[i], n);
    lcn_free(mp->piv);
    mpc_clear(mp->t);
    mpc_clear(mp->dt);
    mpc_clear(mp->a);
    mpc_clear(mp->c);
    mpc_clear(mp->d);
    mpfr_clear(mp->r);
    mpfr_clear(mp->r2);
    memset(mp, 0, sizeof *mp);
}

void lcn_track_mp_setup(lcn_track_mp_struct *mp, int n, int m, mpfr_prec_t prec)
{
    if (mp->prec == prec && mp->n == n && mp->m == m) return;
    lcn_track_mp_free(mp);
    mp->prec = prec;
    mp->n = n;
    mp->m = m;
    size_t nn = (size_t)n, mm = (size_t)m;
    mp->H = mp_vec(nn, prec);
    mp->Hx = mp_vec(nn * nn, prec);
    mp->Ht = mp_vec(nn, prec);
    mp->Jp = mp_vec(nn * mm, prec);
    mp->pt = mp_vec(mm, prec);
    mp->dpm = mp_vec(mm, prec);
    mp->x = mp_vec(nn, prec);
    mp->xa = mp_vec(nn, prec);
    mp->xb = mp_vec(nn, prec);
    mp->dx = mp_vec(nn, prec);
    mp->s1 = mp_vec(nn, prec);
    mp->s2 = mp_vec(nn, prec);
    for (int i = 0; i < 4; i++) mp->k[i] = mp_vec(nn, prec);
    mp->piv = lcn_malloc_array(nn ? nn : 1, sizeof *mp->piv);
    mpc_init2(mp->t, prec);
    mpc_init2(mp->dt, prec);
    mpc_init2(mp->a, prec);
    mpc_init2(mp->c, prec);
    mpc_init2(mp->d, prec);
    mpfr_init2(mp->r, prec);
    mpfr_init2(mp->r2, prec);
}

/* |z| as a double, without overflow to 0 for tiny values mattering here. */
static double mpc_abs_d(const mpc_t z, mpfr_t r)
{
    mpc_abs(r, z, MPFR_RNDN);
    return mpfr_get_d(r, MPFR_RNDN);
}

int lcn_lu_mp(mpc_t *A, int *piv, int n, mpc_t tmp)
{
    mpfr_t best, cur;
    mpfr_init2(best, 53);
    mpfr_init2(cur, 53);
    int singular = 0;
    for (int k = 0; k < n; k++) {
        int p = k;
        mpc_abs(best, A[k + (size_t)n * k], MPFR_RNDN);
        for (int i = k + 1; i < n; i++) {
            mpc_abs(cur, A[i + (size_t)n * k], MPFR_RNDN);
            if (mpfr_cmp(cur, best) > 0) {
                mpfr_swap(cur, best);
                p = i;
            }
        }
        piv[k] = p;
        if (mpfr_zero_p(best)) {
            singular = 1;
            break;
        }
        if (p != k)
            for (int j = 0; j < n; j++) mpc_swap(A[k + (size_t)n * j], A[p + (size_t)n * j]);
        for (int i = k + 1; i < n; i++) mpc_div(A[i + (size_t)n * k], A[i + (size_t)n * k], A[k + (size_t)n * k], MPC_RNDNN);
        for (int j = k + 1; j < n; j++)
            for (int i = k + 1; i < n; i++) {
                mpc_mul(tmp, A[i + (size_t)n * k], A[k + (size_t)n * j], MPC_RNDNN);
                mpc_sub(A[i + (size_t)n * j], A[i + (size_t)n * j], tmp, MPC_RNDNN);
            }
    }
    mpfr_clear(best);
    mpfr_clear(cur);
    return singular;
}

void lcn_lu_solve_mp(mpc_t *b, const mpc_t *LU, const int *piv, int n, mpc_t tmp)
{
    for (int k = 0; k < n; k++)
        if (piv[k] != k) mpc_swap(b[k], b[piv[k]]);
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i; j++) {
            mpc_mul(tmp, LU[i + (size_t)n * j], b[j], MPC_RNDNN);
            mpc_sub(b[i], b[i], tmp, MPC_RNDNN);
        }
    for (int i = n - 1; i >= 0; i--) {
        for (int j = i + 1; j < n; j++) {
            mpc_mul(tmp, LU[i + (size_t)n * j], b[j], MPC_RNDNN);
            mpc_sub(b[i], b[i], tmp, MPC_RNDNN);
        }
        mpc_div(b[i], b[i], LU[i + (size_t)n * i], MPC_RNDNN);
    }
}

void lcn_homotopy_eval_mp(mpc_t *H, mpc_t *Hx, mpc_t *Ht, const lcn_homotopy_struct *h, lcn_system_ws_t ws,
                          lcn_track_mp_struct *mp, const mpc_t *x, double complex t, double complex u,
                          mpfr_prec_t prec)
{
    const int n = h->n, m = h->m;
    mpc_set_dc(mp->t, t, MPC_RNDNN);
    if (h->kind == LCN_HOMOTOPY_TOTAL_DEGREE) {
        for (int k = 0; k < m; k++) mpc_set_dc(mp->pt[k], h->p[k], MPC_RNDNN);
        lcn_system_eval_mp(H, Hx, NULL, h->sys, ws, x, (const mpc_t *)mp->pt, prec);
        /* c = 1 - t (given as u), d = t gamma */
        mpc_set_dc(mp->c, u, MPC_RNDNN);
        mpc_set_dc(mp->a, h->gamma, MPC_RNDNN);
        mpc_mul(mp->d, mp->t, mp->a, MPC_RNDNN);
        if (Hx)
            for (int i = 0; i < n * n; i++) mpc_mul(Hx[i], Hx[i], mp->c, MPC_RNDNN);
        for (int i = 0; i < n; i++) {
            int deg = h->sys->degrees[i];
            mpc_t *pw = &mp->s1[i], *g = &mp->s2[i]; /* scratch: x_i^(d-1), x_i^d - 1 */
            mpc_pow_ui(*pw, x[i], (unsigned long)(deg - 1), MPC_RNDNN);
            mpc_mul(*g, *pw, x[i], MPC_RNDNN);
            mpc_sub_ui(*g, *g, 1, MPC_RNDNN);
            if (Ht) {
                mpc_mul(Ht[i], mp->a, *g, MPC_RNDNN);
                mpc_sub(Ht[i], Ht[i], H[i], MPC_RNDNN);
            }
            mpc_mul(H[i], H[i], mp->c, MPC_RNDNN);
            mpc_fma(H[i], mp->d, *g, H[i], MPC_RNDNN);
            if (Hx) {
                mpc_mul_ui(*pw, *pw, (unsigned long)deg, MPC_RNDNN);
                mpc_fma(Hx[i + (size_t)n * i], mp->d, *pw, Hx[i + (size_t)n * i], MPC_RNDNN);
            }
        }
        return;
    }
    /* tau = t gamma / (1 + t (gamma - 1)), tau' = gamma / (1 + t (gamma - 1))^2 */
    mpc_set_dc(mp->a, h->gamma, MPC_RNDNN);
    mpc_mul(mp->c, mp->a, mp->t, MPC_RNDNN);
    mpc_set_dc(mp->d, u, MPC_RNDNN);
    mpc_add(mp->c, mp->c, mp->d, MPC_RNDNN); /* den = t gamma + (1 - t) */
    mpc_mul(mp->d, mp->t, mp->a, MPC_RNDNN);
    mpc_div(mp->d, mp->d, mp->c, MPC_RNDNN); /* tau */
    for (int k = 0; k < m; k++) {
        /* p0 - p1 in MPC, so that p(1) is p0 to the working precision. */
        mpc_set_dc(mp->pt[k], h->p0[k], MPC_RNDNN);
        mpc_set_dc(mp->dpm[k], h->p1[k], MPC_RNDNN);
        mpc_sub(mp->pt[k], mp->pt[k], mp->dpm[k], MPC_RNDNN);
        mpc_swap(mp->pt[k], mp->dpm[k]); /* dpm = p0 - p1, pt = p1 */
        mpc_fma(mp->pt[k], mp->d, mp->dpm[k], mp->pt[k], MPC_RNDNN);
    }
    if (!Ht || m == 0) {
        lcn_system_eval_mp(H, Hx, NULL, h->sys, ws, x, (const mpc_t *)mp->pt, prec);
        if (Ht)
            for (int i = 0; i < n; i++) mpc_set_ui(Ht[i], 0, MPC_RNDNN);
        return;
    }
    lcn_system_eval_mp(H, Hx, mp->Jp, h->sys, ws, x, (const mpc_t *)mp->pt, prec);
    mpc_sqr(mp->c, mp->c, MPC_RNDNN);
    mpc_div(mp->c, mp->a, mp->c, MPC_RNDNN); /* tau' */
    for (int i = 0; i < n; i++) {
        mpc_set_ui(Ht[i], 0, MPC_RNDNN);
        for (int k = 0; k < m; k++) mpc_fma(Ht[i], mp->Jp[i + (size_t)n * k], mp->dpm[k], Ht[i], MPC_RNDNN);
        mpc_mul(Ht[i], Ht[i], mp->c, MPC_RNDNN);
    }
}

static double norm_inf_mp(const mpc_t *v, int n, mpfr_t r)
{
    double s = 0;
    for (int i = 0; i < n; i++) {
        double a = mpc_abs_d(v[i], r);
        if (a > s || a != a) s = a;
    }
    return s;
}

static int tangent_mp(lcn_tracker_ws *w, const lcn_homotopy_struct *h, mpc_t *x, double complex t, double complex u,
                      mpc_t *k)
{
    lcn_track_mp_struct *mp = &w->mp;
    lcn_homotopy_eval_mp(mp->H, mp->Hx, k, h, w->sws, mp, (const mpc_t *)x, t, u, mp->prec);
    if (lcn_lu_mp(mp->Hx, mp->piv, w->n, mp->a)) return 0;
    lcn_lu_solve_mp(k, (const mpc_t *)mp->Hx, mp->piv, w->n, mp->a);
    for (int i = 0; i < w->n; i++) mpc_neg(k[i], k[i], MPC_RNDNN);
    return norm_inf_mp((const mpc_t *)k, w->n, mp->r) < INFINITY;
}

/* Same contract as correct_d in tracker_d.c. */
static int correct_mp(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o, mpc_t *x,
                      double complex t, double complex u, double *e1)
{
    lcn_track_mp_struct *mp = &w->mp;
    const int n = w->n;
    double scale = lcn_dmax(1.0, norm_inf_mp((const mpc_t *)x, n, mp->r)), prev = 0;
    *e1 = INFINITY;
    lcn_homotopy_eval_mp(mp->H, mp->Hx, NULL, h, w->sws, mp, (const mpc_t *)x, t, u, mp->prec);
    if (lcn_lu_mp(mp->Hx, mp->piv, n, mp->a)) return 0;
    for (int j = 0; j < o->corrector_iters; j++) {
        if (j > 0) lcn_homotopy_eval_mp(mp->H, NULL, NULL, h, w->sws, mp, (const mpc_t *)x, t, u, mp->prec);
        for (int i = 0; i < n; i++) mpc_set(mp->dx[i], mp->H[i], MPC_RNDNN);
        lcn_lu_solve_mp(mp->dx, (const mpc_t *)mp->Hx, mp->piv, n, mp->a);
        double nd = norm_inf_mp((const mpc_t *)mp->dx, n, mp->r) / scale;
        for (int i = 0; i < n; i++) mpc_sub(x[i], x[i], mp->dx[i], MPC_RNDNN);
        if (j == 0) *e1 = nd;
        if (lcn_corrector_done(nd, prev, j, o->corrector_tol)) return 1;
        if (!(nd == nd) || (j > 0 && nd > 0.5 * prev)) return 0;
        prev = nd;
    }
    return 0;
}

/* x_out = x + c * k (c a complex double) */
static void axpy_mp(mpc_t *out, mpc_t *x, double complex c, mpc_t *k, int n, mpc_t tmp)
{
    mpc_set_dc(tmp, c, MPC_RNDNN);
    for (int i = 0; i < n; i++) mpc_fma(out[i], tmp, k[i], x[i], MPC_RNDNN);
}

long lcn_track_seg_mp(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                      double complex *x, double complex ta, double complex tb, double complex *treached)
{
    const int n = w->n;
    lcn_track_mp_struct *mp = &w->mp;
    lcn_track_mp_setup(mp, n, w->m, (mpfr_prec_t)w->prec);
    lcn_system_ws_struct *sws = w->sws;
    (void)sws;
    const double L = cabs(tb - ta);
    *treached = ta;
    if (L == 0) return SEG_OK;
    for (int i = 0; i < n; i++) mpc_set_dc(mp->x[i], x[i], MPC_RNDNN);
    const double complex dir = (tb - ta) / L;
    /* u = 1 - t carried along separately (see lcn_homotopy_eval2_d). */
    const double complex ua = 1.0 - ta;
    double s = 0, hs = lcn_dmin(w->hstep, lcn_dmin(o->max_step, L));
    long rc = SEG_OK;
    int k0_valid = 0; /* mp->k[0] is the slope at (x, t0) */
    while (s < L) {
        if (w->steps_acc + w->steps_rej >= o->max_steps) {
            rc = SEG_MAX_STEPS;
            break;
        }
        if (w->budget > 0 && --w->budget == 0) {
            rc = SEG_MAX_STEPS;
            break;
        }
        if (w->mp_left >= 0 && w->mp_left-- == 0) {
            rc = SEG_MAX_STEPS;
            break;
        }
        const int last = hs >= L - s;
        const double hh = last ? L - s : hs;
        const double complex t0 = ta + s * dir, t1 = last ? tb : ta + (s + hh) * dir, dt = hh * dir;
        const double complex u0 = ua - s * dir, u1 = last ? 1.0 - tb : ua - (s + hh) * dir;
        /* The smallest step is relative to the distance to the ends t = 1
           and t = 0 (both may need tiny steps) and to the segment. */
        const double hmin = o->min_step * lcn_dmin(L, lcn_dmax(lcn_dmin(cabs(t0), cabs(u0)), 1e-20));
        /* After a rejected step x and t0 are the same: so is the first slope. */
        int ok = k0_valid || tangent_mp(w, h, mp->x, t0, u0, mp->k[0]);
        const int ok0 = ok;
        k0_valid = 0;
        if (ok) {
            axpy_mp(mp->xa, mp->x, 0.5 * dt, mp->k[0], n, mp->d);
            ok = tangent_mp(w, h, mp->xa, t0 + 0.5 * dt, u0 - 0.5 * dt, mp->k[1]);
        }
        if (ok) {
            axpy_mp(mp->xa, mp->x, 0.5 * dt, mp->k[1], n, mp->d);
            ok = tangent_mp(w, h, mp->xa, t0 + 0.5 * dt, u0 - 0.5 * dt, mp->k[2]);
        }
        if (ok) {
            axpy_mp(mp->xa, mp->x, dt, mp->k[2], n, mp->d);
            ok = tangent_mp(w, h, mp->xa, t1, u1, mp->k[3]);
        }
        double e1 = INFINITY;
        if (ok) {
            /* xb = x + dt/6 (k0 + 2 k1 + 2 k2 + k3) */
            for (int i = 0; i < n; i++) {
                mpc_add(mp->d, mp->k[1][i], mp->k[2][i], MPC_RNDNN);
                mpc_mul_2ui(mp->d, mp->d, 1, MPC_RNDNN);
                mpc_add(mp->d, mp->d, mp->k[0][i], MPC_RNDNN);
                mpc_add(mp->xa[i], mp->d, mp->k[3][i], MPC_RNDNN);
            }
            axpy_mp(mp->xb, mp->x, dt / 6.0, mp->xa, n, mp->d);
            ok = correct_mp(w, h, o, mp->xb, t1, u1, &e1);
        }
        if (ok && e1 <= 10.0 * o->predictor_tol) {
            for (int i = 0; i < n; i++) mpc_swap(mp->x[i], mp->xb[i]);
            w->steps_acc++;
            s = last ? L : s + hh;
            *treached = last ? tb : t1;
            double fac = 0.8 * pow(o->predictor_tol / lcn_dmax(e1, 1e-300), 0.2);
            fac = lcn_dmin(2.0, lcn_dmax(0.5, fac));
            double hn = lcn_dmin(hh * fac, o->max_step);
            hs = last ? lcn_dmax(hn, hs) : hn;
            if (norm_inf_mp((const mpc_t *)mp->x, n, mp->r) > o->max_norm) {
                rc = SEG_DIVERGED;
                break;
            }
        } else {
            w->steps_rej++;
            k0_valid = ok0;
            double fac = e1 < INFINITY ? lcn_dmax(0.25, lcn_dmin(0.5, 0.8 * pow(o->predictor_tol / e1, 0.2))) : 0.5;
            hs = hh * fac;
            if (hs < hmin) {
                rc = SEG_STEP_TOO_SMALL;
                break;
            }
        }
    }
    w->hstep = hs;
    for (int i = 0; i < n; i++) x[i] = mpc_get_dc(mp->x[i], MPC_RNDNN);
    return rc;
}
