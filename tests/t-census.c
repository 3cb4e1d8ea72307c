/* Tests of the census (issue 5): data, parameter-space Hessians, the
 * KMMT22 §7.3 known answers, data-driven critical points, Segre. Expected
 * values come from the papers (KMMT22 §7.3, Ex. 5.6, Ex. 5.10; Shahverdi
 * Table 3) or from direct computations written here independently of the
 * library (µ, the data loss, finite-difference derivatives). */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lcncrit/census.h"
#include "lcncrit/data.h"
#include "lcncrit/hessian.h"
#include "lcncrit/rng.h"
#include "lcncrit/weights.h"
#include "test.h"

/* ---- independent helpers ---------------------------------------------- */

/* µ for real θ by direct convolution: w = Π_l π_{S_l}(w_l). */
static int mu_direct(double *w, const int *k, const int *s, int L, const double *theta)
{
    double acc[256], tmp[256];
    int n = 1;
    long S = 1;
    acc[0] = 1;
    const double *v = theta;
    for (int l = 0; l < L; l++) {
        int m = n + (int)((k[l] - 1) * S);
        for (int i = 0; i < m; i++) tmp[i] = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k[l]; j++) tmp[i + j * S] += acc[i] * v[j];
        memcpy(acc, tmp, (size_t)m * sizeof *acc);
        n = m;
        v += k[l];
        S *= s[l];
    }
    memcpy(w, acc, (size_t)n * sizeof *w);
    return n;
}

static double loss_direct(const int *k, const int *s, int L, const double *theta, const double *u, const double *T)
{
    double w[256];
    int n = mu_direct(w, k, s, L, theta);
    double r[256], q = 0;
    for (int i = 0; i < n; i++) r[i] = w[i] - u[i];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) q += r[i] * T[i * n + j] * r[j];
    return q;
}

/* Central finite-difference Hessian of loss_direct. */
static void fd_hessian(double *H, const int *k, const int *s, int L, const double *theta, const double *u,
                       const double *T, int P, double h)
{
    double th[256];
    for (int a = 0; a < P; a++)
        for (int b = 0; b < P; b++) {
            double f[4];
            int sg[4][2] = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
            for (int q = 0; q < 4; q++) {
                memcpy(th, theta, (size_t)P * sizeof *th);
                th[a] += sg[q][0] * h;
                th[b] += sg[q][1] * h;
                f[q] = loss_direct(k, s, L, th, u, T);
            }
            H[a * P + b] = (f[0] - f[1] - f[2] + f[3]) / (4 * h * h);
        }
}

static double maxabs(const double *v, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++) m = fmax(m, fabs(v[i]));
    return m;
}

static void random_spd(double *T, int k, lcn_rng_t rng)
{
    double B[64 * 64];
    for (int i = 0; i < k * k; i++) B[i] = lcn_rng_normal(rng);
    for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++) {
            double s = i == j ? 0.5 : 0;
            for (int t = 0; t < k; t++) s += B[i * k + t] * B[j * k + t] / k;
            T[i * k + j] = s;
        }
}

/* No cache: every census solves from scratch, so the tests exercise the
 * whole pipeline and leave nothing behind. */
static const char *test_cache(void)
{
    return "none";
}

static void census_opts(lcn_census_opts_t o, const char *weights)
{
    lcn_census_opts_init(o);
    o->seed = 1;
    o->threads = 2;
    o->cache_dir = test_cache();
    o->weights_name = weights;
}

/* ---- Hessian ------------------------------------------------------------ */

static void check_hessian_at(const lcn_arch_t a, const double *theta, const double *u, const double *T,
                             const char *what)
{
    int P = a->nparams;
    double g[256], H[256 * 4], Hf[256 * 4], gf[256], th[256];
    lcn_param_derivs(g, H, a, theta, u, T);
    fd_hessian(Hf, a->k, a->s, a->L, theta, u, T, P, 1e-4);
    double h = 1e-6;
    for (int i = 0; i < P; i++) {
        memcpy(th, theta, (size_t)P * sizeof *th);
        th[i] += h;
        double fp = loss_direct(a->k, a->s, a->L, th, u, T);
        th[i] -= 2 * h;
        double fm = loss_direct(a->k, a->s, a->L, th, u, T);
        gf[i] = (fp - fm) / (2 * h);
    }
    double scale = fmax(1.0, maxabs(H, P * P)), gsc = fmax(1.0, maxabs(gf, P));
    double dh = 0, dg = 0;
    for (int i = 0; i < P * P; i++) dh = fmax(dh, fabs(H[i] - Hf[i]));
    for (int i = 0; i < P; i++) dg = fmax(dg, fabs(g[i] - gf[i]));
    CHECK(dh <= 1e-5 * scale, "%s: analytic vs finite-difference Hessian differ by %g (scale %g)", what, dh, scale);
    CHECK(dg <= 1e-6 * gsc, "%s: analytic vs finite-difference gradient differ by %g", what, dg);
    double l1 = lcn_param_loss(a, theta, u, T), l2 = loss_direct(a->k, a->s, a->L, theta, u, T);
    CHECK(fabs(l1 - l2) <= 1e-12 * fmax(1, fabs(l2)), "%s: loss %g vs %g", what, l1, l2);
}

