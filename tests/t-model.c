/* Tests of src/model: architectures, µ, partitions, rrmp, compatibility,
 * factorizations, expected counts. Known answers come from the papers
 * (typed into data/) or from closed forms, never from the code under test. */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include "lcncrit/arch.h"
#include "lcncrit/compat.h"
#include "lcncrit/edd.h"
#include "lcncrit/factor.h"
#include "lcncrit/partition.h"
#include "lcncrit/rng.h"
#include "lcncrit/rrmp.h"
#include "test.h"

static FILE *open_data(const char *name)
{
    const char *dir = getenv("LCN_DATA_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "data", name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (set LCN_DATA_DIR)\n", path);
        exit(1);
    }
    return f;
}

/* next non-comment, non-empty line; 0 at EOF */
static int data_line(FILE *f, char *buf, size_t len)
{
    while (fgets(buf, (int)len, f)) {
        char *p = buf;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == '\0') continue;
        buf[strcspn(buf, "\n")] = '\0';
        return 1;
    }
    return 0;
}

static int parse_ints(int *out, int max, const char *s)
{
    int n = 0;
    while (*s && n < max) {
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s) break;
        out[n++] = (int)v;
        s = end;
        while (*s == ',' || *s == ' ') s++;
    }
    return n;
}

static void set_arch(lcn_arch_t a, const int *k, const int *s, int L)
{
    lcn_err_t err = lcn_arch_init_set(a, k, s, L);
    CHECK(err == LCN_OK, "arch_init_set failed: %s", a->msg);
}

static double complex rnd_c(lcn_rng_t rng) { return lcn_rng_cnormal(rng); }

/* ---------------------------------------------------------------- arch */

static void test_arch(void)
{
    lcn_arch_t a;
    lcn_arch_init(a);
    /* Shahverdi Ex. 2.1: k = (2,2), s = (2,1): w has 4 entries, the
     * neurovariety is the hypersurface AD - BC = 0 (dimension 3). */
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    CHECK(a->kend == 4 && a->dim == 3 && a->sigma == 2, "kend %d dim %d sigma %ld", a->kend, a->dim, a->sigma);
    CHECK(a->reduced && !a->stride_one && !a->filling, "flags %d %d %d", a->reduced, a->stride_one, a->filling);
    CHECK(a->S[0] == 1 && a->S[1] == 2, "S %ld %ld", a->S[0], a->S[1]);
    /* KMMT22 Ex. 2.5 / 4.12: (3,2) stride one is filling (one even filter),
     * with s = (2,1) it is not (Prop. 4.11); k = 5 in both cases. */
    set_arch(a, (int[]){3, 2}, NULL, 2);
    CHECK(a->kend == 4 && a->filling && a->e == 1 && a->stride_one, "(3,2): kend %d filling %d", a->kend, a->filling);
    set_arch(a, (int[]){3, 2}, (int[]){2, 1}, 2);
    CHECK(a->kend == 5 && !a->filling && a->dim == 4, "(3,2),(2,1): kend %d filling %d", a->kend, a->filling);
    /* Thm 4.1: stride one is filling iff at most one even filter */
    set_arch(a, (int[]){2, 2}, NULL, 2);
    CHECK(!a->filling && a->e == 2 && a->kend == 3 && a->dim == 3, "(2,2)");
    set_arch(a, (int[]){3, 3, 2}, (int[]){1, 1, 7}, 3);
    CHECK(a->filling && a->stride_one && a->e == 1 && a->kend == 6, "(3,3,2) s_L = 7 is still stride one");
    /* Shahverdi's Observation: ((2,2,2),(1,2,1)) has the closure of
     * ((3,2),(2,1)). */
    set_arch(a, (int[]){2, 2, 2}, (int[]){1, 2, 1}, 3);
    CHECK(!a->reduced && !a->stride_one && !strcmp(lcn_arch_kind(a), "mixed"), "mixed");
    CHECK(a->red_L == 2 && a->red_k[0] == 3 && a->red_k[1] == 2 && a->red_s[0] == 2 && a->red_embed == 1,
          "reduced (%d,%d) s %d", a->red_k[0], a->red_k[1], a->red_s[0]);
    CHECK(a->kend == 5 && a->dim == 4, "kend %d dim %d", a->kend, a->dim);
    /* KMMT22 Lemma 4.9 b): a final scalar layer changes nothing; a middle
     * scalar layer folds its stride into the previous one. */
    set_arch(a, (int[]){2, 1, 3}, (int[]){1, 3, 1}, 3);
    CHECK(a->red_L == 2 && a->red_k[0] == 2 && a->red_k[1] == 3 && a->red_s[0] == 3, "scalar middle layer");
    CHECK(a->kend == 2 + 2 * 3, "kend %d", a->kend);
    set_arch(a, (int[]){4, 1}, (int[]){1, 5}, 2);
    CHECK(a->red_L == 1 && a->red_k[0] == 4 && a->filling, "scalar last layer");
    set_arch(a, (int[]){1, 3}, (int[]){2, 1}, 2);
    CHECK(a->red_L == 1 && a->red_k[0] == 3 && a->red_embed == 2 && !a->filling && a->kend == 5, "spread first layer");
    /* stride one reduces to a single layer of size k */
    set_arch(a, (int[]){3, 2, 2}, NULL, 3);
    CHECK(a->red_L == 1 && a->red_k[0] == 5 && a->kend == 5 && a->dim == 5 && a->e == 2, "(3,2,2)");
    /* (9,9),(2,1) is reduced */
    set_arch(a, (int[]){9, 9}, (int[]){2, 1}, 2);
    CHECK(a->reduced && a->red_L == 2 && a->kend == 25, "(9,9),(2,1) kend %d", a->kend);
    lcn_arch_t r;
    lcn_arch_init(r);
    lcn_arch_reduce(r, a);
    CHECK(r->L == 2 && r->k[0] == 9 && r->s[0] == 2, "reduce");
    lcn_arch_clear(r);

    /* validation names the argument */
    CHECK(lcn_arch_init_set(a, (int[]){3, 0}, NULL, 2) == LCN_ERR_ARG && !strcmp(a->bad_arg, "k") && a->L == 0,
          "k = 0 accepted: %s", a->msg);
    CHECK(strstr(a->msg, "k[2]") != NULL, "message '%s'", a->msg);
    CHECK(lcn_arch_init_set(a, (int[]){3, 2}, (int[]){1, 0}, 2) == LCN_ERR_ARG && !strcmp(a->bad_arg, "s"), "s = 0");
    CHECK(lcn_arch_init_set(a, (int[]){3}, NULL, 0) == LCN_ERR_ARG && !strcmp(a->bad_arg, "L"), "L = 0");
    CHECK(lcn_arch_init_set(a, (int[]){5000}, NULL, 1) == LCN_ERR_ARG, "huge k");
    CHECK(lcn_arch_init_set(a, (int[]){100, 100, 100}, (int[]){100, 100, 1}, 3) == LCN_ERR_ARG, "huge kend");
    lcn_arch_clear(a);
}

