/* Roots of binary forms and the factorizations of an end-to-end filter
 * into layer filters (KMMT22 Lemma 5.7: the fibre of µ over w ≠ 0 is a
 * finite set of scaling classes, one per distribution of the irreducible
 * factors of π(w) into the layers). */
#include <math.h>
#include <string.h>
#include <lapacke.h>
#include "lcncrit/factor.h"
#include "impl.h"

double _lcn_chordal(const double complex *a, const double complex *b)
{
    double na = sqrt(creal(a[0] * conj(a[0]) + a[1] * conj(a[1])));
    double nb = sqrt(creal(b[0] * conj(b[0]) + b[1] * conj(b[1])));
    if (na == 0 || nb == 0) return 1;
    return cabs(a[0] * b[1] - a[1] * b[0]) / (na * nb);
}

static void normalise(double complex *l, double complex *c)
{
    double nrm = sqrt(creal(l[0] * conj(l[0]) + l[1] * conj(l[1])));
    l[0] /= nrm;
    l[1] /= nrm;
    if (c) *c *= nrm;
}

lcn_err_t lcn_factor_linear(double complex *lin, double complex *c, const double complex *w, int k)
{
    if (k < 1 || !w) return LCN_ERR_ARG;
    int n = k - 1, z0 = 0, zt = 0;
    while (z0 < k && w[z0] == 0) z0++;
    if (z0 == k) return LCN_ERR_ARG;
    while (w[k - 1 - zt] == 0) zt++;
    int d = n - z0 - zt, f = 0;
    const double complex *v = w + z0; /* v[0..d], v[0] != 0, v[d] != 0 */
    /* Exact zeros at the ends are exact factors: a leading zero coefficient
     * (of x^n) means the root y = 0, i.e. the factor y; a trailing zero
     * means the factor x. */
    for (int i = 0; i < z0; i++, f++) {
        lin[2 * f] = 0;
        lin[2 * f + 1] = 1;
    }
    for (int i = 0; i < zt; i++, f++) {
        lin[2 * f] = 1;
        lin[2 * f + 1] = 0;
    }
    /* Work in the chart where the larger end coefficient leads, so the
     * companion matrix is not dominated by one huge entry. */
    int flip = cabs(v[d]) > cabs(v[0]);
    double complex lead = flip ? v[d] : v[0];
    *c = lead;
    if (d > 0) {
        double complex *A = lcn_calloc((size_t)d * (size_t)d, sizeof *A);
        double complex *eig = lcn_malloc_array((size_t)d, sizeof *eig);
        /* monic z^d + a_1 z^{d-1} + … + a_d, a_j = coefficient / lead; column-major */
        for (int j = 1; j <= d; j++) A[(size_t)(j - 1) * (size_t)d] = -(flip ? v[d - j] : v[j]) / lead;
        for (int i = 1; i < d; i++) A[(size_t)(i - 1) * (size_t)d + (size_t)i] = 1;
        lapack_int info = LAPACKE_zgeev(LAPACK_COL_MAJOR, 'N', 'N', d, A, d, eig, NULL, 1, NULL, 1);
        LCN_ASSERT(info >= 0);
        if (info > 0) {
            lcn_free(eig);
            lcn_free(A);
            return LCN_ERR_NUMERIC;
        }
        for (int i = 0; i < d; i++, f++) {
            if (!flip) { /* p(x) = lead Π (x - x_i): factor x - x_i y */
                lin[2 * f] = 1;
                lin[2 * f + 1] = -eig[i];
            } else { /* x^d q(y/x) = lead Π (y - t_i x) */
                lin[2 * f] = -eig[i];
                lin[2 * f + 1] = 1;
            }
        }
        lcn_free(eig);
        lcn_free(A);
    }
    LCN_ASSERT(f == n);
    for (int i = 0; i < n; i++) normalise(lin + 2 * i, c);
    return LCN_OK;
}