static void test_hessian(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 1);
    int ks[][4] = {{3, 2, 2}, {2, 3}, {4, 2}, {3, 3}, {2, 2, 3}};
    int ss[][4] = {{1, 1, 1}, {1, 1}, {1, 1}, {2, 1}, {2, 3, 1}};
    int Ls[] = {3, 2, 2, 2, 3};
    for (int c = 0; c < 5; c++) {
        lcn_arch_t a;
        lcn_arch_init(a);
        CHECK(lcn_arch_init_set(a, ks[c], ss[c], Ls[c]) == LCN_OK, "arch %d", c);
        int P = a->nparams, k = a->kend;
        double theta[64], u[64], T[64 * 64], w[64];
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < P; i++) theta[i] = lcn_rng_normal(rng);
            for (int i = 0; i < k; i++) u[i] = lcn_rng_normal(rng);
            random_spd(T, k, rng);
            char what[64];
            snprintf(what, sizeof what, "arch %d rep %d", c, rep);
            check_hessian_at(a, theta, u, T, what);
            /* Normalising stays in the scaling orbit: µ unchanged, layers balanced. */
            double th2[64], w2[64];
            memcpy(th2, theta, sizeof theta);
            lcn_param_normalize(th2, a);
            mu_direct(w, a->k, a->s, a->L, theta);
            mu_direct(w2, a->k, a->s, a->L, th2);
            double d = 0;
            for (int i = 0; i < k; i++) d = fmax(d, fabs(w[i] - w2[i]));
            CHECK(d <= 1e-12 * fmax(1, maxabs(w, k)), "%s: normalize changed µ by %g", what, d);
            double n0 = 0;
            for (int l = 0; l < a->L; l++) {
                double nl = 0;
                for (int j = 0; j < a->k[l]; j++) nl += th2[a->off[l] + j] * th2[a->off[l] + j];
                if (l == 0) n0 = nl;
                CHECK(fabs(nl - n0) <= 1e-12 * n0, "%s: layer %d norm^2 %g vs %g", what, l, nl, n0);
                if (l + 1 < a->L) {
                    int j = 0;
                    while (j < a->k[l] && fabs(th2[a->off[l] + j]) <= 1e-12) j++;
                    CHECK(j < a->k[l] && th2[a->off[l] + j] > 0, "%s: sign convention on layer %d", what, l);
                }
            }
            /* At an exact fit u = µ(θ) with full-rank dµ (random θ), L is
             * minimal: the restricted Hessian 2 J^T T J is positive definite
             * off the scaling orbit. */
            lcn_crit_info_struct info;
            CHECK(lcn_param_classify(&info, a, theta, w, T, 1e-7) == LCN_OK, "%s classify", what);
            CHECK(info.type == LCN_CRIT_MINIMUM && info.dim == P - (a->L - 1),
                  "%s: exact fit classified %s (index %d, zero %d, dim %d)", what, lcn_crit_type_name(info.type),
                  info.index, info.nzero, info.dim);
            CHECK(info.grad_norm <= 1e-10, "%s: gradient at an exact fit %g", what, info.grad_norm);
            /* The negated quadratic form has index = dim: a saddle of full
             * index (a maximum), which the classification must report. */
            double H[64 * 64], g[64];
            lcn_param_derivs(g, H, a, theta, w, T);
            for (int i = 0; i < P * P; i++) H[i] = -H[i];
            CHECK(lcn_param_classify_hessian(&info, a, theta, H, 1e-7) == LCN_OK, "%s classify -H", what);
            CHECK(info.type == LCN_CRIT_SADDLE && info.index == P - (a->L - 1), "%s: -H index %d", what, info.index);
        }
        lcn_arch_clear(a);
    }
}

/* ---- data ---------------------------------------------------------------- */

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    fclose(f);
    return 0;
}

/* ‖α_w X − Y‖² straight from the definition (row m of α_w holds w at
 * columns mσ .. mσ+k−1), for complex w with the bilinear square. */
static double complex data_loss_direct(const double complex *w, int k, long sigma, const lcn_dmatrix_t X,
                                       const lcn_dmatrix_t Y)
{
    int N = X->cols, dL = Y->rows;
    double complex s = 0;
    for (int m = 0; m < dL; m++)
        for (int t = 0; t < N; t++) {
            double complex o = -Y->a[m * N + t];
            for (int j = 0; j < k; j++) o += w[j] * X->a[(j + sigma * m) * N + t];
            s += o * o;
        }
    return s;
}

static void random_data(lcn_dmatrix_t X, lcn_dmatrix_t Y, int d0, int dL, int N, lcn_rng_t rng)
{
    X->rows = d0, X->cols = N, Y->rows = dL, Y->cols = N;
    X->a = lcn_malloc_array((size_t)d0 * N, sizeof(double));
    Y->a = lcn_malloc_array((size_t)dL * N, sizeof(double));
    for (int i = 0; i < d0 * N; i++) X->a[i] = lcn_rng_normal(rng);
    for (int i = 0; i < dL * N; i++) Y->a[i] = lcn_rng_normal(rng);
}