/* ---------------------------------------------------------------- mu */

/* The convolution matrix α_{w,s} (KMMT22 eq. (2), Shahverdi eq. 2.2): d_out
 * × d_in, row i holds w at columns i·s .. i·s + k - 1. */
static void conv_matrix(double complex *M, int dout, int din, const double complex *w, int k, int s)
{
    memset(M, 0, sizeof *M * (size_t)dout * (size_t)din);
    for (int i = 0; i < dout; i++)
        for (int j = 0; j < k; j++) M[(size_t)i * din + (size_t)(i * s + j)] = w[j];
}

static void test_mu(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 301);
    lcn_arch_t a;
    lcn_arch_init(a);
    /* Shahverdi Ex. 2.1 */
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    double complex th[4] = {2, 3, 5, 7}, w[4]; /* a0 a1 c0 c1 */
    lcn_arch_mu(w, a, th);
    CHECK(w[0] == 10 && w[1] == 15 && w[2] == 14 && w[3] == 21, "Ex 2.1: %g %g %g %g", creal(w[0]), creal(w[1]),
          creal(w[2]), creal(w[3]));
    double thd[4] = {2, 3, 5, 7}, wd[4];
    lcn_arch_mu_d(wd, a, thd);
    CHECK(wd[0] == 10 && wd[1] == 15 && wd[2] == 14 && wd[3] == 21, "mu_d");

    /* Property: µ agrees with composing convolution matrices (KMMT22
     * Prop. 2.2): α_{w_L,s_L} ··· α_{w_1,s_1} = α_{µ(θ), σ}; and the
     * Jacobian agrees with exact differences (µ is linear in each entry). */
    long iters = 200 * lcn_test_multiplier();
    for (long it = 0; it < iters; it++) {
        int L = 1 + (int)lcn_rng_below(rng, 4), k[4], s[4];
        for (int l = 0; l < L; l++) {
            k[l] = 1 + (int)lcn_rng_below(rng, 4);
            s[l] = 1 + (int)lcn_rng_below(rng, 3);
        }
        set_arch(a, k, s, L);
        int np = a->nparams, kend = a->kend;
        double complex *theta = malloc(sizeof *theta * (size_t)np), *we = malloc(sizeof *we * (size_t)kend);
        for (int i = 0; i < np; i++) theta[i] = rnd_c(rng);
        lcn_arch_mu(we, a, theta);
        /* d_L = 2 outputs; go backwards to get the layer sizes */
        int d[5];
        d[L] = 2;
        for (int l = L - 1; l >= 0; l--) d[l] = (d[l + 1] - 1) * s[l] + k[l];
        /* product P = α_L ··· α_1 (d_L × d_0) */
        double complex *P = calloc((size_t)d[L] * (size_t)d[0] + 1, sizeof *P);
        double complex *cur = calloc((size_t)d[1] * (size_t)d[0] + 1, sizeof *cur);
        conv_matrix(cur, d[1], d[0], theta + a->off[0], k[0], s[0]);
        for (int l = 1; l < L; l++) {
            double complex *M = calloc((size_t)d[l + 1] * (size_t)d[l], sizeof *M);
            double complex *nx = calloc((size_t)d[l + 1] * (size_t)d[0], sizeof *nx);
            conv_matrix(M, d[l + 1], d[l], theta + a->off[l], k[l], s[l]);
            for (int i = 0; i < d[l + 1]; i++)
                for (int j = 0; j < d[0]; j++) {
                    double complex acc = 0;
                    for (int t = 0; t < d[l]; t++) acc += M[(size_t)i * d[l] + t] * cur[(size_t)t * d[0] + j];
                    nx[(size_t)i * d[0] + j] = acc;
                }
            free(M);
            free(cur);
            cur = nx;
        }
        memcpy(P, cur, sizeof *P * (size_t)d[L] * (size_t)d[0]);
        free(cur);
        long sigma = 1;
        for (int l = 0; l < L; l++) sigma *= s[l];
        CHECK(d[0] == kend + (d[L] - 1) * sigma, "d0 %d vs k %d + (dL-1) sigma %ld", d[0], kend, sigma);
        double err = 0, nrm = 0;
        for (int i = 0; i < d[L]; i++)
            for (int j = 0; j < d[0]; j++) {
                long t = j - i * sigma;
                double complex expect = t >= 0 && t < kend ? we[t] : 0;
                err = fmax(err, cabs(P[(size_t)i * d[0] + j] - expect));
                nrm = fmax(nrm, cabs(expect));
            }
        CHECK(err <= 1e-12 * (1 + nrm), "conv composition differs by %g (L=%d)", err, L);
        /* Jacobian */
        double complex *J = malloc(sizeof *J * (size_t)kend * (size_t)np), *w2 = malloc(sizeof *w2 * (size_t)kend);
        lcn_arch_mu_jacobian(J, a, theta);
        double jerr = 0;
        for (int p = 0; p < np; p++) {
            double complex save = theta[p];
            theta[p] += 1;
            lcn_arch_mu(w2, a, theta);
            theta[p] = save;
            for (int i = 0; i < kend; i++) jerr = fmax(jerr, cabs(w2[i] - we[i] - J[(size_t)p * kend + i]));
        }
        CHECK(jerr <= 1e-11 * (1 + nrm), "Jacobian error %g", jerr);
        free(w2);
        free(J);
        free(P);
        free(we);
        free(theta);
    }
    lcn_arch_clear(a);
}

/* ---------------------------------------------------------------- partitions */

