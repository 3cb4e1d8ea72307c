/* Example systems for the tracker tests and benchmarks (see the header). */
#include <stdlib.h>
#include <string.h>
#include "t-track-systems.h"

static lcn_err_t finish(lcn_system_t sys, lcn_slp_t slp, lcn_node_t *F, int n)
{
    lcn_err_t err = lcn_system_init_slp(sys, slp, F, n);
    lcn_slp_clear(slp);
    free(F);
    return err;
}

lcn_err_t lcn_example_cyclic(lcn_system_t sys, int n)
{
    if (n < 2) return LCN_ERR_ARG;
    lcn_slp_t slp;
    lcn_slp_init(slp, n, 0);
    lcn_node_t *F = malloc((size_t)n * sizeof *F), *terms = malloc((size_t)n * sizeof *terms);
    for (int k = 1; k < n; k++) {
        for (int i = 0; i < n; i++) {
            lcn_node_t p = lcn_slp_var(slp, i);
            for (int j = 1; j < k; j++) p = lcn_slp_mul(slp, p, lcn_slp_var(slp, (i + j) % n));
            terms[i] = p;
        }
        F[k - 1] = lcn_slp_sum(slp, terms, (size_t)n);
    }
    lcn_node_t p = lcn_slp_var(slp, 0);
    for (int i = 1; i < n; i++) p = lcn_slp_mul(slp, p, lcn_slp_var(slp, i));
    F[n - 1] = lcn_slp_sub(slp, p, lcn_slp_const_si(slp, 1, 0));
    free(terms);
    return finish(sys, slp, F, n);
}

lcn_err_t lcn_example_katsura(lcn_system_t sys, int n)
{
    if (n < 1) return LCN_ERR_ARG;
    const int N = n + 1;
    lcn_slp_t slp;
    lcn_slp_init(slp, N, 0);
    lcn_node_t *F = malloc((size_t)N * sizeof *F);
    lcn_node_t zero = lcn_slp_const_si(slp, 0, 0);
#define KX(l) (abs(l) <= n ? lcn_slp_var(slp, abs(l)) : zero)
    lcn_node_t s = zero;
    for (int l = -n; l <= n; l++) s = lcn_slp_add(slp, s, KX(l));
    F[0] = lcn_slp_sub(slp, s, lcn_slp_const_si(slp, 1, 0));
    for (int m = 0; m < n; m++) {
        lcn_node_t e = zero;
        for (int l = -n; l <= n; l++)
            if (abs(m - l) <= n) e = lcn_slp_add(slp, e, lcn_slp_mul(slp, KX(l), KX(m - l)));
        F[m + 1] = lcn_slp_sub(slp, e, lcn_slp_var(slp, m));
    }
#undef KX
    return finish(sys, slp, F, N);
}

/* Monomials of degree <= d in n variables, in a fixed order (graded by
 * recursion on the first variable's exponent). */
static void monomials(lcn_slp_t slp, int n, int d, int var, lcn_node_t cur, lcn_node_t *out, size_t *cnt)
{
    if (var == n) {
        out[(*cnt)++] = cur;
        return;
    }
    for (int e = 0; e <= d; e++) {
        lcn_node_t nx = e ? lcn_slp_mul(slp, cur, lcn_slp_pow(slp, lcn_slp_var(slp, var), (unsigned long)e)) : cur;
        monomials(slp, n, d - e, var + 1, nx, out, cnt);
    }
}

static size_t binom(int a, int b)
{
    size_t r = 1;
    for (int i = 1; i <= b; i++) r = r * (size_t)(a - b + i) / (size_t)i;
    return r;
}

lcn_err_t lcn_example_dense(lcn_system_t sys, int n, const int *d, uint64_t seed, int params)
{
    if (n < 1) return LCN_ERR_ARG;
    int m = 0;
    for (int i = 0; i < n; i++) m += (int)binom(n + d[i], n);
    lcn_slp_t slp;
    lcn_slp_init(slp, n, params ? m : 0);
    lcn_node_t *F = malloc((size_t)n * sizeof *F);
    lcn_rng_t rng;
    lcn_rng_init(rng, seed, 0x64656e7365u);
    int k = 0;
    for (int i = 0; i < n; i++) {
        size_t nm = binom(n + d[i], n), cnt = 0;
        lcn_node_t *mon = malloc(nm * sizeof *mon), *coef = malloc(nm * sizeof *coef);
        monomials(slp, n, d[i], 0, lcn_slp_const_si(slp, 1, 0), mon, &cnt);
        for (size_t j = 0; j < nm; j++)
            coef[j] = params ? lcn_slp_param(slp, k++) : lcn_slp_const_d(slp, lcn_rng_cnormal(rng));
        F[i] = lcn_slp_dot(slp, coef, mon, nm);
        free(mon);
        free(coef);
    }
    return finish(sys, slp, F, n);
}