static void test_data(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 2);
    char msg[400];
    /* Loss identity for several architectures, output sizes and strides. */
    int ks[][3] = {{3, 2, 2}, {2, 2}, {3, 3}, {4, 2}};
    int ss[][3] = {{1, 1, 1}, {2, 1}, {2, 3}, {1, 2}};
    int Ls[] = {3, 2, 2, 2}, dLs[] = {1, 3, 2, 4};
    for (int c = 0; c < 4; c++) {
        lcn_arch_t a;
        lcn_arch_init(a);
        CHECK(lcn_arch_init_set(a, ks[c], ss[c], Ls[c]) == LCN_OK, "arch");
        int k = a->kend, dL = dLs[c], d0 = k + (dL - 1) * (int)a->sigma, N = d0 + 7;
        lcn_dmatrix_t X, Y;
        random_data(X, Y, d0, dL, N, rng);
        double T[64 * 64], u[64], cst;
        CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_OK, "case %d: %s", c, msg);
        for (int rep = 0; rep < 5; rep++) {
            double theta[64], w[64];
            double complex wc[64];
            for (int i = 0; i < a->nparams; i++) theta[i] = lcn_rng_normal(rng);
            mu_direct(w, a->k, a->s, a->L, theta);
            for (int i = 0; i < k; i++) wc[i] = w[i];
            double direct = creal(data_loss_direct(wc, k, a->sigma, X, Y));
            double q = cst;
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) q += (w[i] - u[i]) * T[i * k + j] * (w[j] - u[j]);
            CHECK(fabs(direct - q) <= 1e-9 * fmax(1, direct), "case %d: ‖α_w X − Y‖² = %.15g, form + const = %.15g", c,
                  direct, q);
        }
        /* The minimum over all w is at u: the loss there equals const. */
        double complex uc[64];
        for (int i = 0; i < k; i++) uc[i] = u[i];
        CHECK(fabs(creal(data_loss_direct(uc, k, a->sigma, X, Y)) - cst) <= 1e-9 * fmax(1, fabs(cst)), "case %d const", c);
        /* Shapes: one row too many, Y with other N, too few samples, singular X X^T. */
        X->rows++;
        CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_ERR_ARG && strstr(msg, "rows"), "d0 %s", msg);
        X->rows--;
        Y->cols--;
        CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_ERR_ARG && strstr(msg, "columns"), "N %s", msg);
        Y->cols++;
        lcn_dmatrix_clear(X);
        lcn_dmatrix_clear(Y);
        random_data(X, Y, d0, dL, d0 - 1, rng);
        CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_ERR_ARG && strstr(msg, "fewer"), "N<d0 %s", msg);
        lcn_dmatrix_clear(X);
        lcn_dmatrix_clear(Y);
        random_data(X, Y, d0, dL, N, rng);
        memcpy(X->a + N, X->a, (size_t)N * sizeof(double)); /* row 1 = row 0 */
        CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_ERR_ARG && strstr(msg, "singular"),
              "singular %s", msg);
        lcn_dmatrix_clear(X);
        lcn_dmatrix_clear(Y);
        lcn_arch_clear(a);
    }
    /* CSV reading: values, comments, blanks; errors name file, line, field. */
    char path[] = "/tmp/lcn-t-census-csv-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0) return;
    close(fd);
    lcn_dmatrix_t M;
    lcn_dmatrix_init(M);
    write_file(path, "# X\n1, 2.5, -3e-1\n\n 4 ,5,6 # row 2\n");
    CHECK(lcn_dmatrix_read_csv(M, path, msg, sizeof msg) == LCN_OK, "%s", msg);
    CHECK(M->rows == 2 && M->cols == 3 && M->a[1] == 2.5 && M->a[2] == -0.3 && M->a[3] == 4 && M->a[5] == 6,
          "values %d x %d", M->rows, M->cols);
    const char *bad[] = {"1,2\n3,nan\n", "1,2\n3,4,5\n", "1,2\n3,x\n", "1,inf\n", ""};
    const char *where[] = {":2:2:", ":2:3:", ":2:2:", ":1:2:", "empty"};
    for (int i = 0; i < 5; i++) {
        write_file(path, bad[i]);
        lcn_err_t e = lcn_dmatrix_read_csv(M, path, msg, sizeof msg);
        CHECK(e == LCN_ERR_PARSE && strstr(msg, where[i]) && strstr(msg, path), "bad csv %d: %d %s", i, e, msg);
    }
    unlink(path);
    CHECK(lcn_dmatrix_read_csv(M, path, msg, sizeof msg) == LCN_ERR_IO, "missing file");
    lcn_dmatrix_clear(M);
}

/* ---- KMMT22 §7.3 ---------------------------------------------------------- */

static const lcn_census_component_struct *find_locus(const lcn_census_t c, const int *lambda, int r)
{
    for (size_t i = 0; i < c->ncomp; i++)
        if (c->comp[i].kind == LCN_CENSUS_ROOT_LOCUS && c->comp[i].r == r &&
            !memcmp(c->comp[i].lambda, lambda, (size_t)r * sizeof(int)))
            return &c->comp[i];
    return NULL;
}