static void test_partition(void)
{
    /* p(n) for n = 0..15 (OEIS A000041) */
    static const size_t pn[] = {1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176};
    for (int n = 0; n <= 15; n++) {
        lcn_partitions_t p;
        CHECK(lcn_partitions_init_set(p, n) == LCN_OK, "init_set %d", n);
        CHECK(p->count == pn[n], "p(%d) = %zu, expected %zu", n, p->count, pn[n]);
        for (size_t i = 0; i < p->count; i++) {
            int sum = 0;
            for (int j = 0; j < p->len[i]; j++) sum += p->parts[i][j];
            CHECK(sum == n && lcn_partition_is_valid(p->parts[i], p->len[i]), "not a partition of %d", n);
            if (i > 0) { /* strictly lexicographically increasing */
                int j = 0;
                while (j < p->len[i] && j < p->len[i - 1] && p->parts[i][j] == p->parts[i - 1][j]) j++;
                CHECK(j < p->len[i] && (j == p->len[i - 1] || p->parts[i][j] > p->parts[i - 1][j]),
                      "order broken at %zu for n=%d", i, n);
            }
        }
        if (n > 0) {
            CHECK(p->len[0] == n && p->len[p->count - 1] == 1 && p->parts[p->count - 1][0] == n, "ends");
        }
        lcn_partitions_clear(p);
    }
    /* n = 4 in the order of KMMT22 Ex. 6.7 */
    lcn_partitions_t p;
    CHECK(lcn_partitions_init_set(p, 4) == LCN_OK, "n=4");
    const char *want[] = {"1,1,1,1", "2,1,1", "2,2", "3,1", "4"};
    for (size_t i = 0; i < 5 && i < p->count; i++) {
        char buf[32];
        lcn_partition_get_str(buf, sizeof buf, p->parts[i], p->len[i]);
        CHECK(!strcmp(buf, want[i]), "partition %zu is %s, expected %s", i, buf, want[i]);
    }
    lcn_partitions_clear(p);
    CHECK(lcn_partition_symmetry((int[]){2, 1, 1}, 3) == 2 && lcn_partition_symmetry((int[]){1, 1, 1, 1}, 4) == 24 &&
              lcn_partition_symmetry((int[]){3, 3, 2, 1}, 4) == 2,
          "symmetry");
    CHECK(lcn_partitions_init_set(p, -1) == LCN_ERR_ARG, "n < 0");
    CHECK(lcn_partitions_init_set(p, 1000) == LCN_ERR_LIMIT, "n too big");
}

/* ---------------------------------------------------------------- rrmp */

/* the product of real linear factors (a_i x + b_i y) and quadratics */
static void form_from(double *w, int *k, const double *lin, int nl, const double *quad, int nq)
{
    double complex c[64], t[64];
    int n = 1;
    c[0] = 1;
    for (int i = 0; i < nl; i++) {
        double complex f[2] = {lin[2 * i], lin[2 * i + 1]};
        _lcn_poly_mul(t, c, n, f, 2);
        n++;
        memcpy(c, t, sizeof *c * (size_t)n);
    }
    for (int i = 0; i < nq; i++) {
        double complex f[3] = {quad[3 * i], quad[3 * i + 1], quad[3 * i + 2]};
        _lcn_poly_mul(t, c, n, f, 3);
        n += 2;
        memcpy(c, t, sizeof *c * (size_t)n);
    }
    for (int i = 0; i < n; i++) w[i] = creal(c[i]);
    *k = n;
}

static void check_rrmp_of(const double *lin, int nl, const double *quad, int nq, const char *want)
{
    double w[64];
    int k;
    form_from(w, &k, lin, nl, quad, nq);
    lcn_rrmp_t x;
    lcn_rrmp_init(x);
    lcn_err_t err = lcn_rrmp_set_w(x, w, k, 1e-5);
    char buf[64] = "";
    if (!err) lcn_rrmp_get_str(buf, sizeof buf, x);
    CHECK(err == LCN_OK && !strcmp(buf, want), "rrmp %s, expected %s (err %d)", buf, want, err);
}

static void test_rrmp(void)
{
    lcn_rrmp_t x, y;
    lcn_rrmp_init(x);
    lcn_rrmp_init(y);
    /* string round trips */
    const char *strs[] = {"112|0", "0|11", "13|0", "2|1", "0|2", "1,10|0", "0|0", "1|1,12"};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        char buf[64];
        CHECK(lcn_rrmp_set_str(x, strs[i]) == LCN_OK, "parse %s", strs[i]);
        lcn_rrmp_get_str(buf, sizeof buf, x);
        CHECK(!strcmp(buf, strs[i]), "round trip %s -> %s", strs[i], buf);
    }
    CHECK(lcn_rrmp_set_str(x, "211|0") == LCN_OK && x->rho[0] == 1 && x->rho[2] == 2 && x->n == 4, "sorted");
    CHECK(lcn_rrmp_set_str(x, "abc") == LCN_ERR_PARSE && lcn_rrmp_set_str(x, "1|") == LCN_ERR_PARSE &&
              lcn_rrmp_set_str(x, "10|0") == LCN_ERR_PARSE,
          "bad strings accepted");
    CHECK(lcn_rrmp_set_str(x, "2|1") == LCN_OK && lcn_rrmp_set_str(y, "2|1") == LCN_OK && lcn_rrmp_equal(x, y), "eq");
    int lam[8];
    CHECK(lcn_rrmp_set_str(x, "1|2") == LCN_OK && lcn_rrmp_partition(lam, x) == 3 && lam[0] == 2 && lam[1] == 2 &&
              lam[2] == 1,
          "lambda of 1|2");

    /* KMMT22 Ex. 3.3: every rrmp of degree 2, 3, 4, in the paper's order */
    FILE *f = open_data("kmmt22-ex3.3.txt");
    char line[512];
    int rows = 0;
    while (data_line(f, line, sizeof line)) {
        int n = atoi(line);
        char *p = strchr(line, ':') + 1;
        lcn_rrmp_list_t list;
        CHECK(lcn_rrmp_list_init_set(list, n) == LCN_OK, "list %d", n);
        size_t i = 0;
        for (char *tok = strtok(p, " "); tok; tok = strtok(NULL, " "), i++) {
            char buf[64] = "";
            if (i < list->count) lcn_rrmp_get_str(buf, sizeof buf, &list->v[i]);
            CHECK(!strcmp(buf, tok), "degree %d pattern %zu: %s, paper %s", n, i, buf, tok);
        }
        CHECK(i == list->count, "degree %d: %zu patterns, paper %zu", n, list->count, i);
        lcn_rrmp_list_clear(list);
        rows++;
    }
    fclose(f);
    CHECK(rows == 3, "rows %d", rows);
    /* count: Σ_g p(n-2g) p(g); n = 6: p6+p4+p2*p2... = 11 + 5·1 + 2·2 + 1·3 = 23 */
    lcn_rrmp_list_t list;
    CHECK(lcn_rrmp_list_init_set(list, 6) == LCN_OK && list->count == 23, "n=6 count %zu", list->count);
    lcn_rrmp_list_clear(list);

    /* patterns of explicit forms */
    check_rrmp_of((double[]){1, -1, 1, -1}, 2, (double[]){1, 0, 1}, 1, "2|1");            /* (x-y)^2 (x^2+y^2) */
    check_rrmp_of((double[]){1, 2, 1, -3, 2, 1}, 3, NULL, 0, "111|0");                     /* three lines */
    check_rrmp_of((double[]){0, 1, 1, 0, 1, 1}, 3, NULL, 0, "111|0");                      /* y · x · (x+y) */
    check_rrmp_of((double[]){0, 1, 0, 1}, 2, (double[]){1, 1, 1}, 1, "2|1");               /* y^2 (x^2+xy+y^2) */
    check_rrmp_of(NULL, 0, (double[]){1, 0, 1, 1, 0, 1}, 2, "0|2");                        /* (x^2+y^2)^2 */
    check_rrmp_of(NULL, 0, (double[]){1, 0, 1, 1, 0, 4}, 2, "0|11");                       /* two pairs */
    check_rrmp_of((double[]){1, 1, 1, 1, 1, 1, 2, -1}, 4, NULL, 0, "13|0");                /* (x+y)^3 (2x-y) */

    lcn_rrmp_clear(y);
    lcn_rrmp_clear(x);
}

