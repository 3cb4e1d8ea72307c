/* The alpha-test, Newton refinement in MPC, association of the input point,
 * realness, and the certifier object.
 *
 * Results used (norms Euclidean; gamma = gamma(F, x) as in certify.h):
 * (A) alpha-theorem (Blum-Cucker-Shub-Smale, "Complexity and Real
 *     Computation", Ch. 8; as stated in Hauenstein-Sottile, "alphaCertified",
 *     ACM TOMS 38(4) 2012, Thm. 1.2 of arXiv:1011.1091): alpha(F, x) <
 *     (13 - 3 sqrt 17)/4 implies that x is an approximate zero with associated
 *     zero xi and ||x - xi|| <= 2 beta(F, x).
 * (G) gamma-theorem (BCSS Ch. 8): if F(xi) = 0 and ||y - xi|| gamma(F, xi) <
 *     (3 - sqrt 7)/2, then y is an approximate zero with associated zero xi.
 * (L) For u = ||y - x|| gamma(F, x) < 1: ||DF(x)^{-1} DF(y) - I|| <= 1/(1-u)^2 - 1
 *     (BCSS Ch. 8; proof: expand DF(y) in Taylor series at x, term k has
 *     norm <= k u^{k-1}, and sum_k k u^{k-1} = 1/(1-u)^2).
 * Derived here from (L):
 * (U) Uniqueness: if R gamma(F, x) < 1 - 1/sqrt 2, F has at most one zero in the
 *     closed ball B(x, R): for zeros xi, eta in it, 0 = DF(x)^{-1}(F(eta) - F(xi))
 *     = (I + E)(eta - xi) with E the average of DF(x)^{-1}DF(y) - I over the
 *     segment, ||E|| <= 1/(1 - R gamma)^2 - 1 < 1, so eta = xi.
 * (P) Moving gamma (as in BCSS Ch. 8): for u = ||y - x|| gamma(F,x) < 1 - 1/sqrt 2,
 *     gamma(F, y) <= gamma(F, x) / ((1 - u) psi(u)), psi(u) = 1 - 4u + 2u^2: by (L)
 *     ||(DF(x)^{-1}DF(y))^{-1}|| <= (1-u)^2/psi(u), and expanding D^kF(y) at x,
 *     ||DF(x)^{-1} D^kF(y)/k!|| <= sum_{l>=k} C(l,k) gamma^{l-1} ||y-x||^{l-k}
 *     = gamma^{k-1}/(1-u)^{k+1}; take the (k-1)-th root, psi < 1.
 * Realness: F real (real constants and parameters) => conj(xi) is a zero, and
 * ||conj(xi) - x|| <= 2 beta + ||x - conj x||; by (U) conj(xi) = xi when
 * gamma (2 beta + ||x - conj x||) < 1 - 1/sqrt 2 (this plays the role of
 * alphaCertified's realness test). Conversely every real point is at distance
 * >= ||Im x|| from x, so ||Im x|| > 2 beta proves xi non-real (the ball and
 * its conjugate are disjoint). */
#include <math.h>
#include <float.h>
#include <string.h>
#include "impl.h"

void lcn_certifier_init(lcn_certifier_t c, const lcn_system_t sys, long prec)
{
    if (prec < 64) prec = 64;
    c->sys = sys;
    lcn_system_ws_init(c->ws, sys);
    c->prec = prec;
    c->prec_alloc = prec;
    c->max_newton = 40;
    c->attempts = 3;
    lcn_cert_priv *w = lcn_malloc(sizeof *w);
    lcn_cert_priv_init(w, sys, (mpfr_prec_t)prec);
    c->priv = w;
}

void lcn_certifier_clear(lcn_certifier_t c)
{
    lcn_cert_priv *w = c->priv;
    if (w) {
        lcn_cert_priv_clear(w);
        lcn_free(w);
    }
    lcn_system_ws_clear(c->ws);
    memset(c, 0, sizeof *c);
}