static const lcn_census_point_struct *find_point(const lcn_census_t c, const double *w, double tol)
{
    for (size_t i = 0; i < c->ncomp; i++)
        for (size_t j = 0; j < c->comp[i].npts; j++) {
            const lcn_census_point_struct *p = &c->comp[i].pts[j];
            double d = 0;
            for (int t = 0; t < c->k; t++) d = fmax(d, cabs(p->w[t] - w[t]));
            if (d <= tol) return p;
        }
    return NULL;
}

/* Discriminant test: the binary form v (size n) has no repeated root. For
 * sizes <= 4 by the classical discriminants (a nonzero leading or trailing
 * coefficient is not needed: the homogeneous discriminant). */
static int no_repeated_root(const double *v, int n)
{
    double sc = maxabs(v, n);
    if (n <= 2) return sc > 0;
    if (n == 3) return fabs(v[1] * v[1] - 4 * v[0] * v[2]) > 1e-8 * sc * sc;
    if (n == 4) {
        double a = v[0], b = v[1], c = v[2], d = v[3];
        double D = b * b * c * c - 4 * a * c * c * c - 4 * b * b * b * d - 27 * a * a * d * d + 18 * a * b * c * d;
        return fabs(D) > 1e-8 * sc * sc * sc * sc;
    }
    return 1;
}

/* KMMT22 Ex. 5.6: the compatible patterns of (3,2,2) and (4,2). */
static int ex56_compatible(const char *rrmp, int arch42)
{
    const char *a322[] = {"1111|0", "112|0", "22|0", "13|0", "11|1", "2|1"};
    const char *a42[] = {"1111|0", "112|0", "11|1", "2|1"};
    const char **l = arch42 ? a42 : a322;
    int n = arch42 ? 4 : 6;
    for (int i = 0; i < n; i++)
        if (!strcmp(l[i], rrmp)) return 1;
    return 0;
}

static void check_network_points(const lcn_census_t c, const char *what)
{
    const lcn_arch_struct *a = c->farch;
    int P = a->nparams;
    for (size_t i = 0; i < c->ncomp; i++)
        for (size_t j = 0; j < c->comp[i].npts; j++) {
            const lcn_census_point_struct *p = &c->comp[i].pts[j];
            if (p->compatible == 1) CHECK(p->nfact >= 1, "%s: compatible point without factorization", what);
            if (p->compatible == 0) CHECK(p->nfact == 0, "%s: incompatible point with factorizations", what);
            for (size_t f = 0; f < p->nfact; f++) {
                const lcn_census_fact_struct *F = &p->fact[f];
                double w[64];
                mu_direct(w, a->k, a->s, a->L, F->theta);
                double d = 0, sc = 0;
                for (int t = 0; t < c->k; t++) {
                    d = fmax(d, fabs(w[t] - creal(p->w[t])));
                    sc = fmax(sc, cabs(p->w[t]));
                }
                CHECK(d <= 1e-9 * sc, "%s: µ(filters) differs from w by %g", what, d);
                if (a->stride_one)
                    for (int l = 0; l < a->L; l++)
                        CHECK(no_repeated_root(F->theta + a->off[l], a->k[l]), "%s: layer %d has a repeated root", what, l);
                /* Type: the census's against a direct numerical Hessian. */
                double Hf[64 * 64];
                fd_hessian(Hf, a->k, a->s, a->L, F->theta, c->u, c->T, P, 1e-4);
                lcn_crit_info_struct info;
                CHECK(F->classified && lcn_param_classify_hessian(&info, a, F->theta, Hf, 1e-5) == LCN_OK, "%s: classify", what);
                CHECK(info.type == F->info.type && info.index == F->info.index,
                      "%s: type %s/%d from the census, %s/%d from finite differences", what,
                      lcn_crit_type_name(F->info.type), F->info.index, lcn_crit_type_name(info.type), info.index);
                CHECK(F->info.grad_norm <= 1e-8 * fmax(1, maxabs(Hf, P * P)), "%s: gradient %g at a network critical point",
                      what, F->info.grad_norm);
            }
        }
}

static void run_kmmt22(lcn_census_t c, int arch42)
{
    int k322[] = {3, 2, 2}, k42[] = {4, 2};
    lcn_arch_t a;
    lcn_arch_init(a);
    CHECK(lcn_arch_init_set(a, arch42 ? k42 : k322, NULL, arch42 ? 2 : 3) == LCN_OK, "arch");
    double u[5] = {2, 0, 5, 0, 2}, T[25];
    lcn_weights_identity(T, 5);
    lcn_census_opts_t o;
    census_opts(o, "identity");
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK, "census run");
    lcn_arch_clear(a);
}