int lcn_factor_cluster(double complex *out, int *mult, const double complex *lin, const int *in_mult, int nf, double tol)
{
    /* Greedy: a factor joins the first cluster whose first member is within
     * tol. Sums are phase-aligned to the first member before averaging. */
    double complex *acc = lcn_malloc_array((size_t)(2 * nf + 2), sizeof *acc);
    double complex *rep = lcn_malloc_array((size_t)(2 * nf + 2), sizeof *rep);
    int nc = 0;
    for (int i = 0; i < nf; i++) {
        const double complex *l = lin + 2 * i;
        int m = in_mult ? in_mult[i] : 1, j;
        for (j = 0; j < nc; j++)
            if (_lcn_chordal(rep + 2 * j, l) <= tol) break;
        if (j == nc) {
            rep[2 * j] = l[0];
            rep[2 * j + 1] = l[1];
            acc[2 * j] = 0;
            acc[2 * j + 1] = 0;
            mult[j] = 0;
            nc++;
        }
        double complex ip = conj(l[0]) * rep[2 * j] + conj(l[1]) * rep[2 * j + 1];
        double complex ph = cabs(ip) > 0 ? ip / cabs(ip) : 1;
        acc[2 * j] += m * ph * l[0];
        acc[2 * j + 1] += m * ph * l[1];
        mult[j] += m;
    }
    for (int j = 0; j < nc; j++) {
        out[2 * j] = acc[2 * j];
        out[2 * j + 1] = acc[2 * j + 1];
        normalise(out + 2 * j, NULL);
    }
    lcn_free(rep);
    lcn_free(acc);
    return nc;
}

lcn_err_t _lcn_real_structure(int *real_idx, int *nr, int *pair_idx, int *np, const double complex *lin,
                              const int *mult, int nf, double tol)
{
    int *used = lcn_calloc((size_t)(nf + 1), sizeof *used);
    lcn_err_t err = LCN_OK;
    *nr = *np = 0;
    for (int i = 0; i < nf; i++) {
        const double complex *l = lin + 2 * i;
        double complex cl[2] = {conj(l[0]), conj(l[1])};
        if (_lcn_chordal(l, cl) <= tol) {
            used[i] = 1;
            real_idx[(*nr)++] = i;
        }
    }
    for (int i = 0; i < nf; i++) {
        if (used[i]) continue;
        const double complex *l = lin + 2 * i;
        double complex cl[2] = {conj(l[0]), conj(l[1])};
        int best = -1;
        double bd = tol;
        for (int j = 0; j < nf; j++) {
            if (j == i || used[j] || mult[j] != mult[i]) continue;
            double dd = _lcn_chordal(cl, lin + 2 * j);
            if (dd <= bd) {
                bd = dd;
                best = j;
            }
        }
        if (best < 0) {
            err = LCN_ERR_NUMERIC;
            break;
        }
        used[i] = used[best] = 1;
        pair_idx[(*np)++] = i;
    }
    lcn_free(used);
    return err;
}

void _lcn_realify_linear(double *out, const double complex *l)
{
    /* multiply by the conjugate phase of the larger entry, then drop the
     * imaginary parts (they are below tol for a real form) */
    double complex big = cabs(l[0]) >= cabs(l[1]) ? l[0] : l[1];
    double complex ph = conj(big) / cabs(big);
    out[0] = creal(l[0] * ph);
    out[1] = creal(l[1] * ph);
    double nrm = hypot(out[0], out[1]);
    out[0] /= nrm;
    out[1] /= nrm;
}

void lcn_factorizations_init(lcn_factorizations_t f) { memset(f, 0, sizeof *f); }

void lcn_factorizations_clear(lcn_factorizations_t f)
{
    lcn_free(f->theta);
    memset(f, 0, sizeof *f);
}

/* The enumeration: colour i (coefficients poly[i], deg[i] = 1 or 2, count
 * cnt[i]) gets a[i][l] copies in layer l; every layer l must reach degree
 * cap[l]. */
typedef struct {
    const lcn_arch_struct *arch;
    int ncol, nbins, distinct;
    const double complex *poly; /* 3 entries per colour */
    const int *deg, *cnt;
    int *a;    /* ncol × nbins */
    int *room; /* nbins */
    double complex c;
    lcn_factorizations_struct *f;
    size_t cap_alloc, max_count;
    int limit_hit;
    double complex *tmp, *tmp2;
} enum_ctx;