static void set_params(lcn_cert_priv *w, const double complex *p)
{
    for (int j = 0; j < w->m; j++) mpc_set_dc(w->pm[j], p[j], MPC_RNDNN); /* exact: prec >= 53 */
}

/* Lower bounds of the constants of (A), (G), (U). */
static void alpha0_down(mpfr_t r)
{
    mpfr_sqrt_ui(r, 17, MPFR_RNDU);
    mpfr_mul_ui(r, r, 3, MPFR_RNDU);
    mpfr_ui_sub(r, 13, r, MPFR_RNDD);
    mpfr_div_2ui(r, r, 2, MPFR_RNDD);
}

static void gamma0_down(mpfr_t r)
{
    mpfr_sqrt_ui(r, 7, MPFR_RNDU);
    mpfr_ui_sub(r, 3, r, MPFR_RNDD);
    mpfr_div_2ui(r, r, 1, MPFR_RNDD);
}

static void unique0_down(mpfr_t r)
{
    mpfr_set_d(r, 0.5, MPFR_RNDN);
    mpfr_sqrt(r, r, MPFR_RNDU);
    mpfr_ui_sub(r, 1, r, MPFR_RNDD);
}

static void set_all_inf(mpfr_t alpha, mpfr_t beta, mpfr_t gamma, mpfr_t jinv)
{
    mpfr_set_inf(alpha, 1);
    mpfr_set_inf(beta, 1);
    mpfr_set_inf(gamma, 1);
    mpfr_set_inf(jinv, 1);
}

/* The alpha-test at the exact point x, parameters already in w->pm. */
static int alpha_test(mpfr_t alpha, mpfr_t beta, mpfr_t gamma, mpfr_t jinv, lcn_cert_priv *w,
                      const lcn_system_struct *sys, const mpc_t *x)
{
    int n = sys->n;
    if (n == 0) {
        mpfr_set_zero(alpha, 1);
        mpfr_set_zero(beta, 1);
        mpfr_set_zero(gamma, 1);
        mpfr_set_zero(jinv, 1);
        return 1;
    }
    lcn_cert_ball_eval(w, sys, x, (const mpc_t *)w->pm);
    const int32_t *out = sys->prog[1].out;
    mpc_t *bm = w->bm;
    mpfr_t *br = w->br;
#define JM(i, j) bm[out[n + (i) + (size_t)n * (j)]]
#define JR(i, j) br[out[n + (i) + (size_t)n * (j)]]
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) mpc_set(w->A[i + (size_t)n * j], JM(i, j), MPC_RNDNN);
    if (!lcn_cert_lu(w, n)) {
        set_all_inf(alpha, beta, gamma, jinv);
        return 0;
    }
    /* Approximate inverse M (exact as a matrix of MPC numbers; its accuracy
     * only affects how small ||E|| comes out). */
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) mpc_set_ui(w->b[i], i == j, MPC_RNDNN);
        lcn_cert_lu_solve(w, w->b, n);
        for (int i = 0; i < n; i++) mpc_swap(w->b[i], w->M[i + (size_t)n * j]);
    }
    mpfr_t *zero = &w->tr[2];
    mpfr_set_zero(*zero, 1);
    mpfr_t *s = &w->u[0], *e = &w->u[1], *den = &w->u[2], *nm = &w->u[3];
    /* ||E||_F for E = I - M J over the whole ball of J: an upper bound of ||E||_2. */
    mpfr_set_zero(*s, 1);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            mpc_set_ui(w->tm[3], i == j, MPC_RNDNN);
            mpfr_set_zero(w->tr[3], 1);
            for (int k = 0; k < n; k++) {
                lcn_cert_ball_mul(w->tm[1], w->tr[1], w->M[i + (size_t)n * k], *zero, JM(k, j), JR(k, j), w);
                lcn_cert_ball_add(w->tm[3], w->tr[3], w->tm[3], w->tr[3], w->tm[1], w->tr[1], 1, w);
            }
            lcn_cert_ball_abs_up(*e, w->tm[3], w->tr[3], w);
            mpfr_sqr(*e, *e, MPFR_RNDU);
            mpfr_add(*s, *s, *e, MPFR_RNDU);
        }
    mpfr_sqrt(*s, *s, MPFR_RNDU);
    if (!(mpfr_cmp_ui(*s, 1) < 0)) {
        set_all_inf(alpha, beta, gamma, jinv);
        return 0;
    }
    /* M J = I - E is invertible, so J is, with J^{-1} = (I - E)^{-1} M and
     * ||(I - E)^{-1}|| <= 1/(1 - ||E||). */
    mpfr_ui_sub(*den, 1, *s, MPFR_RNDD);
    mpfr_set_zero(*nm, 1);
    for (size_t k = 0; k < (size_t)n * n; k++) {
        mpc_abs(*e, w->M[k], MPFR_RNDU);
        mpfr_sqr(*e, *e, MPFR_RNDU);
        mpfr_add(*nm, *nm, *e, MPFR_RNDU);
    }
    mpfr_sqrt(*nm, *nm, MPFR_RNDU);
    mpfr_div(jinv, *nm, *den, MPFR_RNDU);
    /* beta = ||J^{-1} F|| = ||(I - E)^{-1} M F|| <= ||M F|| / (1 - ||E||). */
    mpfr_set_zero(*s, 1);
    for (int i = 0; i < n; i++) {
        mpc_set_ui(w->tm[3], 0, MPC_RNDNN);
        mpfr_set_zero(w->tr[3], 1);
        for (int k = 0; k < n; k++) {
            lcn_cert_ball_mul(w->tm[1], w->tr[1], w->M[i + (size_t)n * k], *zero, bm[out[k]], br[out[k]], w);
            lcn_cert_ball_add(w->tm[3], w->tr[3], w->tm[3], w->tr[3], w->tm[1], w->tr[1], 0, w);
        }
        lcn_cert_ball_abs_up(*e, w->tm[3], w->tr[3], w);
        mpfr_sqr(*e, *e, MPFR_RNDU);
        mpfr_add(*s, *s, *e, MPFR_RNDU);
    }
    mpfr_sqrt(*s, *s, MPFR_RNDU);
    mpfr_div(beta, *s, *den, MPFR_RNDU);