/* KMMT22 Ex. 4.6: the code enumerates the non-filling stride-one
 * architectures with k = 3, 4, 5 (filters >= 2, non-increasing) and
 * classifies every rrmp; compare with the typed-in table. */
static int same_set(char *tokens, char list[][16], int n)
{
    int cnt = 0;
    for (char *t = strtok(tokens, " "); t; t = strtok(NULL, " ")) {
        int found = 0;
        for (int i = 0; i < n; i++) found |= !strcmp(list[i], t);
        if (!found) return 0;
        cnt++;
    }
    return cnt == n;
}

static void test_function_space(void)
{
    char archs[16][32];
    int narch = 0;
    for (int kend = 3; kend <= 5; kend++) {
        int n = kend - 1;
        lcn_partitions_t p;
        CHECK(lcn_partitions_init_set(p, n) == LCN_OK, "partitions");
        /* filter sizes k_l = part + 1 (all k_l >= 2) */
        for (size_t i = 0; i < p->count; i++) {
            int k[8];
            for (int j = 0; j < p->len[i]; j++) k[j] = p->parts[i][j] + 1;
            lcn_arch_t a;
            set_arch(a, k, NULL, p->len[i]);
            if (!a->filling && narch < 16) {
                char *s = archs[narch++];
                s[0] = '\0';
                for (int j = 0; j < a->L; j++) sprintf(s + strlen(s), "%s%d", j ? "," : "", k[j]);
            }
            /* Thm 4.1 cross-check: filling iff e <= 1 */
            CHECK(a->filling == (a->e <= 1), "filling");
        }
        lcn_partitions_clear(p);
    }
    FILE *f = open_data("kmmt22-ex4.6.txt");
    char line[512];
    int rows = 0;
    while (data_line(f, line, sizeof line)) {
        char *field[4];
        field[0] = strtok(line, ";");
        for (int i = 1; i < 4; i++) field[i] = strtok(NULL, ";");
        if (!field[3]) {
            CHECK(0, "bad data line");
            break;
        }
        int k[8];
        char kname[32];
        int L = parse_ints(k, 8, field[0]);
        kname[0] = '\0';
        for (int j = 0; j < L; j++) sprintf(kname + strlen(kname), "%s%d", j ? "," : "", k[j]);
        int listed = 0;
        for (int i = 0; i < narch; i++) listed |= !strcmp(archs[i], kname);
        CHECK(listed, "paper's non-filling architecture %s not found by the code", kname);
        lcn_arch_t a;
        set_arch(a, k, NULL, L);
        lcn_rrmp_list_t list;
        CHECK(lcn_rrmp_list_init_set(list, a->kend - 1) == LCN_OK, "list");
        char in[64][16], out[64][16], bd[64][16];
        int nin = 0, nout = 0, nbd = 0;
        for (size_t i = 0; i < list->count; i++) {
            char buf[16];
            lcn_rrmp_get_str(buf, sizeof buf, &list->v[i]);
            int fs = lcn_rrmp_in_function_space(&list->v[i], a), co = lcn_rrmp_in_complement(&list->v[i], a);
            int b = lcn_rrmp_on_boundary(&list->v[i], a);
            CHECK(fs + co == 1, "%s: in and complement %d %d", buf, fs, co);
            if (fs == 1) strcpy(in[nin++], buf);
            if (co == 1) strcpy(out[nout++], buf);
            if (b == 1) strcpy(bd[nbd++], buf);
        }
        CHECK(same_set(field[1], in, nin), "%s: function space differs from the paper", kname);
        CHECK(same_set(field[2], out, nout), "%s: complement differs from the paper", kname);
        CHECK(same_set(field[3], bd, nbd), "%s: boundary differs from the paper", kname);
        lcn_rrmp_list_clear(list);
        rows++;
    }
    fclose(f);
    CHECK(rows == 5 && narch == 5, "rows %d, non-filling architectures found %d (paper: 5)", rows, narch);
    /* errors */
    lcn_arch_t a;
    lcn_rrmp_t x;
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    CHECK(lcn_rrmp_set_str(x, "11|0") == LCN_OK && lcn_rrmp_in_function_space(x, a) == LCN_ERR_ARG, "strided");
}

/* ---------------------------------------------------------------- compat */

/* Is w (e.g. "p1p2*p3*p3") a valid placement for pattern x and filter
 * sizes k[0..L-1]: each layer of degree k_l - 1, no factor twice in a
 * layer, p_i used ρ_i times and q_j used γ_j times in all? */
static int valid_witness(const char *w, const lcn_rrmp_t x, const int *k, int L)
{
    int used[64] = {0}, l = 0, deg = 0, seen[64] = {0};
    for (const char *p = w;; p++) {
        if (*p == '*' || *p == '\0') {
            if (l >= L || deg != k[l] - 1) return 0;
            memset(seen, 0, sizeof seen);
            deg = 0;
            l++;
            if (*p == '\0') break;
            continue;
        }
        if (*p == '1' && (p[1] == '*' || p[1] == '\0')) continue;
        if (*p != 'p' && *p != 'q') return 0;
        int q = *p == 'q';
        char *end;
        long i = strtol(p + 1, &end, 10);
        if (i < 1 || i > 30) return 0;
        int col = q ? 32 + (int)i : (int)i;
        if (seen[col]++) return 0;
        used[col]++;
        deg += q ? 2 : 1;
        p = end - 1;
    }
    if (l != L) return 0;
    for (int i = 1; i < 31; i++) {
        if (used[i] != (i <= x->r ? x->rho[i - 1] : 0)) return 0;
        if (used[32 + i] != (i <= x->c ? x->gamma[i - 1] : 0)) return 0;
    }
    return 1;
}