static void check_kmmt22(int arch42)
{
    const char *what = arch42 ? "(4,2)" : "(3,2,2)";
    lcn_census_t c;
    lcn_census_init(c);
    run_kmmt22(c, arch42);
    /* Per-locus counts (KMMT22 Ex. 6.7, §7.3): complex and real. */
    int lam[5][4] = {{1, 1, 1, 1}, {2, 1, 1}, {3, 1}, {2, 2}, {4}};
    int r[5] = {4, 3, 2, 2, 1};
    size_t cx[5] = {1, 10, 12, 13, 10}, re[5] = {1, 4, 4, 5, 4};
    for (int i = 0; i < 5; i++) {
        const lcn_census_component_struct *cm = find_locus(c, lam[i], r[i]);
        CHECK(cm != NULL, "%s: locus %d missing", what, i);
        if (!cm) continue;
        CHECK(cm->found == cx[i] && cm->nreal == re[i], "%s: locus %d: %zu complex %zu real, want %zu %zu", what, i,
              cm->found, cm->nreal, cx[i], re[i]);
        CHECK(!cm->mismatch, "%s: locus %d mismatch", what, i);
        CHECK(cm->ncertified == cm->found, "%s: locus %d: %zu of %zu certified", what, i, cm->ncertified, cm->found);
    }
    CHECK(c->complex_total == 46 && c->real_total == 18, "%s totals %zu %zu", what, c->complex_total, c->real_total);
    CHECK(c->found_bound_known && c->found_bound == c->upper_bound, "%s: bound from the found counts %llu", what,
          (unsigned long long)c->found_bound);
    CHECK(c->upper_bound_known && c->upper_bound == (arch42 ? 11u : 36u), "%s: upper bound %llu (KMMT22 Ex. 6.7)", what,
          (unsigned long long)c->upper_bound);
    /* The rational points of §7.3, found to 1e-10, with their rrmp. */
    double pts[][5] = {{0.2, 1.8, 3.2, 1.8, 0.2}, {0.2, -1.8, 3.2, -1.8, 0.2}, {0, 0, 5, 0, 2}, {2, 0, 5, 0, 0},
                       {-1, 0, 2, 0, -1},        {0, 0, 5, 0, 0},           {7. / 3, 0, 14. / 3, 0, 7. / 3},
                       {0, 0, 0, 0, 2},          {2, 0, 0, 0, 0},           {17. / 35, 68. / 35, 102. / 35, 68. / 35, 17. / 35},
                       {17. / 35, -68. / 35, 102. / 35, -68. / 35, 17. / 35}, {2, 0, 5, 0, 2}};
    const char *rr[] = {"112|0", "112|0", "2|1", "2|1", "22|0", "22|0", "0|2", "4|0", "4|0", "4|0", "4|0", "0|11"};
    for (int i = 0; i < 12; i++) {
        const lcn_census_point_struct *p = find_point(c, pts[i], 1e-10);
        CHECK(p != NULL, "%s: point %d of KMMT22 §7.3 not found", what, i);
        if (!p) continue;
        CHECK(p->real && !strcmp(p->rrmp, rr[i]), "%s: point %d rrmp %s, want %s", what, i, p->rrmp, rr[i]);
    }
    /* Compatibility of every real point per Ex. 5.6. */
    size_t ncompat = 0;
    for (size_t i = 0; i < c->ncomp; i++)
        for (size_t j = 0; j < c->comp[i].npts; j++) {
            const lcn_census_point_struct *p = &c->comp[i].pts[j];
            if (!p->real) continue;
            CHECK(p->rrmp[0], "%s: real point without rrmp", what);
            CHECK(p->compatible == ex56_compatible(p->rrmp, arch42), "%s: %s compatible = %d", what, p->rrmp, p->compatible);
            ncompat += p->compatible == 1;
        }
    CHECK(c->compatible_real == ncompat, "%s: compatible total", what);
    check_network_points(c, what);
    if (arch42) {
        /* Only Δ(2,1,1) reaches (4,2) besides nothing else (Ex. 5.6). */
        int l31[] = {3, 1}, l22[] = {2, 2}, l4[] = {4};
        CHECK(find_locus(c, l31, 2)->ncompatible == 0 && find_locus(c, l22, 2)->ncompatible == 0 &&
                  find_locus(c, l4, 1)->ncompatible == 0, "(4,2): Δ(3,1), Δ(2,2), Δ(4) contribute nothing");
        /* (2,0,5,0,0) = x^2 (2x^2 + 5y^2): layers (2,0,5,0) and (1,0) up to
         * scaling (KMMT22 §7.3); with (0,0,5,0,2) it is where gradient
         * descent converges, a local minimum. */
        double w1[] = {2, 0, 5, 0, 0}, w2[] = {0, 0, 5, 0, 2};
        const lcn_census_point_struct *p = find_point(c, w1, 1e-10), *q = find_point(c, w2, 1e-10);
        CHECK(p && q && p->compatible == 1 && q->compatible == 1, "(4,2): both reachable");
        if (p && p->nfact == 1) {
            const double *th = p->fact[0].theta;
            double ref[] = {2, 0, 5, 0};
            double sc = th[0] / 2;
            for (int j = 0; j < 4; j++) CHECK(fabs(th[j] - sc * ref[j]) <= 1e-9 * fabs(sc), "(4,2): layer 1 coefficient %d", j);
            CHECK(fabs(th[5]) <= 1e-9 * fabs(th[4]), "(4,2): layer 2 is a multiple of (1,0)");
            CHECK(p->fact[0].info.type == LCN_CRIT_MINIMUM, "(4,2): (2,0,5,0,0) is %s", lcn_crit_type_name(p->fact[0].info.type));
        } else
            CHECK(0, "(4,2): (2,0,5,0,0) should have exactly one factorization, has %zu", p ? p->nfact : 0);
        if (q && q->nfact == 1) CHECK(q->fact[0].info.type == LCN_CRIT_MINIMUM, "(4,2): (0,0,5,0,2) type");
    } else {
        /* (3,2,2): 112|0 has 5 placements (layer 1 takes the two simple roots
         * or one simple root and the double one, layers 2, 3 ordered). */
        const lcn_census_point_struct *p = find_point(c, pts[0], 1e-10);
        CHECK(p && p->nfact == 5, "(3,2,2): 112|0 has %zu factorizations, want 5", p ? p->nfact : 0);
        const lcn_census_point_struct *q = find_point(c, pts[4], 1e-10);
        CHECK(q && q->nfact == 2, "(3,2,2): 22|0 has %zu factorizations, want 2", q ? q->nfact : 0);
    }
    lcn_census_clear(c);
}

