/* Deduplicated solution sets: membership through a sorted random
 * projection, building from a result, real classification, canonical
 * order. */
#include <string.h>
#include "lcncrit/rng.h"
#include "lcncrit/solution_set.h"
#include "impl.h"

void lcn_solution_set_init(lcn_solution_set_t set, int n)
{
    memset(set, 0, sizeof *set);
    set->n = n;
    set->tol = 1e-7;
    set->proj_c = lcn_malloc_array((size_t)(n > 0 ? n : 1), sizeof *set->proj_c);
    /* A fixed projection (not the user's seed): the set's behaviour must
       not depend on anything but its contents. */
    lcn_rng_t rng;
    lcn_rng_init(rng, 0x736f6c73u, 0);
    for (int i = 0; i < n; i++) set->proj_c[i] = lcn_rng_cnormal(rng);
}

static void free_arrays(lcn_solution_set_struct *s)
{
    lcn_free(s->x);
    lcn_free(s->real);
    lcn_free(s->accuracy);
    lcn_free(s->residual);
    lcn_free(s->cond);
    lcn_free(s->multiplicity);
    lcn_free(s->winding);
    lcn_free(s->key);
    lcn_free(s->order);
    s->x = NULL;
    s->real = s->multiplicity = s->winding = NULL;
    s->accuracy = s->residual = s->cond = s->key = NULL;
    s->order = NULL;
    s->count = s->alloc = 0;
    s->maxnorm = 0;
}

void lcn_solution_set_clear(lcn_solution_set_t set)
{
    free_arrays(set);
    lcn_free(set->proj_c);
    set->proj_c = NULL;
}

void lcn_solution_set_reset(lcn_solution_set_t set)
{
    set->count = 0;
    set->maxnorm = 0;
}

static void grow(lcn_solution_set_struct *s)
{
    if (s->count < s->alloc) return;
    size_t a = s->alloc ? 2 * s->alloc : 16, n = (size_t)(s->n > 0 ? s->n : 1);
    s->x = lcn_realloc(s->x, a * n * sizeof *s->x);
    s->real = lcn_realloc(s->real, a * sizeof *s->real);
    s->accuracy = lcn_realloc(s->accuracy, a * sizeof *s->accuracy);
    s->residual = lcn_realloc(s->residual, a * sizeof *s->residual);
    s->cond = lcn_realloc(s->cond, a * sizeof *s->cond);
    s->multiplicity = lcn_realloc(s->multiplicity, a * sizeof *s->multiplicity);
    s->winding = lcn_realloc(s->winding, a * sizeof *s->winding);
    s->key = lcn_realloc(s->key, a * sizeof *s->key);
    s->order = lcn_realloc(s->order, a * sizeof *s->order);
    s->alloc = a;
}

static double proj_key(const lcn_solution_set_struct *s, const double complex *x)
{
    double complex k = 0;
    for (int i = 0; i < s->n; i++) k += s->proj_c[i] * x[i];
    return creal(k);
}

/* First position in order[] whose key is >= k. */
static size_t lower_bound(const lcn_solution_set_struct *s, double k)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->key[s->order[mid]] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* |x - y|_inf <= tol * max(1, |x|, |y|) implies |key(x) - key(y)| <=
 * sum |c_i| * tol * max(1, |x|, maxnorm): search that window only. */
size_t lcn_solution_set_find(const lcn_solution_set_t set, const double complex *x)
{
    const int n = set->n;
    if (set->count == 0) return (size_t)-1;
    double nx = lcn_norm_inf_d(x, n), csum = 0;
    for (int i = 0; i < n; i++) csum += cabs(set->proj_c[i]);
    double k = proj_key(set, x);
    double wdw = csum * set->tol * lcn_dmax(1.0, lcn_dmax(nx, set->maxnorm)) * (1 + 1e-12);
    for (size_t pos = lower_bound(set, k - wdw); pos < set->count; pos++) {
        size_t j = set->order[pos];
        if (set->key[j] > k + wdw) break;
        const double complex *y = set->x + j * (size_t)n;
        double d = 0, ny = lcn_norm_inf_d(y, n);
        for (int i = 0; i < n; i++) d = lcn_dmax(d, cabs(x[i] - y[i]));
        if (d <= set->tol * lcn_dmax(1.0, lcn_dmax(nx, ny))) return j;
    }
    return (size_t)-1;
}