#undef JM
#undef JR
    /* gamma <= max_k (||J^{-1}|| ||D^kF/k!||)^{1/(k-1)}, see majorant.c. */
    mpfr_set_zero(gamma, 1);
    if (!lcn_cert_majorant(w, sys, x, (const mpc_t *)w->pm)) {
        mpfr_set_inf(gamma, 1);
    } else {
        int D = w->maxdeg;
        for (int k = 2; k <= D; k++) {
            mpfr_set_zero(*s, 1);
            for (int i = 0; i < n; i++) {
                mpfr_set_d(*e, w->S[(size_t)i * (D + 1) + k], MPFR_RNDU);
                mpfr_sqr(*e, *e, MPFR_RNDU);
                mpfr_add(*s, *s, *e, MPFR_RNDU);
            }
            if (mpfr_zero_p(*s)) continue;
            mpfr_sqrt(*s, *s, MPFR_RNDU);
            mpfr_mul(*s, *s, jinv, MPFR_RNDU);
            mpfr_rootn_ui(*s, *s, (unsigned long)(k - 1), MPFR_RNDU);
            mpfr_max(gamma, gamma, *s, MPFR_RNDU);
        }
    }
    /* beta == 0 means F(x) = 0 exactly: x is the zero, whatever gamma is. */
    if (mpfr_zero_p(beta))
        mpfr_set_zero(alpha, 1);
    else
        mpfr_mul(alpha, beta, gamma, MPFR_RNDU);
    alpha0_down(*e);
    return mpfr_less_p(alpha, *e);
}