static void emit(enum_ctx *e)
{
    const lcn_arch_struct *arch = e->arch;
    if (e->f->count == e->max_count) {
        e->limit_hit = 1;
        return;
    }
    if (e->f->count == e->cap_alloc) {
        e->cap_alloc = e->cap_alloc ? 2 * e->cap_alloc : 16;
        e->f->theta = lcn_realloc(e->f->theta, e->cap_alloc * (size_t)arch->nparams * sizeof *e->f->theta);
    }
    double complex *th = e->f->theta + e->f->count * (size_t)arch->nparams;
    for (int l = 0; l < arch->L; l++) {
        int n = 1;
        e->tmp[0] = l == 0 ? e->c : 1;
        for (int i = 0; i < e->ncol; i++)
            for (int t = 0; t < e->a[i * e->nbins + l]; t++) {
                _lcn_poly_mul(e->tmp2, e->tmp, n, e->poly + 3 * i, e->deg[i] + 1);
                n += e->deg[i];
                memcpy(e->tmp, e->tmp2, (size_t)n * sizeof *e->tmp);
            }
        LCN_ASSERT(n == arch->k[l]);
        memcpy(th + arch->off[l], e->tmp, (size_t)n * sizeof *th);
    }
    e->f->count++;
}

/* distribute the copies of colour i, starting at bin l, `left` of them */
static void enum_rec(enum_ctx *e, int i, int l, int left)
{
    if (e->limit_hit) return;
    if (i == e->ncol) {
        for (int b = 0; b < e->nbins; b++)
            if (e->room[b]) return;
        emit(e);
        return;
    }
    if (l == e->nbins) {
        if (left == 0) enum_rec(e, i + 1, 0, e->cnt[i + 1 < e->ncol ? i + 1 : i] * (i + 1 < e->ncol));
        return;
    }
    int maxc = e->room[l] / e->deg[i];
    if (maxc > left) maxc = left;
    if (e->distinct && maxc > 1) maxc = 1;
    for (int t = 0; t <= maxc; t++) {
        e->a[i * e->nbins + l] = t;
        e->room[l] -= t * e->deg[i];
        enum_rec(e, i, l + 1, left - t);
        e->room[l] += t * e->deg[i];
    }
    e->a[i * e->nbins + l] = 0;
}