static void test_compat(void)
{
    lcn_arch_t a322, a42;
    set_arch(a322, (int[]){3, 2, 2}, NULL, 3);
    set_arch(a42, (int[]){4, 2}, NULL, 2);
    FILE *f = open_data("kmmt22-ex5.6.txt");
    char line[256];
    int rows = 0;
    while (data_line(f, line, sizeof line)) {
        char pat[32], f1[32], f2[32];
        if (sscanf(line, "%31s %31s %31s", pat, f1, f2) != 3) {
            CHECK(0, "bad line %s", line);
            continue;
        }
        lcn_rrmp_t x;
        CHECK(lcn_rrmp_set_str(x, pat) == LCN_OK, "parse %s", pat);
        int c1 = lcn_compat_real(x, a322), c2 = lcn_compat_real(x, a42);
        CHECK(c1 == (strcmp(f1, "-") != 0), "(3,2,2) %s: code %d, paper %s", pat, c1, f1);
        CHECK(c2 == (strcmp(f2, "-") != 0), "(4,2) %s: code %d, paper %s", pat, c2, f2);
        /* the paper's factorizations are valid placements, and so are the
         * code's own witnesses */
        char w1[64], w2[64];
        CHECK(lcn_compat_real_witness(w1, sizeof w1, x, a322) == c1, "witness (3,2,2)");
        CHECK(lcn_compat_real_witness(w2, sizeof w2, x, a42) == c2, "witness (4,2)");
        if (c1 == 1) {
            CHECK(valid_witness(f1, x, a322->k, 3), "paper's %s for %s invalid", f1, pat);
            CHECK(valid_witness(w1, x, a322->k, 3), "code's %s for %s invalid", w1, pat);
        } else {
            CHECK(!strcmp(w1, "-"), "witness %s", w1);
        }
        if (c2 == 1) {
            CHECK(valid_witness(f2, x, a42->k, 2), "paper's %s for %s invalid", f2, pat);
            CHECK(valid_witness(w2, x, a42->k, 2), "code's %s for %s invalid", w2, pat);
        }
        rows++;
    }
    fclose(f);
    CHECK(rows == 9, "rows %d", rows);

    /* KMMT22 Ex. 5.10, k = (2,3): N(1,1,1) = 3, N(2,1) = 1, N(3) = 0 */
    lcn_arch_t a23;
    set_arch(a23, (int[]){2, 3}, NULL, 2);
    uint64_t N = 99;
    CHECK(lcn_compat_count(&N, (int[]){1, 1, 1}, 3, a23) == LCN_OK && N == 3, "N(111) = %llu", (unsigned long long)N);
    CHECK(lcn_compat_count(&N, (int[]){2, 1}, 2, a23) == LCN_OK && N == 1, "N(21) = %llu", (unsigned long long)N);
    CHECK(lcn_compat_count(&N, (int[]){3}, 1, a23) == LCN_OK && N == 0, "N(3) = %llu", (unsigned long long)N);
    CHECK(lcn_compat_complex((int[]){3}, 1, a23) == 0 && lcn_compat_complex((int[]){2, 1}, 2, a23) == 1, "over C");
    CHECK(lcn_compat_count(&N, (int[]){2, 1, 1}, 3, a23) == LCN_ERR_ARG, "degree mismatch");

    /* closed forms: N(1^n) = n! / Π (k_l - 1)! (a multinomial), and for
     * λ = (L) with L layers of size 1: exactly 1 (one ball per bin) */
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 302);
    for (int it = 0; it < 100; it++) {
        int L = 1 + (int)lcn_rng_below(rng, 4), k[4], n = 0;
        for (int l = 0; l < L; l++) {
            k[l] = 1 + (int)lcn_rng_below(rng, 5);
            n += k[l] - 1;
        }
        lcn_arch_t a;
        set_arch(a, k, NULL, L);
        int ones[32];
        for (int i = 0; i < n; i++) ones[i] = 1;
        double multi = 1;
        for (int i = 2; i <= n; i++) multi *= i;
        for (int l = 0; l < L; l++)
            for (int i = 2; i < k[l]; i++) multi /= i;
        CHECK(lcn_compat_count(&N, ones, n, a) == LCN_OK && (double)N == multi, "N(1^%d) = %llu, multinomial %g", n,
              (unsigned long long)N, multi);
        /* N > 0 iff compatible, for every partition */
        lcn_partitions_t p;
        CHECK(lcn_partitions_init_set(p, n) == LCN_OK, "parts");
        for (size_t i = 0; i < p->count; i++) {
            int c = lcn_compat_complex(p->parts[i], p->len[i], a);
            CHECK(lcn_compat_count(&N, p->parts[i], p->len[i], a) == LCN_OK && (N > 0) == (c == 1), "N vs compat");
            /* a part larger than the number of non-empty bins never fits */
            int nonempty = 0;
            for (int l = 0; l < L; l++) nonempty += k[l] > 1;
            if (p->len[i] > 0 && p->parts[i][0] > nonempty) CHECK(c == 0, "part %d > %d bins", p->parts[i][0], nonempty);
        }
        lcn_partitions_clear(p);
    }
    /* large: N(1^24) for six bins of size 4 = Π_j binom(24 - 4j, 4)
     * (= 24!/(4!)^6, a multinomial), found without enumerating */
    {
        lcn_arch_t a6;
        set_arch(a6, (int[]){5, 5, 5, 5, 5, 5}, NULL, 6);
        int ones[24];
        for (int i = 0; i < 24; i++) ones[i] = 1;
        uint64_t want = 1;
        for (int j = 0; j < 6; j++) {
            int m = 24 - 4 * j;
            want *= (uint64_t)m * (uint64_t)(m - 1) * (uint64_t)(m - 2) * (uint64_t)(m - 3) / 24;
        }
        CHECK(lcn_compat_count(&N, ones, 24, a6) == LCN_OK && N == want, "N(1^24) = %llu, expected %llu",
              (unsigned long long)N, (unsigned long long)want);
        lcn_rrmp_t x;
        CHECK(lcn_rrmp_set_str(x, "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1|0") == LCN_OK &&
                  lcn_compat_real(x, a6) == 1,
              "1^24 compatible");
        /* 0|2,2,2,2,2,2: six pairs of double complex roots: each bin of size 4
         * takes two distinct pairs, each pair appears twice: fits */
        CHECK(lcn_rrmp_set_str(x, "0|222222") == LCN_OK && lcn_compat_real(x, a6) == 1, "0|222222");
        /* 0|3333: a pair with multiplicity 3 needs 3 bins, 4 colours × 3 = 12
         * quadratics into 6 bins of 2 slots: fits; 0|66 needs 6 bins each,
         * 12 slots: fits; 7|... a real root of multiplicity 7 > 6 bins: no */
        CHECK(lcn_rrmp_set_str(x, "0|3333") == LCN_OK && lcn_compat_real(x, a6) == 1, "0|3333");
        CHECK(lcn_rrmp_set_str(x, "0|66") == LCN_OK && lcn_compat_real(x, a6) == 1, "0|66");
        CHECK(lcn_rrmp_set_str(x, "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,7|0") == LCN_OK && lcn_compat_real(x, a6) == 0,
              "7 > 6 bins");
    }
    /* L layers of size 2: λ = (L) fits once */
    lcn_arch_t a;
    set_arch(a, (int[]){2, 2, 2, 2}, NULL, 4);
    CHECK(lcn_compat_count(&N, (int[]){4}, 1, a) == LCN_OK && N == 1, "N(4) for (2,2,2,2)");
    CHECK(lcn_compat_count(&N, (int[]){2, 2}, 2, a) == LCN_OK && N == 6, "N(2,2) = binom(4,2) = %llu",
          (unsigned long long)N);
}

