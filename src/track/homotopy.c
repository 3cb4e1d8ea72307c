/* Total-degree and parameter homotopies in complex double.
 * t runs from 1 (start) to 0 (target). */
#include <string.h>
#include "impl.h"

static double complex *copy_params(const double complex *p, int m)
{
    double complex *q = lcn_calloc((size_t)(m > 0 ? m : 1), sizeof *q);
    if (p && m > 0) memcpy(q, p, (size_t)m * sizeof *q);
    return q;
}

void lcn_homotopy_init_total_degree(lcn_homotopy_t h, const lcn_system_t sys, const double complex *p,
                                    double complex gamma)
{
    memset(h, 0, sizeof *h);
    h->kind = LCN_HOMOTOPY_TOTAL_DEGREE;
    h->sys = sys;
    h->n = sys->n;
    h->m = sys->m;
    h->gamma = gamma;
    h->p = copy_params(p, sys->m);
}

void lcn_homotopy_init_parameter(lcn_homotopy_t h, const lcn_system_t sys, const double complex *p0,
                                 const double complex *p1, double complex gamma)
{
    memset(h, 0, sizeof *h);
    h->kind = LCN_HOMOTOPY_PARAMETER;
    h->sys = sys;
    h->n = sys->n;
    h->m = sys->m;
    h->gamma = gamma;
    h->p0 = copy_params(p0, sys->m);
    h->p1 = copy_params(p1, sys->m);
    h->dp = copy_params(NULL, sys->m);
    for (int k = 0; k < sys->m; k++) h->dp[k] = h->p0[k] - h->p1[k];
}

void lcn_homotopy_clear(lcn_homotopy_t h)
{
    lcn_free(h->p);
    lcn_free(h->p0);
    lcn_free(h->p1);
    lcn_free(h->dp);
    memset(h, 0, sizeof *h);
}

size_t lcn_homotopy_total_degree_count(const lcn_system_t sys)
{
    size_t c = 1;
    for (int i = 0; i < sys->n; i++) {
        if (sys->degrees[i] < 1) return 0;
        if (c > SIZE_MAX / (size_t)sys->degrees[i]) return 0;
        c *= (size_t)sys->degrees[i];
    }
    return c;
}

void lcn_homotopy_total_degree_start(double complex *x, const lcn_system_t sys, size_t idx)
{
    for (int i = 0; i < sys->n; i++) {
        size_t d = (size_t)sys->degrees[i];
        size_t k = idx % d;
        idx /= d;
        /* cos/sin of 2 pi k/d rather than cexp so that k = 0 gives exactly 1. */
        double a = 2.0 * M_PI * (double)k / (double)d;
        x[i] = k == 0 ? 1.0 : CMPLX(cos(a), sin(a));
    }
}

/* tau(t) = t gamma / (1 + t (gamma - 1)) and its derivative
 * gamma / (1 + t (gamma - 1))^2: a Moebius map with tau(1) = 1, tau(0) = 0,
 * which bends the straight segment p0 -> p1 into a circular arc when
 * gamma is not 1 (the gamma trick for parameter homotopies). */
static inline void tau_d(double complex *tau, double complex *dtau, double complex gamma, double complex t)
{
    double complex den = 1.0 + t * (gamma - 1.0);
    *tau = t * gamma / den;
    *dtau = gamma / (den * den);
}

void lcn_homotopy_eval_d(double complex *H, double complex *Hx, double complex *Ht, const lcn_homotopy_t h,
                         lcn_system_ws_t ws, double complex *tmp, const double complex *x, double complex t)
{
    lcn_homotopy_eval2_d(H, Hx, Ht, h, ws, tmp, x, t, 1.0 - t);
}

void lcn_homotopy_eval2_d(double complex *H, double complex *Hx, double complex *Ht, const lcn_homotopy_struct *h,
                          lcn_system_ws_struct *ws, double complex *tmp, const double complex *x, double complex t,
                          double complex u)
{
    const int n = h->n, m = h->m;
    if (h->kind == LCN_HOMOTOPY_TOTAL_DEGREE) {
        lcn_system_eval_d(H, Hx, NULL, h->sys, ws, x, h->p);
        const double complex s = u, tg = t * h->gamma;
        if (Hx)
            for (int i = 0; i < n * n; i++) Hx[i] = lcn_cmul(Hx[i], s);
        for (int i = 0; i < n; i++) {
            int d = h->sys->degrees[i];
            double complex pw = 1.0; /* x_i^(d-1) */
            for (int e = 1; e < d; e++) pw = lcn_cmul(pw, x[i]);
            double complex g = lcn_cmul(pw, x[i]) - 1.0;
            if (Ht) Ht[i] = lcn_cmul(h->gamma, g) - H[i];
            H[i] = lcn_cmul(s, H[i]) + lcn_cmul(tg, g);
            if (Hx) Hx[i + (size_t)n * i] += (double)d * lcn_cmul(tg, pw);
        }
        return;
    }
    /* Parameter homotopy: H = F(x; p(t)), dH/dt = dF/dp . (p0 - p1) tau'(t). */
    double complex tau, dtau;
    tau_d(&tau, &dtau, h->gamma, t);
    double complex *pt = tmp;
    for (int k = 0; k < m; k++) pt[k] = h->p1[k] + lcn_cmul(tau, h->dp[k]);
    if (!Ht || m == 0) {
        lcn_system_eval_d(H, Hx, NULL, h->sys, ws, x, pt);
        if (Ht)
            for (int i = 0; i < n; i++) Ht[i] = 0;
        return;
    }
    /* Forward mode along dp: far cheaper than the n*m entries of dF/dp
       when m >> n, as in the LCN systems (m = k + k(k+1)/2). */
    lcn_system_eval_dir_d(H, Hx, Ht, h->sys, ws, x, pt, h->dp);
    for (int i = 0; i < n; i++) Ht[i] = lcn_cmul(Ht[i], dtau);
}