int lcn_certifier_alpha(mpfr_t alpha, mpfr_t beta, mpfr_t gamma, mpfr_t jinv, lcn_certifier_t c,
                        const double complex *p, const mpc_t *x, long prec)
{
    lcn_cert_priv *w = c->priv;
    if (prec < 64) prec = 64;
    lcn_cert_priv_set_prec(w, (mpfr_prec_t)prec);
    set_params(w, p);
    return alpha_test(alpha, beta, gamma, jinv, w, c->sys, x);
}

/* Newton's method on w->x at w->prec. Returns 1 when the corrections reached
 * the rounding floor (converged), 0 otherwise (singular, diverging, or out
 * of steps). Estimates only: the alpha-test decides. */
static int newton(lcn_certificate_struct *cert, lcn_certifier_struct *c)
{
    lcn_cert_priv *w = c->priv;
    const lcn_system_struct *sys = c->sys;
    int n = sys->n;
    long prec = (long)w->prec;
    double prev = INFINITY;
    cert->newton_steps = 0;
    cert->newton_step = INFINITY;
    if (n == 0) return 1;
    for (int it = 0; it < c->max_newton; it++) {
        lcn_system_eval_mp(w->b, w->A, NULL, sys, c->ws, (const mpc_t *)w->x, (const mpc_t *)w->pm, w->prec);
        if (!lcn_cert_lu(w, n)) return 0;
        lcn_cert_lu_solve(w, w->b, n);
        double step = 0, xn = 0;
        for (int i = 0; i < n; i++) {
            mpc_sub(w->x[i], w->x[i], w->b[i], MPC_RNDNN);
            double a = mpfr_get_d(mpc_realref(w->b[i]), MPFR_RNDN), b = mpfr_get_d(mpc_imagref(w->b[i]), MPFR_RNDN);
            double xa = mpfr_get_d(mpc_realref(w->x[i]), MPFR_RNDN), xb = mpfr_get_d(mpc_imagref(w->x[i]), MPFR_RNDN);
            step += a * a + b * b;
            xn += xa * xa + xb * xb;
        }
        step = sqrt(step);
        xn = sqrt(xn);
        cert->newton_steps++;
        cert->newton_step = step;
        if (!isfinite(step) || !isfinite(xn) || xn > 1e150) return 0;
        double scale = xn > DBL_MIN ? xn : DBL_MIN;
        /* The floor: corrections at the level of the rounding of x, or no
         * longer shrinking once below half the precision (the evaluation
         * noise, amplified by the conditioning, has been reached). */
        if (step <= ldexp(scale, (int)(8 - prec))) return 1;
        if (it >= 2 && step > 0.5 * prev && step <= ldexp(scale, (int)(-prec / 2))) return 1;
        /* Quadratic convergence from here would make the next correction
         * about gamma step^2, below the precision: stop one evaluation early
         * and let the alpha-test judge the point. */
        if (it >= 1 && step <= 0x1p-20 * prev && step <= ldexp(scale, (int)(-prec / 2) - 16)) return 1;
        prev = step;
    }
    return 0;
}

/* out >= ||a - b|| for a in doubles and b exact MPC (differences rounded
 * away from zero, sums and the root up). */
static void dist_up(mpfr_t out, const double complex *a, const mpc_t *b, int n, mpfr_t t)
{
    mpfr_set_zero(out, 1);
    for (int i = 0; i < n; i++) {
        mpfr_set_d(t, creal(a[i]), MPFR_RNDN);
        mpfr_sub(t, t, mpc_realref(b[i]), MPFR_RNDA);
        mpfr_sqr(t, t, MPFR_RNDU);
        mpfr_add(out, out, t, MPFR_RNDU);
        mpfr_set_d(t, cimag(a[i]), MPFR_RNDN);
        mpfr_sub(t, t, mpc_imagref(b[i]), MPFR_RNDA);
        mpfr_sqr(t, t, MPFR_RNDU);
        mpfr_add(out, out, t, MPFR_RNDU);
    }
    mpfr_sqrt(out, out, MPFR_RNDU);
}