/* ---------------------------------------------------------------- factor */

/* 1 if every layer of t1 is proportional to the same layer of t2 */
static int same_class(const lcn_arch_t a, const double complex *t1, const double complex *t2, double tol)
{
    for (int l = 0; l < a->L; l++) {
        const double complex *u = t1 + a->off[l], *v = t2 + a->off[l];
        double nu = 0, nv = 0;
        double complex ip = 0;
        for (int j = 0; j < a->k[l]; j++) {
            nu += creal(u[j] * conj(u[j]));
            nv += creal(v[j] * conj(v[j]));
            ip += conj(u[j]) * v[j];
        }
        /* Cauchy-Schwarz gap: |<u,v>|^2 = |u|^2 |v|^2 iff proportional */
        if (nu * nv - creal(ip * conj(ip)) > tol * nu * nv) return 0;
    }
    return 1;
}

static void test_factor(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 303);
    /* roots at infinity and at zero are exact */
    double complex w[5] = {0, 0, 1, -3, 0}, lin[8], c;
    CHECK(lcn_factor_linear(lin, &c, w, 5) == LCN_OK, "factor_linear");
    int ny = 0, nx = 0;
    for (int i = 0; i < 4; i++) {
        ny += lin[2 * i] == 0 && cabs(lin[2 * i + 1]) == 1;
        nx += lin[2 * i + 1] == 0 && cabs(lin[2 * i]) == 1;
    }
    CHECK(ny == 2 && nx == 1, "y^2 x (x - 3y): %d factors y, %d factors x", ny, nx);
    CHECK(lcn_factor_linear(lin, &c, (double complex[]){0, 0}, 2) == LCN_ERR_ARG, "zero");

    long iters = 150 * lcn_test_multiplier();
    for (long it = 0; it < iters; it++) {
        int L = 1 + (int)lcn_rng_below(rng, 4), k[4], deg;
        do { /* degree <= 8 keeps the number of factorizations <= 8! */
            deg = 0;
            for (int l = 0; l < L; l++) deg += (k[l] = 1 + (int)lcn_rng_below(rng, 4)) - 1;
        } while (deg > 8);
        int real = it % 2;
        lcn_arch_t a;
        set_arch(a, k, NULL, L);
        int np = a->nparams, kend = a->kend, n = kend - 1;
        double complex *theta = malloc(sizeof *theta * (size_t)np), *we = malloc(sizeof *we * (size_t)kend);
        double complex *w2 = malloc(sizeof *w2 * (size_t)kend);
        for (int i = 0; i < np; i++) theta[i] = real ? lcn_rng_normal(rng) : rnd_c(rng);
        lcn_arch_mu(we, a, theta);
        lcn_factorizations_t f;
        lcn_factorizations_init(f);
        lcn_err_t err = lcn_factor_w(f, a, we, real ? LCN_FACTOR_REAL : 0, 1e-7, 100000);
        CHECK(err == LCN_OK, "factor_w err %d (L=%d real=%d)", err, L, real);
        /* complex: distinct roots (generic), so n!/Π(k_l-1)! factorizations */
        if (!real) {
            double multi = 1;
            for (int i = 2; i <= n; i++) multi *= i;
            for (int l = 0; l < L; l++)
                for (int i = 2; i < k[l]; i++) multi /= i;
            CHECK((double)f->count == multi, "count %zu, multinomial %g", f->count, multi);
        }
        int found = 0;
        double wn = 0;
        for (int i = 0; i < kend; i++) wn = fmax(wn, cabs(we[i]));
        for (size_t i = 0; i < f->count; i++) {
            const double complex *t = f->theta + i * (size_t)np;
            lcn_arch_mu(w2, a, t);
            double e = 0, im = 0;
            for (int j = 0; j < kend; j++) e = fmax(e, cabs(w2[j] - we[j]));
            for (int j = 0; j < np; j++) im = fmax(im, fabs(cimag(t[j])));
            CHECK(e <= 1e-7 * wn, "µ(factorization) off by %g (|w| %g)", e, wn);
            if (real) CHECK(im == 0, "real factorization has imaginary part %g", im);
            found += same_class(a, t, theta, 1e-8);
        }
        CHECK(found >= 1, "the original filters are not among the %zu factorizations (L=%d real=%d)", f->count, L,
              real);
        lcn_factorizations_clear(f);
        free(w2);
        free(we);
        free(theta);
    }

    /* repeated roots, given as factors: (x - y)^2 (x + y) into (2,3):
     * all placements 2 (y-factor... ): bins 1 and 2; colours A (2 balls),
     * B (1). Placements: bin1 = A (bin2 = AB) or bin1 = B (bin2 = AA):
     * 2 in all, 1 with DISTINCT (KMMT22 Thm 5.3 / Ex. 5.10 N(2,1) = 1). */
    lcn_arch_t a;
    set_arch(a, (int[]){2, 3}, NULL, 2);
    double complex fl[4] = {1, -1, 1, 1};
    int mult[2] = {2, 1};
    lcn_factorizations_t f;
    lcn_factorizations_init(f);
    CHECK(lcn_factor_enumerate(f, a, 2.0, fl, mult, 2, 0, 1e-9, 100) == LCN_OK && f->count == 2, "all: %zu",
          f->count);
    CHECK(lcn_factor_enumerate(f, a, 2.0, fl, mult, 2, LCN_FACTOR_DISTINCT, 1e-9, 100) == LCN_OK && f->count == 1,
          "distinct: %zu", f->count);
    /* real: (x^2 + y^2)(x - y) into (2,3): the pair must stay together */
    double complex wq[4];
    {
        double complex q[3] = {1, 0, 1}, l1[2] = {1, -1};
        _lcn_poly_mul(wq, q, 3, l1, 2);
    }
    CHECK(lcn_factor_w(f, a, wq, LCN_FACTOR_REAL, 1e-8, 100) == LCN_OK && f->count == 1, "real pair: %zu", f->count);
    CHECK(lcn_factor_w(f, a, wq, 0, 1e-8, 100) == LCN_OK && f->count == 3, "complex: %zu", f->count);
    set_arch(a, (int[]){2, 2, 2}, NULL, 3);
    double complex wq3[4];
    {
        double complex q[3] = {1, 0, 1}, l1[2] = {1, -1};
        _lcn_poly_mul(wq3, q, 3, l1, 2);
    }
    CHECK(lcn_factor_w(f, a, wq3, LCN_FACTOR_REAL, 1e-8, 100) == LCN_OK && f->count == 0, "no real (2,2,2): %zu",
          f->count);
    CHECK(lcn_factor_w(f, a, wq3, 0, 1e-8, 2) == LCN_ERR_LIMIT && f->count == 2, "limit");
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    CHECK(lcn_factor_w(f, a, wq, 0, 1e-8, 100) == LCN_ERR_ARG, "strided refused");

    /* Real factorizations without repeated roots exist iff the pattern is
     * compatible (KMMT22 §5.1): two independent computations (enumeration
     * of filters vs the ball-placement search) must agree, for every quartic
     * and sextic pattern and a few architectures. Forms are built from
     * exact factors, so no root finding is involved. */
    int archs[][4] = {{3, 2, 2, 0}, {4, 2, 0, 0}, {2, 2, 2, 2}, {3, 3, 0, 0}, {5, 3, 0, 0}, {3, 3, 3, 0}, {4, 4, 0, 0},
                      {2, 2, 4, 0}};
    for (size_t ai = 0; ai < sizeof archs / sizeof *archs; ai++) {
        int L = 0, *k = archs[ai];
        while (L < 4 && k[L]) L++;
        set_arch(a, k, NULL, L);
        lcn_rrmp_list_t list;
        CHECK(lcn_rrmp_list_init_set(list, a->kend - 1) == LCN_OK, "list");
        for (size_t i = 0; i < list->count; i++) {
            const lcn_rrmp_struct *x = &list->v[i];
            double complex lf[32];
            int mu[16], nf = 0;
            for (int j = 0; j < x->r; j++, nf++) { /* real roots at 0.5, 1.5, .. */
                lf[2 * nf] = 1;
                lf[2 * nf + 1] = -(0.5 + j);
                mu[nf] = x->rho[j];
            }
            for (int j = 0; j < x->c; j++) { /* pairs at ±(j+1)i + 0.3 */
                double complex z = 0.3 + (j + 1) * I;
                lf[2 * nf] = 1;
                lf[2 * nf + 1] = -z;
                mu[nf++] = x->gamma[j];
                lf[2 * nf] = 1;
                lf[2 * nf + 1] = -conj(z);
                mu[nf++] = x->gamma[j];
            }
            lcn_rrmp_t y;
            CHECK(lcn_rrmp_set_factors(y, lf, mu, nf, 1e-9) == LCN_OK && lcn_rrmp_equal(x, y), "rrmp of factors");
            lcn_err_t err = lcn_factor_enumerate(f, a, 1.5, lf, mu, nf, LCN_FACTOR_REAL | LCN_FACTOR_DISTINCT, 1e-9,
                                                 100000);
            int comp = lcn_compat_real(x, a);
            char buf[64];
            lcn_rrmp_get_str(buf, sizeof buf, x);
            CHECK(err == LCN_OK && (f->count > 0) == (comp == 1), "arch %zu rrmp %s: %zu factorizations, compat %d",
                  ai, buf, f->count, comp);
            /* over C, DISTINCT factorizations number N(λ) */
            int lam[16], nl = lcn_rrmp_partition(lam, x);
            uint64_t N = 0;
            err = lcn_factor_enumerate(f, a, 1.5, lf, mu, nf, LCN_FACTOR_DISTINCT, 1e-9, 100000);
            CHECK(err == LCN_OK && lcn_compat_count(&N, lam, nl, a) == LCN_OK && f->count == N,
                  "arch %zu rrmp %s: %zu complex factorizations, N = %llu", ai, buf, f->count, (unsigned long long)N);
        }
        lcn_rrmp_list_clear(list);
    }
    lcn_factorizations_clear(f);
}

