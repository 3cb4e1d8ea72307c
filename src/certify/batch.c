/* Certifying a whole solution list: one certifier per thread, one result
 * per input index (so the output does not depend on the thread count), then
 * the set-level classification: which certified points are proven to be
 * the same zero, which proven distinct, and the certified counts. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "impl.h"

lcn_err_t lcn_certify_points(lcn_certificate_struct *certs, double complex *xs_refined, const lcn_system_t sys,
                             const double complex *p, const double complex *xs, size_t k, int system_is_real,
                             long prec, int threads)
{
    size_t n = (size_t)sys->n;
    if (!certs || (k > 0 && !xs)) return LCN_ERR_ARG;
    lcn_err_t first = LCN_OK;
    int nth = 1;
#ifdef _OPENMP
    nth = threads > 0 ? threads : omp_get_max_threads();
    if ((size_t)nth > k) nth = k > 0 ? (int)k : 1;
#endif
    (void)threads;
    (void)nth;
#pragma omp parallel num_threads(nth)
    {
        lcn_certifier_t c;
        lcn_certifier_init(c, sys, prec);
#pragma omp for schedule(dynamic, 1)
        for (size_t i = 0; i < k; i++) {
            lcn_err_t err = lcn_certifier_certify(&certs[i], xs_refined ? xs_refined + i * n : NULL, c, p,
                                                  xs + i * n, system_is_real);
            if (err != LCN_OK) {
                memset(&certs[i], 0, sizeof certs[i]);
                certs[i].real_status = LCN_CERTIFY_UNDECIDED;
                certs[i].radius = INFINITY;
#pragma omp critical(lcn_certify_points_err)
                if (first == LCN_OK) first = err;
            }
        }
        lcn_certifier_clear(c);
    }
    return first;
}

/* union-find with the smallest index as root */
static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void unite(size_t *parent, size_t a, size_t b)
{
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
}

/* 1 if B(b, rb) lies inside the open ball B(a, ua): ||a - b|| + rb < ua, with
 * the distance rounded up. */
static int ball_inside(const double complex *a, double ua, const double complex *b, double rb, int n, mpfr_t d,
                       mpfr_t t)
{
    if (!(ua > 0) || !(rb >= 0) || isinf(rb)) return 0;
    mpfr_set_zero(d, 1);
    for (int i = 0; i < n; i++) {
        mpfr_set_d(t, creal(a[i]), MPFR_RNDN);
        mpfr_sub_d(t, t, creal(b[i]), MPFR_RNDA);
        mpfr_sqr(t, t, MPFR_RNDU);
        mpfr_add(d, d, t, MPFR_RNDU);
        mpfr_set_d(t, cimag(a[i]), MPFR_RNDN);
        mpfr_sub_d(t, t, cimag(b[i]), MPFR_RNDA);
        mpfr_sqr(t, t, MPFR_RNDU);
        mpfr_add(d, d, t, MPFR_RNDU);
    }
    mpfr_sqrt(d, d, MPFR_RNDU);
    mpfr_add_d(d, d, rb, MPFR_RNDU);
    return isinf(ua) || mpfr_cmp_d(d, ua) < 0;
}

typedef struct {
    double key;
    size_t idx;
} set_item;

static int cmp_set_item(const void *pa, const void *pb)
{
    const set_item *a = pa, *b = pb;
    if (a->key < b->key) return -1;
    if (a->key > b->key) return 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

lcn_err_t lcn_certify_set(lcn_certify_summary_struct *sum, long *zero_of, const lcn_certificate_struct *certs,
                          const double complex *xs_refined, size_t k, int n)
{
    if (!sum || (k > 0 && (!certs || !xs_refined)) || n < 0) return LCN_ERR_ARG;
    memset(sum, 0, sizeof *sum);
    sum->npoints = k;
    size_t *parent = lcn_malloc_array(k ? k : 1, sizeof *parent);
    set_item *it = lcn_malloc_array(k ? k : 1, sizeof *it);
    size_t ngood = 0, nbad = 0;
    double rmax = 0;
    for (size_t i = 0; i < k; i++) {
        parent[i] = i;
        const lcn_certificate_struct *c = &certs[i];
        if (!c->zero_certified) continue;
        sum->ncertified++;
        const double complex *x = xs_refined + i * (size_t)n;
        int fin = isfinite(c->radius) && c->radius >= 0;
        for (int j = 0; j < n; j++)
            if (!isfinite(creal(x[j])) || !isfinite(cimag(x[j]))) fin = 0;
        if (!fin) { /* cannot be compared (radius overflowed double): undecided with all */
            nbad++;
            continue;
        }
        if (c->radius > rmax) rmax = c->radius;
        it[ngood].key = n > 0 ? creal(x[0]) : 0;
        it[ngood].idx = i;
        ngood++;
    }
    for (size_t b = 0; b < nbad; b++) sum->nundecided_pairs += sum->ncertified - 1 - b;
    qsort(it, ngood, sizeof *it, cmp_set_item);
    mpfr_t d, t;
    mpfr_inits2(128, d, t, (mpfr_ptr)0);
    /* Pairs: proven distinct (disjoint balls), proven the same zero (one
     * ball inside the other's uniqueness ball), or undecided. Pairs the
     * sweep skips are separated by the first coordinate alone. */
    for (size_t a = 0; a < ngood; a++) {
        size_t i = it[a].idx;
        double lim = (certs[i].radius + rmax) * (1.0 + 0x1p-50) + 0x1p-1074;
        const double complex *xi = xs_refined + i * (size_t)n;
        for (size_t b = a + 1; b < ngood; b++) {
            size_t j = it[b].idx;
            if (n > 0 && fabs(it[b].key - it[a].key) * (1.0 - 0x1p-50) > lim) break;
            const double complex *xj = xs_refined + j * (size_t)n;
            if (lcn_certify_balls_disjoint(xi, certs[i].radius, xj, certs[j].radius, n)) continue;
            if (ball_inside(xi, certs[i].unique_radius, xj, certs[j].radius, n, d, t) ||
                ball_inside(xj, certs[j].unique_radius, xi, certs[i].radius, n, d, t))
                unite(parent, i, j);
            else
                sum->nundecided_pairs++;
        }
    }
    mpfr_clears(d, t, (mpfr_ptr)0);
    /* Classes: realness of a zero is proven by any of its points. */
    int *rs = lcn_malloc_array(k ? k : 1, sizeof *rs);
    for (size_t i = 0; i < k; i++) rs[i] = LCN_CERTIFY_UNDECIDED;
    for (size_t i = 0; i < k; i++) {
        if (!certs[i].zero_certified) continue;
        size_t r = find_root(parent, i);
        if (certs[i].real_status != LCN_CERTIFY_UNDECIDED) {
            /* two proofs about one zero cannot disagree */
            LCN_ASSERT(rs[r] == LCN_CERTIFY_UNDECIDED || rs[r] == certs[i].real_status);
            rs[r] = certs[i].real_status;
        }
    }
    for (size_t i = 0; i < k; i++) {
        if (!certs[i].zero_certified) {
            if (zero_of) zero_of[i] = -1;
            continue;
        }
        size_t r = find_root(parent, i);
        if (zero_of) zero_of[i] = (long)r;
        if (r != i) continue;
        sum->nzeros++;
        if (rs[r] == LCN_CERTIFY_REAL) sum->nreal++;
        else if (rs[r] == LCN_CERTIFY_NOT_REAL) sum->nnonreal++;
        else sum->nundecided_real++;
    }
    lcn_free(rs);
    lcn_free(it);
    lcn_free(parent);
    return LCN_OK;
}
