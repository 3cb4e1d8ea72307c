/* Pairwise distinctness of certified zeros: if each zero xi_i lies in the
 * closed ball B(x_i, r_i) and the balls are pairwise disjoint, the zeros are
 * pairwise distinct (a common zero would lie in two balls). This needs no
 * uniqueness statement, only the radii, so it works in any coordinates in
 * which enclosing balls are known.
 *
 * Rounding: a ball pair is declared disjoint only when a lower bound of the
 * distance exceeds an upper bound of r_i + r_j. The quick test uses one
 * coordinate difference computed in double (rounding to nearest loses at
 * most a factor 1 - 2^-53) against (r_i + r_j) pushed up; the full test
 * redoes the Euclidean distance in MPFR rounded down. */
#include <math.h>
#include <stdlib.h>
#include "impl.h"

static inline double sum_up(double a, double b)
{
    return (a + b) * (1.0 + 0x1p-50) + 0x1p-1074;
}

static inline double diff_down(double a, double b)
{
    return fabs(a - b) * (1.0 - 0x1p-50);
}

static int radius_ok(double r)
{
    return r >= 0 && isfinite(r);
}

static int point_finite(const double complex *a, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(creal(a[i])) || !isfinite(cimag(a[i]))) return 0;
    return 1;
}

int lcn_certify_balls_disjoint(const double complex *a, double ra, const double complex *b, double rb, int n)
{
    if (!radius_ok(ra) || !radius_ok(rb) || !point_finite(a, n) || !point_finite(b, n)) return 0;
    double s = sum_up(ra, rb);
    for (int i = 0; i < n; i++)
        if (diff_down(creal(a[i]), creal(b[i])) > s || diff_down(cimag(a[i]), cimag(b[i])) > s) return 1;
    mpfr_t d, t, u;
    mpfr_inits2(128, d, t, u, (mpfr_ptr)0);
    mpfr_set_zero(d, 1);
    for (int i = 0; i < n; i++) {
        /* differences of doubles are exact at 128 bits unless the exponents
         * are far apart; rounding toward zero keeps a lower bound anyway */
        mpfr_set_d(t, creal(a[i]), MPFR_RNDN);
        mpfr_sub_d(t, t, creal(b[i]), MPFR_RNDZ);
        mpfr_sqr(t, t, MPFR_RNDD);
        mpfr_add(d, d, t, MPFR_RNDD);
        mpfr_set_d(t, cimag(a[i]), MPFR_RNDN);
        mpfr_sub_d(t, t, cimag(b[i]), MPFR_RNDZ);
        mpfr_sqr(t, t, MPFR_RNDD);
        mpfr_add(d, d, t, MPFR_RNDD);
    }
    mpfr_sqrt(d, d, MPFR_RNDD);
    mpfr_set_d(u, ra, MPFR_RNDN);
    mpfr_add_d(u, u, rb, MPFR_RNDU);
    int res = mpfr_greater_p(d, u);
    mpfr_clears(d, t, u, (mpfr_ptr)0);
    return res;
}

typedef struct {
    double key;
    size_t idx;
} sort_item;