static void test_kmmt22_322(void)
{
    check_kmmt22(0);
}

static void test_kmmt22_42(void)
{
    check_kmmt22(1);
}

/* KMMT22 Ex. 5.10: k = (2,3), u = (x+y)(x^2 + y^2/10): the spurious local
 * minimum (a, b, c, d) ≈ (0.0578445483987, 1.0000187825172, 0.941829719725,
 * 0.0511336556138) with q1 = x + a y, q2 = b x^2 + c xy + d y^2 (digits
 * good to ~1e-7), and (P) has 10 nonzero critical points. */
static void test_ex510(void)
{
    int k[] = {2, 3};
    lcn_arch_t a;
    lcn_arch_init(a);
    CHECK(lcn_arch_init_set(a, k, NULL, 2) == LCN_OK, "arch");
    double u[4] = {1, 1, 0.1, 0.1}, T[16];
    lcn_weights_identity(T, 4);
    lcn_census_opts_t o;
    census_opts(o, "identity");
    lcn_census_t c;
    lcn_census_init(c);
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK, "run");
    CHECK(lcn_census_verify_params(c, o) == LCN_OK, "verify params");
    CHECK(c->params_done && c->params_found == 10 && c->params_predicted == 10 && !c->params_mismatch,
          "(P): %zu found, %llu predicted, want 10", c->params_found, (unsigned long long)c->params_predicted);
    double ref[] = {0.0578445483987, 1.0000187825172, 0.941829719725, 0.0511336556138};
    double wref[4] = {ref[1], ref[0] * ref[1] + ref[2], ref[0] * ref[2] + ref[3], ref[0] * ref[3]};
    const lcn_census_point_struct *p = find_point(c, wref, 1e-6);
    CHECK(p && p->nfact == 1, "Ex. 5.10 minimum not found");
    if (p && p->nfact == 1) {
        const double *th = p->fact[0].theta;
        double s = 1 / th[0];
        CHECK(fabs(th[1] * s - ref[0]) < 1e-7, "a = %.12g", th[1] * s);
        for (int j = 0; j < 3; j++) CHECK(fabs(th[2 + j] / s - ref[1 + j]) < 1e-6, "coefficient %d: %.12g", j, th[2 + j] / s);
        CHECK(p->fact[0].info.type == LCN_CRIT_MINIMUM, "Ex. 5.10: a local minimum (positive definite Hessian), got %s",
              lcn_crit_type_name(p->fact[0].info.type));
    }
    check_network_points(c, "(2,3)");
    lcn_census_clear(c);
    lcn_arch_clear(a);
}

/* A change of coordinates (other random charts: another seed) changes
 * neither the counts nor the real points. */
static void test_seed_invariance(void)
{
    int k[] = {2, 2, 2};
    lcn_arch_t a;
    lcn_arch_init(a);
    CHECK(lcn_arch_init_set(a, k, NULL, 3) == LCN_OK, "arch");
    double u[4] = {1, -0.5, 0.25, 2}, T[16];
    lcn_weights_identity(T, 4);
    lcn_census_t c[2];
    for (int i = 0; i < 2; i++) {
        lcn_census_opts_t o;
        census_opts(o, "identity");
        o->seed = 1 + 1000 * (uint64_t)i + lcn_test_seed() % 97;
        lcn_census_init(c[i]);
        CHECK(lcn_census_run(c[i], a, u, T, 0, o) == LCN_OK, "run %d", i);
    }
    CHECK(c[0]->ncomp == c[1]->ncomp && c[0]->complex_total == c[1]->complex_total &&
              c[0]->real_total == c[1]->real_total && c[0]->network_points == c[1]->network_points,
          "counts differ between charts: %zu/%zu complex, %zu/%zu real", c[0]->complex_total, c[1]->complex_total,
          c[0]->real_total, c[1]->real_total);
    for (size_t i = 0; i < c[0]->ncomp; i++)
        for (size_t j = 0; j < c[0]->comp[i].npts; j++) {
            const lcn_census_point_struct *p = &c[0]->comp[i].pts[j];
            double w[8];
            if (!p->real) continue;
            for (int t = 0; t < 4; t++) w[t] = creal(p->w[t]);
            const lcn_census_point_struct *q = find_point(c[1], w, 1e-9);
            CHECK(q && q->real && !strcmp(q->rrmp, p->rrmp) && q->nfact == p->nfact, "real point %zu of %zu not reproduced",
                  j, i);
        }
    lcn_census_clear(c[0]);
    lcn_census_clear(c[1]);
    lcn_arch_clear(a);
}