/* ||Im b|| rounded in direction rnd (RNDU or RNDD). */
static void imag_norm(mpfr_t out, const mpc_t *b, int n, mpfr_t t, mpfr_rnd_t rnd)
{
    mpfr_set_zero(out, 1);
    for (int i = 0; i < n; i++) {
        mpfr_sqr(t, mpc_imagref(b[i]), rnd);
        mpfr_add(out, out, t, rnd);
    }
    mpfr_sqrt(out, out, rnd);
}

static int all_finite(const double complex *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(creal(v[i])) || !isfinite(cimag(v[i]))) return 0;
    return 1;
}

lcn_err_t lcn_certifier_certify(lcn_certificate_struct *cert, double complex *x_refined, lcn_certifier_t c,
                                const double complex *p, const double complex *x, int system_is_real)
{
    const lcn_system_struct *sys = c->sys;
    lcn_cert_priv *w = c->priv;
    int n = sys->n, m = sys->m;
    if (!cert || !x || (m > 0 && !p)) return LCN_ERR_ARG;
    if (!all_finite(x, n) || (m > 0 && !all_finite(p, m))) return LCN_ERR_ARG;
    if (system_is_real) {
        for (size_t k = 0; k < sys->nconst; k++)
            if (mpq_sgn(sys->cim[k]) != 0) return LCN_ERR_ARG;
        for (int j = 0; j < m; j++)
            if (cimag(p[j]) != 0) return LCN_ERR_ARG;
    }
    memset(cert, 0, sizeof *cert);
    cert->real_status = LCN_CERTIFY_UNDECIDED;
    cert->alpha = cert->beta = cert->gamma = cert->jinv_norm = INFINITY;
    cert->radius = cert->input_distance = INFINITY;
    cert->unique_radius = 0;

    mpfr_t alpha, beta, gamma, jinv, t, r, v;
    mpfr_inits2(64, alpha, beta, gamma, jinv, t, r, v, (mpfr_ptr)0);
    int ok = 0, attempts = c->attempts > 0 ? c->attempts : 1;
    for (int a = 0; a < attempts; a++) {
        long prec = c->prec << a;
        lcn_cert_priv_set_prec(w, (mpfr_prec_t)prec);
        mpfr_set_prec(t, (mpfr_prec_t)prec); /* t holds exact differences of x */
        set_params(w, p);
        for (int i = 0; i < n; i++) mpc_set_dc(w->x[i], x[i], MPC_RNDNN);
        int conv = newton(cert, c);
        cert->prec = prec;
        ok = alpha_test(alpha, beta, gamma, jinv, w, sys, (const mpc_t *)w->x);
        /* More precision only helps a point that Newton brought to the
         * rounding floor; a wrong point gets no second try. */
        if (ok || !conv) break;
    }
    cert->alpha = mpfr_get_d(alpha, MPFR_RNDU);
    cert->beta = mpfr_get_d(beta, MPFR_RNDU);
    cert->gamma = mpfr_get_d(gamma, MPFR_RNDU);
    cert->jinv_norm = mpfr_get_d(jinv, MPFR_RNDU);

    double complex *xo = lcn_malloc_array(n ? (size_t)n : 1, sizeof *xo);
    int finite = 1;
    for (int i = 0; i < n; i++) {
        xo[i] = CMPLX(mpfr_get_d(mpc_realref(w->x[i]), MPFR_RNDN), mpfr_get_d(mpc_imagref(w->x[i]), MPFR_RNDN));
        if (!isfinite(creal(xo[i])) || !isfinite(cimag(xo[i]))) finite = 0;
    }
    if (!finite) memcpy(xo, x, (size_t)n * sizeof *xo);

    if (ok && finite) {
        mpfr_t two_beta, lim, dround;
        mpfr_inits2(64, two_beta, lim, dround, (mpfr_ptr)0);
        cert->zero_certified = 1;
        mpfr_mul_2ui(two_beta, beta, 1, MPFR_RNDU);
        unique0_down(lim);
        if (system_is_real) {
            if (mpfr_number_p(gamma)) {
                imag_norm(r, (const mpc_t *)w->x, n, t, MPFR_RNDU);
                mpfr_mul_2ui(r, r, 1, MPFR_RNDU);
                mpfr_add(r, r, two_beta, MPFR_RNDU);
                mpfr_mul(r, r, gamma, MPFR_RNDU);
                if (mpfr_less_p(r, lim)) cert->real_status = LCN_CERTIFY_REAL;
            }
            if (cert->real_status != LCN_CERTIFY_REAL) {
                imag_norm(r, (const mpc_t *)w->x, n, t, MPFR_RNDD);
                if (mpfr_greater_p(r, two_beta)) cert->real_status = LCN_CERTIFY_NOT_REAL;
            }
            /* xi real: report the real part; distances below are taken from
             * the reported point, so they include the dropped imaginary part. */
            if (cert->real_status == LCN_CERTIFY_REAL)
                for (int i = 0; i < n; i++) xo[i] = creal(xo[i]);
        }
        /* radius around the returned doubles: their distance to x_r plus 2 beta (A) */
        dist_up(dround, xo, (const mpc_t *)w->x, n, t);
        mpfr_add(r, dround, two_beta, MPFR_RNDU);
        cert->radius = mpfr_get_d(r, MPFR_RNDU);
        /* distance of the input to xi */
        dist_up(v, x, (const mpc_t *)w->x, n, t);
        mpfr_add(v, v, two_beta, MPFR_RNDU);
        cert->input_distance = mpfr_get_d(v, MPFR_RNDU);
        if (mpfr_zero_p(gamma)) {
            /* Affine system: DF is constant, the zero is unique, and every
             * point is an approximate zero of it. */
            cert->unique_radius = INFINITY;
            cert->certified = 1;
        } else if (mpfr_number_p(gamma)) {
            /* (U) around x_r, shifted to the returned doubles */
            mpfr_div(r, lim, gamma, MPFR_RNDD);
            mpfr_sub(r, r, dround, MPFR_RNDD);
            cert->unique_radius = mpfr_sgn(r) > 0 ? mpfr_get_d(r, MPFR_RNDD) : 0;
            /* (P) then (G): is the input an approximate zero of xi? */
            mpfr_mul(r, two_beta, gamma, MPFR_RNDU); /* u */
            if (mpfr_less_p(r, lim)) {
                mpfr_t om, psi;
                mpfr_inits2(64, om, psi, (mpfr_ptr)0);
                mpfr_ui_sub(om, 1, r, MPFR_RNDD);
                mpfr_mul_ui(psi, r, 4, MPFR_RNDU);
                mpfr_ui_sub(psi, 1, psi, MPFR_RNDD);
                mpfr_sqr(r, r, MPFR_RNDD);
                mpfr_mul_2ui(r, r, 1, MPFR_RNDD);
                mpfr_add(psi, psi, r, MPFR_RNDD);
                mpfr_mul(om, om, psi, MPFR_RNDD);
                mpfr_div(r, gamma, om, MPFR_RNDU); /* >= gamma(F, xi) by (P) */
                mpfr_mul(r, r, v, MPFR_RNDU);
                gamma0_down(om);
                cert->certified = mpfr_less_p(r, om);
                mpfr_clears(om, psi, (mpfr_ptr)0);
            }
        }
        mpfr_clears(two_beta, lim, dround, (mpfr_ptr)0);
    }
    if (x_refined) memcpy(x_refined, xo, (size_t)n * sizeof *xo);
    lcn_free(xo);
    mpfr_clears(alpha, beta, gamma, jinv, t, r, v, (mpfr_ptr)0);
    return LCN_OK;
}

lcn_err_t lcn_certify_point(lcn_certificate_struct *cert, double complex *x_refined, const lcn_system_t sys,
                            const double complex *p, const double complex *x, int system_is_real, long prec)
{
    lcn_certifier_t c;
    lcn_certifier_init(c, sys, prec);
    lcn_err_t err = lcn_certifier_certify(cert, x_refined, c, p, x, system_is_real);
    lcn_certifier_clear(c);
    return err;
}