int lcn_solution_set_add(lcn_solution_set_t set, const double complex *x, double accuracy, double residual,
                         int real, size_t *index)
{
    const int n = set->n;
    size_t j = lcn_solution_set_find(set, x);
    if (j != (size_t)-1) {
        set->multiplicity[j]++;
        if (index) *index = j;
        return 0;
    }
    grow(set);
    j = set->count;
    memcpy(set->x + j * (size_t)n, x, (size_t)n * sizeof *x);
    set->real[j] = real;
    set->accuracy[j] = accuracy;
    set->residual[j] = residual;
    set->cond[j] = 0;
    set->multiplicity[j] = 1;
    set->winding[j] = 1;
    set->key[j] = proj_key(set, x);
    set->maxnorm = lcn_dmax(set->maxnorm, lcn_norm_inf_d(x, n));
    size_t pos = lower_bound(set, set->key[j]);
    memmove(set->order + pos + 1, set->order + pos, (set->count - pos) * sizeof *set->order);
    set->order[pos] = j;
    set->count++;
    if (index) *index = j;
    return 1;
}

int lcn_system_is_real(const lcn_system_t sys, const double complex *p)
{
    for (size_t c = 0; c < sys->nconst; c++)
        if (mpq_sgn(sys->cim[c]) != 0) return 0;
    for (int k = 0; k < sys->m; k++)
        if (cimag(p[k]) != 0) return 0;
    return 1;
}

lcn_err_t lcn_solution_set_from_result2(lcn_solution_set_t set, const lcn_result_t res, const lcn_system_t sys,
                                        const double complex *p, const lcn_solve_opts_t opts, int include_singular)
{
    if (set->n != sys->n || res->n != sys->n || (sys->m > 0 && !p)) return LCN_ERR_ARG;
    const int n = sys->n;
    lcn_solution_set_reset(set);
    set->tol = opts->dedup_tol;
    const int real_sys = lcn_system_is_real(sys, p);
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
    for (size_t i = 0; i < res->npaths; i++) {
        const lcn_path_result_struct *r = &res->paths[i];
        if (!(r->status == LCN_PATH_SUCCESS || (include_singular && r->status == LCN_PATH_SINGULAR))) continue;
        memcpy(x, r->x, (size_t)n * sizeof *x);
        double acc = r->accuracy, resid = r->residual, cond = r->cond;
        if (r->status == LCN_PATH_SUCCESS) {
            /* Polish once more (the path result may come from elsewhere). */
            double a2, r2, c2;
            if (lcn_newton_refine_d(x, &a2, &r2, &c2, sys, ws, p, 1e-14, 4) == LCN_OK) {
                acc = a2;
                resid = r2;
                cond = c2;
            } else {
                memcpy(x, r->x, (size_t)n * sizeof *x);
                if (lcn_newton_refine(x, &a2, &r2, sys, p, opts->refine_prec > r->prec ? opts->refine_prec : r->prec,
                                      30) == LCN_OK) {
                    acc = a2;
                    resid = r2;
                } else {
                    memcpy(x, r->x, (size_t)n * sizeof *x);
                }
            }
        }
        int real = 0;
        if (real_sys) {
            double sc = lcn_dmax(1.0, lcn_norm_inf_d(x, n)), im = 0;
            for (int k = 0; k < n; k++) im = lcn_dmax(im, fabs(cimag(x[k])));
            real = im <= lcn_dmax(opts->real_tol, 10.0 * acc) * sc;
            if (real)
                for (int k = 0; k < n; k++) x[k] = creal(x[k]);
        }
        size_t j;
        if (lcn_solution_set_add(set, x, acc, resid, real, &j)) {
            set->cond[j] = cond;
            set->winding[j] = r->winding;
        }
    }
    lcn_free(x);
    lcn_system_ws_clear(ws);
    lcn_solution_set_sort(set);
    return LCN_OK;
}