/* ---- data-driven census: vanishing gradient along the locus --------------- */

static void check_data_census(const int *k, int L, int dL, lcn_rng_t rng)
{
    lcn_arch_t a;
    lcn_arch_init(a);
    CHECK(lcn_arch_init_set(a, k, NULL, L) == LCN_OK, "arch");
    int kend = a->kend, d0 = kend + (dL - 1), N = 3 * d0;
    lcn_dmatrix_t X, Y;
    random_data(X, Y, d0, dL, N, rng);
    double T[64 * 64], u[64], cst;
    char msg[300];
    CHECK(lcn_data_loss_form(T, u, &cst, a, X, Y, msg, sizeof msg) == LCN_OK, "%s", msg);
    lcn_census_opts_t o;
    census_opts(o, "data");
    lcn_census_t c;
    lcn_census_init(c);
    CHECK(lcn_census_run(c, a, u, T, cst, o) == LCN_OK, "run");
    CHECK(!c->mismatch, "data census: some count differs from the generic expectation");
    size_t checked = 0;
    for (size_t i = 0; i < c->ncomp; i++)
        for (size_t j = 0; j < c->comp[i].npts; j++) {
            const lcn_census_point_struct *p = &c->comp[i].pts[j];
            /* The locus near w: w(c0, t) = c0 Π (x − t_i y)^{m_i} in the
             * finite-root chart; derivatives by complex central differences
             * of the data loss computed from X and Y directly. */
            int nr = p->nroots, fin = 1;
            for (int t = 0; t < nr; t++) fin &= !p->root_inf[t];
            if (!fin) continue;
            double complex th[64], w[64];
            int np = 1 + nr;
            th[0] = p->w[0];
            for (int t = 0; t < nr; t++) th[1 + t] = p->root[t];
            double complex tmp[64];
#define BUILD_W(TH)                                                                     \
    do {                                                                                \
        int n_ = 1;                                                                     \
        w[0] = (TH)[0];                                                                 \
        for (int t_ = 0; t_ < nr; t_++)                                                 \
            for (int e_ = 0; e_ < p->root_mult[t_]; e_++) {                             \
                for (int q_ = 0; q_ <= n_; q_++)                                        \
                    tmp[q_] = (q_ < n_ ? w[q_] : 0) - (q_ > 0 ? (TH)[1 + t_] * w[q_ - 1] : 0); \
                n_++;                                                                   \
                memcpy(w, tmp, (size_t)n_ * sizeof *w);                                 \
            }                                                                           \
    } while (0)
            BUILD_W(th);
            double werr = 0, wsc = 0;
            for (int t = 0; t < kend; t++) {
                werr = fmax(werr, cabs(w[t] - p->w[t]));
                wsc = fmax(wsc, cabs(p->w[t]));
            }
            CHECK(werr <= 1e-8 * wsc, "reported roots rebuild w to %g", werr);
            double complex f0 = data_loss_direct(w, kend, 1, X, Y);
            CHECK(fabs(creal(f0) - p->loss) <= 1e-8 * fmax(1, fabs(p->loss)) || !p->real, "loss %g vs direct %g", p->loss,
                  creal(f0));
            /* Scale of the gradient: that of the loss's terms. */
            double xs = 0;
            for (int t = 0; t < d0 * N; t++) xs += X->a[t] * X->a[t];
            double scale = xs * wsc * wsc + cabs(f0) + 1;
            double h = 1e-5, gmax = 0, gpert = 0;
            for (int pass = 0; pass < 2; pass++) {
                double complex base[64];
                memcpy(base, th, (size_t)np * sizeof *th);
                if (pass == 1) base[np - 1] += 0.1; /* off the critical point: the check must see a gradient */
                for (int v = 0; v < np; v++) {
                    double complex tp[64], tm[64];
                    memcpy(tp, base, sizeof tp);
                    memcpy(tm, base, sizeof tm);
                    double hv = h * fmax(1, cabs(base[v]));
                    tp[v] += hv;
                    tm[v] -= hv;
                    BUILD_W(tp);
                    double complex fp = data_loss_direct(w, kend, 1, X, Y);
                    BUILD_W(tm);
                    double complex fm = data_loss_direct(w, kend, 1, X, Y);
                    double g = cabs(fp - fm) / (2 * hv) * fmax(1, cabs(base[v]));
                    if (pass == 0) gmax = fmax(gmax, g);
                    else gpert = fmax(gpert, g);
                }
            }
#undef BUILD_W
            CHECK(gmax <= 1e-6 * scale, "point %zu of component %zu: gradient along the locus %g (scale %g)", j, i, gmax,
                  scale);
            CHECK(gpert > 1e-4 * scale, "perturbed point: gradient %g should not vanish (scale %g)", gpert, scale);
            checked++;
        }
    CHECK(checked + 2 >= c->complex_total && checked > 0, "checked %zu of %zu points", checked, c->complex_total);
    check_network_points(c, "data");
    lcn_census_clear(c);
    lcn_dmatrix_clear(X);
    lcn_dmatrix_clear(Y);
    lcn_arch_clear(a);
}