/* ---------------------------------------------------------------- edd */

static void test_edd_segre(void)
{
    mpz_t c, d;
    mpz_inits(c, d, NULL);
    /* Shahverdi Table 3, all 64 entries */
    FILE *f = open_data("shahverdi-table3.txt");
    char line[512];
    int entries = 0;
    while (data_line(f, line, sizeof line)) {
        long v[9];
        int n = sscanf(line, "%ld %ld %ld %ld %ld %ld %ld %ld %ld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
                       &v[7], &v[8]);
        CHECK(n == 9, "bad table line '%s'", line);
        for (int j = 1; j < n; j++) {
            int k[2] = {(int)v[0], j + 1};
            CHECK(lcn_edd_segre(c, k, 2) == LCN_OK && mpz_cmp_si(c, v[j]) == 0, "C_(%d,%d) = %s, table %ld", k[0],
                  k[1], mpz_get_str(NULL, 10, c), v[j]);
            /* via an architecture with strides > 1, both orders */
            lcn_arch_t a;
            set_arch(a, k, (int[]){2 + j % 3, 1}, 2);
            CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_GENERIC) == 1 && mpz_cmp_si(d, v[j]) == 0, "arch C");
            int kr[2] = {k[1], k[0]};
            set_arch(a, kr, (int[]){3, 5}, 2);
            CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_MATRIX) == 1 && mpz_cmp_si(d, v[j]) == 0, "arch C swapped");
            entries++;
        }
    }
    fclose(f);
    CHECK(entries == 64, "entries %d", entries);
    /* Shahverdi Fig. 1 */
    CHECK(lcn_edd_segre(c, (int[]){2, 3, 4, 5}, 4) == LCN_OK && mpz_cmp_ui(c, 2976084) == 0, "C_(2,3,4,5) = %s",
          mpz_get_str(NULL, 10, c));
    /* invariance under permutation of k */
    int perm[][4] = {{5, 4, 3, 2}, {3, 5, 2, 4}, {4, 2, 5, 3}};
    for (int i = 0; i < 3; i++)
        CHECK(lcn_edd_segre(d, perm[i], 4) == LCN_OK && mpz_cmp(c, d) == 0, "permutation %d", i);
    /* and under strides: ((2,3,4,5),(s1,s2,s3,1)) all s_i > 1 */
    lcn_arch_t a;
    set_arch(a, (int[]){2, 3, 4, 5}, (int[]){2, 2, 2, 1}, 4);
    CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_GENERIC) == 1 && mpz_cmp(c, d) == 0, "strides 2,2,2");
    set_arch(a, (int[]){2, 3, 4, 5}, (int[]){3, 2, 4, 9}, 4);
    CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_GENERIC) == 1 && mpz_cmp(c, d) == 0, "strides 3,2,4");
    /* a scalar layer does not change C; one factor: the whole space, 1 */
    CHECK(lcn_edd_segre(d, (int[]){2, 1, 3, 4, 5}, 5) == LCN_OK && mpz_cmp(c, d) == 0, "k_j = 1");
    for (int k = 1; k < 12; k++) CHECK(lcn_edd_segre(d, &k, 1) == LCN_OK && mpz_cmp_ui(d, 1) == 0, "C_(%d)", k);
    /* the Segre of (2,2) is a quadric in P^3: generic ED degree 6 =
     * 2·(1 + 2)·... as in Table 3; identity on a reduced arch is unknown */
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_IDENTITY) == 0, "identity unknown");
    /* mixed arch: ((2,2,2),(1,2,1)) has the closure of ((3,2),(2,1)): 10 */
    set_arch(a, (int[]){2, 2, 2}, (int[]){1, 2, 1}, 3);
    CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_GENERIC) == 1 && mpz_cmp_ui(d, 10) == 0, "mixed");
    /* stride one: the closure is all of C^k: 1 for any weights */
    set_arch(a, (int[]){3, 2, 2}, NULL, 3);
    CHECK(lcn_edd_arch_segre(d, a, LCN_EDD_IDENTITY) == 1 && mpz_cmp_ui(d, 1) == 0, "stride one");
    uint64_t u;
    CHECK(lcn_edd_segre_u64(&u, (int[]){9, 9}, 2) == LCN_OK && u == 10218105u, "u64");
    CHECK(lcn_edd_segre(d, (int[]){0, 2}, 2) == LCN_ERR_ARG, "k = 0");
    mpz_clears(c, d, NULL);
}