lcn_err_t lcn_factor_enumerate(lcn_factorizations_t f, const lcn_arch_t arch, double complex c,
                               const double complex *lin, const int *mult, int r, int flags, double tol,
                               size_t max_count)
{
    lcn_err_t err = LCN_OK;
    lcn_factorizations_clear(f);
    if (arch->L < 1 || !arch->stride_one || r < 0) return LCN_ERR_ARG;
    int n = 0;
    for (int i = 0; i < r; i++) {
        if (mult[i] < 1) return LCN_ERR_ARG;
        n += mult[i];
    }
    if (n != arch->kend - 1) return LCN_ERR_ARG;
    f->nparams = arch->nparams;
    int kend = arch->kend;
    double complex *poly = lcn_calloc((size_t)(3 * r + 3), sizeof *poly);
    int *deg = lcn_malloc_array((size_t)(r + 1), sizeof *deg);
    int *cnt = lcn_malloc_array((size_t)(r + 1), sizeof *cnt);
    int *ridx = lcn_malloc_array((size_t)(r + 1), sizeof *ridx);
    int *pidx = lcn_malloc_array((size_t)(r + 1), sizeof *pidx);
    int *a = lcn_calloc((size_t)(r + 1) * (size_t)arch->L, sizeof *a);
    int room[LCN_ARCH_MAX_LAYERS];
    double complex *P = lcn_malloc_array((size_t)kend, sizeof *P);
    double complex *Q = lcn_malloc_array((size_t)kend, sizeof *Q);
    double complex *tmp = lcn_malloc_array((size_t)kend, sizeof *tmp);
    int ncol = 0;
    if (flags & LCN_FACTOR_REAL) {
        int nr, np;
        err = _lcn_real_structure(ridx, &nr, pidx, &np, lin, mult, r, tol);
        if (err) goto cleanup;
        for (int t = 0; t < nr; t++, ncol++) {
            double re[2];
            _lcn_realify_linear(re, lin + 2 * ridx[t]);
            poly[3 * ncol] = re[0];
            poly[3 * ncol + 1] = re[1];
            deg[ncol] = 1;
            cnt[ncol] = mult[ridx[t]];
        }
        for (int t = 0; t < np; t++, ncol++) {
            const double complex *l = lin + 2 * pidx[t];
            /* (l0 x + l1 y)(conj(l0) x + conj(l1) y) is real */
            poly[3 * ncol] = creal(l[0] * conj(l[0]));
            poly[3 * ncol + 1] = 2 * creal(l[0] * conj(l[1]));
            poly[3 * ncol + 2] = creal(l[1] * conj(l[1]));
            deg[ncol] = 2;
            cnt[ncol] = mult[pidx[t]];
        }
    } else {
        for (int i = 0; i < r; i++, ncol++) {
            poly[3 * i] = lin[2 * i];
            poly[3 * i + 1] = lin[2 * i + 1];
            deg[i] = 1;
            cnt[i] = mult[i];
        }
    }
    /* P = c Π lin^mult (the form to reproduce); Q = Π colour polys^cnt.
     * The constant for layer 1 is the least-squares c' with c' Q ≈ P: it
     * absorbs the phases and norms changed by making the factors real. */
    {
        int np_ = 1;
        P[0] = c;
        for (int i = 0; i < r; i++)
            for (int t = 0; t < mult[i]; t++) {
                _lcn_poly_mul(tmp, P, np_, lin + 2 * i, 2);
                np_++;
                memcpy(P, tmp, (size_t)np_ * sizeof *P);
            }
        int nq = 1;
        Q[0] = 1;
        for (int i = 0; i < ncol; i++)
            for (int t = 0; t < cnt[i]; t++) {
                _lcn_poly_mul(tmp, Q, nq, poly + 3 * i, deg[i] + 1);
                nq += deg[i];
                memcpy(Q, tmp, (size_t)nq * sizeof *Q);
            }
        LCN_ASSERT(np_ == kend && nq == kend);
        double complex num = 0;
        double den = 0, pn = 0;
        for (int j = 0; j < kend; j++) {
            num += conj(Q[j]) * P[j];
            den += creal(conj(Q[j]) * Q[j]);
            pn += creal(conj(P[j]) * P[j]);
        }
        c = num / den;
        if (flags & LCN_FACTOR_REAL) {
            if (fabs(cimag(c)) > tol * cabs(c) + 1e-300 && pn > 0) {
                err = LCN_ERR_NUMERIC;
                goto cleanup;
            }
            c = creal(c);
        }
    }
    for (int l = 0; l < arch->L; l++) room[l] = arch->k[l] - 1;
    {
        enum_ctx e = {arch, ncol, arch->L, (flags & LCN_FACTOR_DISTINCT) != 0, poly, deg, cnt, a, room, c,
                      f, 0, max_count, 0, tmp, Q};
        if (ncol == 0) {
            emit(&e);
        } else {
            enum_rec(&e, 0, 0, cnt[0]);
        }
        if (e.limit_hit) err = LCN_ERR_LIMIT;
    }
cleanup:
    lcn_free(tmp);
    lcn_free(Q);
    lcn_free(P);
    lcn_free(a);
    lcn_free(pidx);
    lcn_free(ridx);
    lcn_free(cnt);
    lcn_free(deg);
    lcn_free(poly);
    return err;
}

lcn_err_t lcn_factor_w(lcn_factorizations_t f, const lcn_arch_t arch, const double complex *w, int flags, double tol,
                       size_t max_count)
{
    lcn_factorizations_clear(f);
    if (arch->L < 1 || !arch->stride_one) return LCN_ERR_ARG;
    int n = arch->kend - 1;
    double complex *lin = lcn_malloc_array((size_t)(2 * n + 2), sizeof *lin);
    int *mult = lcn_malloc_array((size_t)(n + 1), sizeof *mult);
    double complex c;
    lcn_err_t err = lcn_factor_linear(lin, &c, w, arch->kend);
    if (!err) {
        int r = lcn_factor_cluster(lin, mult, lin, NULL, n, tol);
        err = lcn_factor_enumerate(f, arch, c, lin, mult, r, flags, tol, max_count);
    }
    lcn_free(mult);
    lcn_free(lin);
    return err;
}