static void test_data_census_22(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 3);
    int k22[] = {2, 2};
    check_data_census(k22, 2, 1, rng);
    check_data_census(k22, 2, 2, rng);
}

static void test_data_census_322(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 6);
    int k322[] = {3, 2, 2};
    check_data_census(k322, 3, 1, rng);
}

/* ---- Segre ------------------------------------------------------------------ */

static void test_segre_33(void)
{
    int k[] = {3, 3}, s[] = {2, 1};
    lcn_arch_t a;
    lcn_arch_init(a);
    CHECK(lcn_arch_init_set(a, k, s, 2) == LCN_OK, "arch");
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 4);
    double u[7], T[49];
    for (int i = 0; i < 7; i++) u[i] = lcn_rng_normal(rng);
    lcn_weights_generic(T, 7, lcn_test_seed());
    lcn_census_opts_t o;
    census_opts(o, "generic");
    lcn_census_t c;
    lcn_census_init(c);
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK, "run");
    CHECK(!strcmp(c->route, "reduced") && c->ncomp == 1 && c->comp[0].kind == LCN_CENSUS_SEGRE, "route %s", c->route);
    /* Shahverdi Table 3: C_(3,3) = 39. */
    CHECK(c->complex_total == 39 && !c->mismatch, "Segre (3,3): %zu complex, want 39", c->complex_total);
    for (size_t j = 0; j < c->comp[0].npts; j++) {
        const lcn_census_point_struct *p = &c->comp[0].pts[j];
        if (p->real) CHECK(p->compatible == 1 && p->nfact == 1, "real Segre point %zu without real filters", j);
        else CHECK(p->nfact == 0, "complex point with filters");
    }
    check_network_points(c, "segre (3,3)");
    lcn_census_clear(c);
    lcn_arch_clear(a);
}

static void test_routes(void)
{
    double u[16] = {1, 0, 1, 0, 1, 0, 1}, T[256];
    lcn_census_opts_t o;
    census_opts(o, "identity");
    lcn_census_t c;
    lcn_census_init(c);
    lcn_arch_t a;
    lcn_arch_init(a);
    /* A scalar first layer with stride 2: nothing computed, said so. */
    int k1[] = {1, 3}, s1[] = {2, 1};
    CHECK(lcn_arch_init_set(a, k1, s1, 2) == LCN_OK, "arch");
    lcn_weights_identity(T, a->kend);
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK && !strcmp(c->route, "not-covered") && c->not_covered[0] &&
              c->ncomp == 0, "route %s", c->route);
    /* Strides only through a scalar layer: the stride-one census of (3,1). */
    int k2[] = {3, 1}, s2[] = {2, 1};
    CHECK(lcn_arch_init_set(a, k2, s2, 2) == LCN_OK, "arch");
    lcn_weights_identity(T, a->kend);
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK && !strcmp(c->route, "stride-one") && c->ncomp == 2,
          "route %s, %zu components", c->route, c->ncomp);
    /* Mixed: the Segre variety of the reduced (3,3), s = (2,1), with a note. */
    int k3[] = {3, 2, 2}, s3[] = {2, 1, 1};
    CHECK(lcn_arch_init_set(a, k3, s3, 3) == LCN_OK, "arch");
    /* A generic target: special ones (e.g. odd coefficients zero) may merge points. */
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 5);
    for (int i = 0; i < a->kend; i++) u[i] = lcn_rng_normal(rng);
    o->weights_name = "generic";
    lcn_weights_generic(T, a->kend, 7);
    CHECK(lcn_census_run(c, a, u, T, 0, o) == LCN_OK && !strcmp(c->route, "mixed") && c->not_covered[0] &&
              c->ncomp == 1 && c->comp[0].found == 39, "route %s", c->route);
    /* The filters are those of the original three layers: µ(filters) = w,
     * critical (gradient 0) with the type of a direct numerical Hessian. A
     * real point is reachable iff its merged layer (size 3 = 2 + 2 - 1)
     * has real roots, i.e. a nonnegative discriminant. */
    CHECK(c->farch->L == 3 && c->grouped, "filters in the original layers");
    check_network_points(c, "mixed (3,2,2) s=(2,1,1)");
    for (size_t j = 0; j < c->comp[0].npts; j++) {
        const lcn_census_point_struct *p = &c->comp[0].pts[j];
        if (!p->real) continue;
        if (p->compatible == 1) {
            CHECK(p->nfact == 2, "a merged layer with two distinct real roots splits in 2 ways, got %zu", p->nfact);
        }
    }
    lcn_census_clear(c);
    lcn_arch_clear(a);
}

LCN_TEST_MAIN({"hessian", test_hessian}, {"data", test_data}, {"kmmt22_322", test_kmmt22_322},
              {"kmmt22_42", test_kmmt22_42}, {"ex510", test_ex510}, {"data_census_22", test_data_census_22}, {"data_census_322", test_data_census_322},
              {"segre_33", test_segre_33}, {"routes", test_routes},
              {"seed_invariance", test_seed_invariance})