lcn_err_t lcn_solution_set_from_result(lcn_solution_set_t set, const lcn_result_t res, const lcn_system_t sys,
                                       const double complex *p, const lcn_solve_opts_t opts)
{
    return lcn_solution_set_from_result2(set, res, sys, p, opts, 0);
}

/* Sorting: qsort has no context argument, so the comparison works on an
 * array of (pointer to set, index) records. */
typedef struct {
    const lcn_solution_set_struct *s;
    size_t i;
} sort_rec;

static double round8(double v, double scale)
{
    /* 8 significant digits relative to the solution's scale. */
    double q = scale * 1e-8;
    return nearbyint(v / q) * q;
}

static int cmp_rec(const void *pa, const void *pb)
{
    const sort_rec *a = pa, *b = pb;
    const lcn_solution_set_struct *s = a->s;
    const int n = s->n;
    if (s->real[a->i] != s->real[b->i]) return s->real[a->i] ? -1 : 1;
    const double complex *x = s->x + a->i * (size_t)n, *y = s->x + b->i * (size_t)n;
    double sx = lcn_dmax(1.0, lcn_norm_inf_d(x, n)), sy = lcn_dmax(1.0, lcn_norm_inf_d(y, n));
    double sc = lcn_dmax(sx, sy);
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < n; k++) {
            double u[2] = {creal(x[k]), cimag(x[k])}, v[2] = {creal(y[k]), cimag(y[k])};
            for (int c = 0; c < 2; c++) {
                double p = pass ? u[c] : round8(u[c], sc), q = pass ? v[c] : round8(v[c], sc);
                if (p < q) return -1;
                if (p > q) return 1;
            }
        }
    return a->i < b->i ? -1 : a->i > b->i;
}

void lcn_solution_set_sort(lcn_solution_set_t set)
{
    const size_t N = set->count, n = (size_t)set->n;
    if (N < 2) return;
    sort_rec *rec = lcn_malloc_array(N, sizeof *rec);
    for (size_t i = 0; i < N; i++) {
        rec[i].s = set;
        rec[i].i = i;
    }
    qsort(rec, N, sizeof *rec, cmp_rec);
    /* Permute every array by rec[].i. */
    double complex *x = lcn_malloc_array(N * (n ? n : 1), sizeof *x);
    int *ri = lcn_malloc_array(N, sizeof *ri), *mi = lcn_malloc_array(N, sizeof *mi),
        *wi = lcn_malloc_array(N, sizeof *wi);
    double *ac = lcn_malloc_array(N, sizeof *ac), *rs = lcn_malloc_array(N, sizeof *rs),
           *cd = lcn_malloc_array(N, sizeof *cd), *ky = lcn_malloc_array(N, sizeof *ky);
    for (size_t j = 0; j < N; j++) {
        size_t i = rec[j].i;
        memcpy(x + j * n, set->x + i * n, n * sizeof *x);
        ri[j] = set->real[i];
        mi[j] = set->multiplicity[i];
        wi[j] = set->winding[i];
        ac[j] = set->accuracy[i];
        rs[j] = set->residual[i];
        cd[j] = set->cond[i];
        ky[j] = set->key[i];
    }
    memcpy(set->x, x, N * n * sizeof *x);
    memcpy(set->real, ri, N * sizeof *ri);
    memcpy(set->multiplicity, mi, N * sizeof *mi);
    memcpy(set->winding, wi, N * sizeof *wi);
    memcpy(set->accuracy, ac, N * sizeof *ac);
    memcpy(set->residual, rs, N * sizeof *rs);
    memcpy(set->cond, cd, N * sizeof *cd);
    memcpy(set->key, ky, N * sizeof *ky);
    /* order[] held old indices: map them through the inverse permutation. */
    size_t *inv = lcn_malloc_array(N, sizeof *inv);
    for (size_t j = 0; j < N; j++) inv[rec[j].i] = j;
    for (size_t j = 0; j < N; j++) set->order[j] = inv[set->order[j]];
    lcn_free(inv);
    lcn_free(x);
    lcn_free(ri);
    lcn_free(mi);
    lcn_free(wi);
    lcn_free(ac);
    lcn_free(rs);
    lcn_free(cd);
    lcn_free(ky);
    lcn_free(rec);
}