static void test_edd_loci(void)
{
    uint64_t v;
    const char *src;
    /* KMMT22 Ex. 6.7 (identity) and Ex. 6.9 (Bombieri), quartics */
    struct {
        int lam[4], r;
        uint64_t id, bo;
    } q[] = {{{1, 1, 1, 1}, 4, 1, 1}, {{2, 1, 1}, 3, 10, 4}, {{2, 2}, 2, 13, 7}, {{3, 1}, 2, 12, 4}, {{4}, 1, 10, 4}};
    for (int i = 0; i < 5; i++) {
        CHECK(lcn_edd_root_locus(&v, q[i].lam, q[i].r, LCN_EDD_IDENTITY, &src) == 1 && v == q[i].id && src,
              "identity %d: %llu", i, (unsigned long long)v);
        CHECK(lcn_edd_root_locus(&v, q[i].lam, q[i].r, LCN_EDD_BOMBIERI, &src) == 1 && v == q[i].bo,
              "bombieri %d: %llu", i, (unsigned long long)v);
        CHECK(lcn_edd_root_locus(&v, q[i].lam, q[i].r, LCN_EDD_GENERIC, NULL) == 1 && v == q[i].id, "generic");
    }
    /* KMMT22 Ex. 6.5 / 6.12: the discriminant conic, 4 (identity), 2 (Bombieri) */
    CHECK(lcn_edd_root_locus(&v, (int[]){2}, 1, LCN_EDD_IDENTITY, NULL) == 1 && v == 4, "conic identity");
    CHECK(lcn_edd_root_locus(&v, (int[]){2}, 1, LCN_EDD_BOMBIERI, NULL) == 1 && v == 2, "conic Bombieri");
    /* 3n - 2 for the discriminant, any n; order of parts irrelevant */
    for (int n = 2; n < 12; n++) {
        int lam[16] = {0};
        for (int i = 0; i < n - 1; i++) lam[i] = 1;
        lam[n - 2] = 2;
        CHECK(lcn_edd_root_locus(&v, lam, n - 1, LCN_EDD_IDENTITY, NULL) == 1 && v == (uint64_t)(3 * n - 2),
              "discriminant n=%d", n);
    }
    /* unknown: (2,2,1) quintics, (3,3) sextics */
    CHECK(lcn_edd_root_locus(&v, (int[]){2, 2, 1}, 3, LCN_EDD_IDENTITY, NULL) == 0, "(2,2,1) unknown");
    CHECK(lcn_edd_root_locus(&v, (int[]){3, 3}, 2, LCN_EDD_BOMBIERI, NULL) == 0, "(3,3) unknown");

    /* KMMT22 Ex. 6.7: upper bounds 36 for (3,2,2), 11 for (4,2) */
    lcn_arch_t a;
    set_arch(a, (int[]){3, 2, 2}, NULL, 3);
    CHECK(lcn_edd_upper_bound(&v, a, LCN_EDD_IDENTITY) == 1 && v == 36, "(3,2,2) bound %llu", (unsigned long long)v);
    set_arch(a, (int[]){4, 2}, NULL, 2);
    CHECK(lcn_edd_upper_bound(&v, a, LCN_EDD_IDENTITY) == 1 && v == 11, "(4,2) bound %llu", (unsigned long long)v);
    set_arch(a, (int[]){2, 4}, (int[]){1, 3}, 2);
    CHECK(lcn_edd_upper_bound(&v, a, LCN_EDD_GENERIC) == 1 && v == 11, "(2,4) bound %llu", (unsigned long long)v);
    /* KMMT22 Ex. 5.10: prediction 1·3 + 7·1 = 10 for (2,3) */
    set_arch(a, (int[]){2, 3}, NULL, 2);
    CHECK(lcn_edd_params_prediction(&v, a, LCN_EDD_IDENTITY) == 1 && v == 10, "(2,3) prediction %llu",
          (unsigned long long)v);
    /* (2,2): λ=(1,1): 1·2, λ=(2): 4·1 -> 6; Bombieri 1·2 + 2·1 = 4 */
    set_arch(a, (int[]){2, 2}, NULL, 2);
    CHECK(lcn_edd_params_prediction(&v, a, LCN_EDD_IDENTITY) == 1 && v == 6, "(2,2) prediction %llu",
          (unsigned long long)v);
    CHECK(lcn_edd_params_prediction(&v, a, LCN_EDD_BOMBIERI) == 1 && v == 4, "(2,2) Bombieri %llu",
          (unsigned long long)v);
    /* (2,2,2,2,2): needs Δ_(2,2,1): unknown */
    set_arch(a, (int[]){2, 2, 2, 2, 2, 2}, NULL, 6);
    CHECK(lcn_edd_params_prediction(&v, a, LCN_EDD_IDENTITY) == 0, "unknown prediction");
    set_arch(a, (int[]){2, 2}, (int[]){2, 1}, 2);
    CHECK(lcn_edd_params_prediction(&v, a, LCN_EDD_IDENTITY) == LCN_ERR_ARG, "strided");
    CHECK(lcn_edd_weights_from_name("bombieri") == LCN_EDD_BOMBIERI &&
              lcn_edd_weights_from_name("w.txt") == LCN_EDD_MATRIX &&
              !strcmp(lcn_edd_weights_name(LCN_EDD_GENERIC), "generic"),
          "names");
}

LCN_TEST_MAIN({"arch", test_arch}, {"mu", test_mu}, {"partition", test_partition}, {"rrmp", test_rrmp},
              {"function_space", test_function_space}, {"compat", test_compat}, {"factor", test_factor},
              {"edd_segre", test_edd_segre}, {"edd_loci", test_edd_loci})