lcn_err_t lcn_example_wilkinson(lcn_system_t sys, int k)
{
    /* Coefficients of prod (x - i) by repeated multiplication, exactly. */
    mpz_t *c = malloc((size_t)(k + 1) * sizeof *c);
    for (int i = 0; i <= k; i++) mpz_init_set_ui(c[i], i == 0);
    for (int r = 1; r <= k; r++) {
        /* multiply by (x - r): c_j <- c_{j-1} - r c_j, from the top */
        for (int j = r; j >= 1; j--) {
            mpz_mul_si(c[j], c[j], -r);
            mpz_add(c[j], c[j], c[j - 1]);
        }
        mpz_mul_si(c[0], c[0], -r);
    }
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t *F = malloc(sizeof *F);
    lcn_node_t s = lcn_slp_const_si(slp, 0, 0);
    mpq_t re, im;
    mpq_init(re);
    mpq_init(im);
    for (int j = 0; j <= k; j++) {
        mpq_set_z(re, c[j]);
        lcn_node_t t = lcn_slp_mul(slp, lcn_slp_const_q(slp, re, im), lcn_slp_pow(slp, lcn_slp_var(slp, 0), (unsigned long)j));
        s = lcn_slp_add(slp, s, t);
    }
    F[0] = s;
    mpq_clear(re);
    mpq_clear(im);
    for (int i = 0; i <= k; i++) mpz_clear(c[i]);
    free(c);
    return finish(sys, slp, F, 1);
}

lcn_err_t lcn_example_multiple_root(lcn_system_t sys, long a, unsigned long k, long b)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t *F = malloc(sizeof *F);
    lcn_node_t x = lcn_slp_var(slp, 0);
    lcn_node_t fa = lcn_slp_sub(slp, x, lcn_slp_const_si(slp, a, 0));
    lcn_node_t fb = lcn_slp_sub(slp, x, lcn_slp_const_si(slp, b, 0));
    F[0] = lcn_slp_mul(slp, lcn_slp_pow(slp, fa, k), fb);
    return finish(sys, slp, F, 1);
}

lcn_err_t lcn_example_double_root(lcn_system_t sys) { return lcn_example_multiple_root(sys, 2, 2, -3); }

lcn_err_t lcn_example_infinity(lcn_system_t sys)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 2, 0);
    lcn_node_t *F = malloc(2 * sizeof *F);
    lcn_node_t x = lcn_slp_var(slp, 0), y = lcn_slp_var(slp, 1);
    F[0] = lcn_slp_sub(slp, lcn_slp_mul(slp, x, y), lcn_slp_const_si(slp, 1, 0));
    F[1] = lcn_slp_sub(slp, lcn_slp_add(slp, lcn_slp_pow(slp, x, 2), y), lcn_slp_const_si(slp, 3, 0));
    return finish(sys, slp, F, 2);
}

int lcn_example_write_phc(FILE *out, const char *name, int n)
{
    if (!strcmp(name, "cyclic")) {
        fprintf(out, "%d\n", n);
        for (int k = 1; k <= n; k++) {
            int first = 1;
            if (k == n) {
                for (int i = 0; i < n; i++) fprintf(out, "%sx%d", i ? "*" : "", i);
                fprintf(out, " - 1;\n");
                break;
            }
            for (int i = 0; i < n; i++) {
                fprintf(out, "%s", first ? "" : " + ");
                first = 0;
                for (int j = 0; j < k; j++) fprintf(out, "%sx%d", j ? "*" : "", (i + j) % n);
            }
            fprintf(out, ";\n");
        }
        return 0;
    }
    if (!strcmp(name, "katsura")) {
        fprintf(out, "%d\n", n + 1);
        fprintf(out, "x0");
        for (int l = 1; l <= n; l++) fprintf(out, " + 2*x%d", l);
        fprintf(out, " - 1;\n");
        for (int m = 0; m < n; m++) {
            int first = 1;
            for (int l = -n; l <= n; l++) {
                if (abs(m - l) > n) continue;
                fprintf(out, "%sx%d*x%d", first ? "" : " + ", abs(l), abs(m - l));
                first = 0;
            }
            fprintf(out, " - x%d;\n", m);
        }
        return 0;
    }
    return -1;
}