static int cmp_item(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    if (a->key < b->key) return -1;
    if (a->key > b->key) return 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

static void note_overlap(int *overlap, size_t i, size_t j)
{
    if (overlap[i] < 0 || (size_t)overlap[i] > j) overlap[i] = (int)j;
}

int lcn_certify_distinct(int *overlap, size_t *ndistinct, const double complex *pts, const double *radii,
                         size_t k, int n)
{
    int *ov = lcn_malloc_array(k ? k : 1, sizeof *ov);
    for (size_t i = 0; i < k; i++) ov[i] = -1;
    /* Points with a non-finite coordinate or radius overlap everything. */
    sort_item *it = lcn_malloc_array(k ? k : 1, sizeof *it);
    size_t ngood = 0;
    double rmax = 0;
    for (size_t i = 0; i < k; i++) {
        const double complex *a = pts + i * (size_t)n;
        if (!radius_ok(radii[i]) || !point_finite(a, n)) {
            for (size_t j = 0; j < k; j++)
                if (j != i) {
                    note_overlap(ov, i, j);
                    note_overlap(ov, j, i);
                }
            continue;
        }
        if (radii[i] > rmax) rmax = radii[i];
        it[ngood].key = n > 0 ? creal(a[0]) : 0;
        it[ngood].idx = i;
        ngood++;
    }
    /* Sweep in order of the first real coordinate: once that coordinate
     * alone separates i from the next point by more than r_i + rmax, it
     * separates i from all later points (the rounded differences grow with
     * the key, and sum_up is monotone). */
    qsort(it, ngood, sizeof *it, cmp_item);
    for (size_t a = 0; a < ngood; a++) {
        size_t i = it[a].idx;
        double lim = sum_up(radii[i], rmax);
        for (size_t b = a + 1; b < ngood; b++) {
            size_t j = it[b].idx;
            if (n > 0 && diff_down(it[b].key, it[a].key) > lim) break;
            if (!lcn_certify_balls_disjoint(pts + i * (size_t)n, radii[i], pts + j * (size_t)n, radii[j], n)) {
                note_overlap(ov, i, j);
                note_overlap(ov, j, i);
            }
        }
    }
    size_t nd = 0;
    for (size_t i = 0; i < k; i++) nd += ov[i] < 0;
    if (overlap)
        for (size_t i = 0; i < k; i++) overlap[i] = ov[i];
    if (ndistinct) *ndistinct = nd;
    lcn_free(ov);
    lcn_free(it);
    return nd == k;
}

static int imag_exceeds(const double complex *a, double r, int n)
{
    /* ||Im a|| > r, with ||Im a|| rounded down and r exact */
    mpfr_t s, t;
    mpfr_inits2(128, s, t, (mpfr_ptr)0);
    mpfr_set_zero(s, 1);
    for (int i = 0; i < n; i++) {
        mpfr_set_d(t, cimag(a[i]), MPFR_RNDN);
        mpfr_sqr(t, t, MPFR_RNDD);
        mpfr_add(s, s, t, MPFR_RNDD);
    }
    mpfr_sqrt(s, s, MPFR_RNDD);
    int res = mpfr_cmp_d(s, r) > 0;
    mpfr_clears(s, t, (mpfr_ptr)0);
    return res;
}

size_t lcn_certify_conjugates(int *real_status, const double complex *pts, const double *radii, size_t k, int n,
                              int complete)
{
    double complex *cj = lcn_malloc_array(n > 0 ? (size_t)n : 1, sizeof *cj);
    sort_item *it = lcn_malloc_array(k ? k : 1, sizeof *it);
    char *hit = lcn_calloc(k ? k : 1, 1); /* conj ball of i meets another ball */
    size_t ngood = 0;
    double rmax = 0;
    for (size_t i = 0; i < k; i++) {
        real_status[i] = LCN_CERTIFY_UNDECIDED;
        if (!radius_ok(radii[i]) || !point_finite(pts + i * (size_t)n, n)) {
            for (size_t j = 0; j < k; j++) hit[j] = 1; /* an unusable ball may hide anything */
            continue;
        }
        if (radii[i] > rmax) rmax = radii[i];
        it[ngood].key = n > 0 ? creal(pts[i * (size_t)n]) : 0;
        it[ngood].idx = i;
        ngood++;
    }
    qsort(it, ngood, sizeof *it, cmp_item);
    /* conj keeps the real parts, so the sweep of lcn_certify_distinct applies */
    for (size_t a = 0; a < ngood; a++) {
        size_t i = it[a].idx;
        const double complex *xi = pts + i * (size_t)n;
        for (int c = 0; c < n; c++) cj[c] = conj(xi[c]);
        double lim = sum_up(radii[i], rmax);
        for (size_t dir = 0; dir < 2; dir++) {
            for (size_t b = a;;) {
                if (dir == 0) {
                    if (++b >= ngood) break;
                } else {
                    if (b == 0) break;
                    b--;
                }
                size_t j = it[b].idx;
                if (n > 0 && diff_down(it[b].key, it[a].key) > lim) break;
                if (!lcn_certify_balls_disjoint(cj, radii[i], pts + j * (size_t)n, radii[j], n)) hit[i] = 1;
            }
        }
    }
    size_t undecided = 0;
    for (size_t a = 0; a < ngood; a++) {
        size_t i = it[a].idx;
        if (imag_exceeds(pts + i * (size_t)n, radii[i], n))
            real_status[i] = LCN_CERTIFY_NOT_REAL;
        else if (complete && !hit[i])
            real_status[i] = LCN_CERTIFY_REAL;
    }
    for (size_t i = 0; i < k; i++) undecided += real_status[i] == LCN_CERTIFY_UNDECIDED;
    lcn_free(cj);
    lcn_free(it);
    lcn_free(hit);
    return undecided;
}
