/* Real root multiplicity patterns (KMMT22 Def. 3.2, Lemma 4.2, Prop. 4.4). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/factor.h"
#include "lcncrit/partition.h"
#include "lcncrit/rrmp.h"
#include "impl.h"

void lcn_rrmp_init(lcn_rrmp_t x) { memset(x, 0, sizeof *x); }
void lcn_rrmp_clear(lcn_rrmp_t x) { memset(x, 0, sizeof *x); }

static void sort_up(int *v, int n)
{
    for (int i = 1; i < n; i++) {
        int t = v[i], j = i;
        while (j > 0 && v[j - 1] > t) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

lcn_err_t lcn_rrmp_set(lcn_rrmp_t x, const int *rho, int r, const int *gamma, int c)
{
    long n = 0;
    if (r < 0 || c < 0) return LCN_ERR_ARG;
    for (int i = 0; i < r; i++) {
        if (rho[i] < 1) return LCN_ERR_ARG;
        n += rho[i];
    }
    for (int j = 0; j < c; j++) {
        if (gamma[j] < 1) return LCN_ERR_ARG;
        n += 2L * gamma[j];
    }
    if (n > LCN_RRMP_MAX_DEGREE) return LCN_ERR_LIMIT;
    lcn_rrmp_init(x);
    x->n = (int)n;
    x->r = r;
    x->c = c;
    memcpy(x->rho, rho, (size_t)r * sizeof *rho);
    memcpy(x->gamma, gamma, (size_t)c * sizeof *gamma);
    sort_up(x->rho, r);
    sort_up(x->gamma, c);
    return LCN_OK;
}

/* one side of "ρ|γ": "0", digits, or a comma-separated list */
static int parse_side(int *v, int max, const char *s, size_t len)
{
    if (len == 1 && s[0] == '0') return 0;
    if (len == 0) return -1;
    int n = 0;
    if (memchr(s, ',', len)) {
        size_t i = 0;
        while (i < len) {
            if (!isdigit((unsigned char)s[i])) return -1;
            long val = 0;
            while (i < len && isdigit((unsigned char)s[i])) {
                val = val * 10 + (s[i] - '0');
                if (val > LCN_RRMP_MAX_DEGREE) return -1;
                i++;
            }
            if (val < 1 || n >= max) return -1;
            v[n++] = (int)val;
            if (i < len) {
                if (s[i] != ',' || i + 1 == len) return -1;
                i++;
            }
        }
        return n;
    }
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]) || s[i] == '0' || n >= max) return -1;
        v[n++] = s[i] - '0';
    }
    return n;
}

lcn_err_t lcn_rrmp_set_str(lcn_rrmp_t x, const char *s)
{
    int rho[LCN_RRMP_MAX_DEGREE], gamma[LCN_RRMP_MAX_DEGREE / 2];
    const char *bar = s ? strchr(s, '|') : NULL;
    if (!bar) return LCN_ERR_PARSE;
    int r = parse_side(rho, LCN_RRMP_MAX_DEGREE, s, (size_t)(bar - s));
    int c = parse_side(gamma, LCN_RRMP_MAX_DEGREE / 2, bar + 1, strlen(bar + 1));
    if (r < 0 || c < 0) return LCN_ERR_PARSE;
    lcn_err_t err = lcn_rrmp_set(x, rho, r, gamma, c);
    return err == LCN_ERR_ARG ? LCN_ERR_PARSE : err;
}

static void put_side(char *tmp, size_t cap, const int *v, int n)
{
    size_t pos = 0;
    int big = 0;
    for (int i = 0; i < n; i++) big |= v[i] >= 10;
    if (n == 0) {
        snprintf(tmp, cap, "0");
        return;
    }
    tmp[0] = '\0';
    for (int i = 0; i < n && pos < cap; i++)
        pos += (size_t)snprintf(tmp + pos, cap - pos, "%s%d", big && i ? "," : "", v[i]);
}

int lcn_rrmp_get_str(char *buf, size_t len, const lcn_rrmp_t x)
{
    char a[4 * LCN_RRMP_MAX_DEGREE + 4], b[4 * LCN_RRMP_MAX_DEGREE + 4];
    put_side(a, sizeof a, x->rho, x->r);
    put_side(b, sizeof b, x->gamma, x->c);
    return snprintf(buf, len, "%s|%s", a, b);
}

int lcn_rrmp_equal(const lcn_rrmp_t a, const lcn_rrmp_t b)
{
    if (a->n != b->n || a->r != b->r || a->c != b->c) return 0;
    return !memcmp(a->rho, b->rho, (size_t)a->r * sizeof *a->rho) &&
           !memcmp(a->gamma, b->gamma, (size_t)a->c * sizeof *a->gamma);
}

int lcn_rrmp_partition(int *lambda, const lcn_rrmp_t x)
{
    int m = 0;
    for (int i = 0; i < x->r; i++) lambda[m++] = x->rho[i];
    for (int j = 0; j < x->c; j++) {
        lambda[m++] = x->gamma[j];
        lambda[m++] = x->gamma[j];
    }
    lcn_partition_sort(lambda, m);
    return m;
}

lcn_err_t lcn_rrmp_set_factors(lcn_rrmp_t x, const double complex *lin, const int *mult, int nf, double tol)
{
    if (nf < 0) return LCN_ERR_ARG;
    double complex *cl = lcn_malloc_array((size_t)(2 * nf + 2), sizeof *cl);
    int *m = lcn_malloc_array((size_t)(nf + 1), sizeof *m);
    int *ri = lcn_malloc_array((size_t)(nf + 1), sizeof *ri);
    int *pi = lcn_malloc_array((size_t)(nf + 1), sizeof *pi);
    int *rho = lcn_malloc_array((size_t)(nf + 1), sizeof *rho);
    int *gam = lcn_malloc_array((size_t)(nf + 1), sizeof *gam);
    int nr, np;
    lcn_err_t err = LCN_OK;
    for (int i = 0; i < nf; i++)
        if (mult && mult[i] < 1) err = LCN_ERR_ARG;
    if (!err) {
        int d = lcn_factor_cluster(cl, m, lin, mult, nf, tol);
        err = _lcn_real_structure(ri, &nr, pi, &np, cl, m, d, tol);
        if (!err) {
            for (int i = 0; i < nr; i++) rho[i] = m[ri[i]];
            for (int j = 0; j < np; j++) gam[j] = m[pi[j]];
            err = lcn_rrmp_set(x, rho, nr, gam, np);
        }
    }
    lcn_free(gam);
    lcn_free(rho);
    lcn_free(pi);
    lcn_free(ri);
    lcn_free(m);
    lcn_free(cl);
    return err;
}

lcn_err_t lcn_rrmp_set_w(lcn_rrmp_t x, const double *w, int k, double tol)
{
    if (k < 1) return LCN_ERR_ARG;
    if (k - 1 > LCN_RRMP_MAX_DEGREE) return LCN_ERR_LIMIT;
    double complex *wc = lcn_malloc_array((size_t)k, sizeof *wc);
    double complex *lin = lcn_malloc_array((size_t)(2 * k), sizeof *lin);
    double complex c;
    for (int i = 0; i < k; i++) wc[i] = w[i];
    lcn_err_t err = lcn_factor_linear(lin, &c, wc, k);
    if (!err) err = lcn_rrmp_set_factors(x, lin, NULL, k - 1, tol);
    lcn_free(lin);
    lcn_free(wc);
    return err;
}

static int check_arch(const lcn_rrmp_t x, const lcn_arch_t arch)
{
    if (arch->L < 1 || !arch->stride_one || x->n != arch->kend - 1) return LCN_ERR_ARG;
    return 0;
}

static int real_count(const lcn_rrmp_t x)
{
    int s = 0;
    for (int i = 0; i < x->r; i++) s += x->rho[i];
    return s;
}

int lcn_rrmp_in_function_space(const lcn_rrmp_t x, const lcn_arch_t arch)
{
    int err = check_arch(x, arch);
    if (err) return err;
    /* KMMT22 Lemma 4.2: at least e real roots counted with multiplicity */
    return real_count(x) >= arch->e;
}

int lcn_rrmp_in_complement(const lcn_rrmp_t x, const lcn_arch_t arch)
{
    int err = check_arch(x, arch);
    if (err) return err;
    return real_count(x) < arch->e;
}

int lcn_rrmp_on_boundary(const lcn_rrmp_t x, const lcn_arch_t arch)
{
    int err = check_arch(x, arch);
    if (err) return err;
    /* KMMT22 Prop. 4.4 (e >= 2); a filling architecture (e <= 1) has no
     * boundary in R^k. */
    if (arch->e < 2) return 0;
    int odd = 0;
    for (int i = 0; i < x->r; i++) odd += x->rho[i] % 2;
    return real_count(x) >= arch->e && odd <= arch->e - 2;
}

void lcn_rrmp_list_init(lcn_rrmp_list_t list) { memset(list, 0, sizeof *list); }

void lcn_rrmp_list_clear(lcn_rrmp_list_t list)
{
    lcn_free(list->v);
    memset(list, 0, sizeof *list);
}

lcn_err_t lcn_rrmp_list_init_set(lcn_rrmp_list_t list, int n)
{
    lcn_rrmp_list_init(list);
    if (n < 0) return LCN_ERR_ARG;
    if (n > 30) return LCN_ERR_LIMIT;
    size_t cap = 16;
    list->n = n;
    list->v = lcn_malloc_array(cap, sizeof *list->v);
    int rho[64], gam[64];
    for (int g = 0; 2 * g <= n; g++) {
        int m = n - 2 * g;
        lcn_partitions_t gp;
        lcn_err_t err = lcn_partitions_init_set(gp, g);
        LCN_ASSERT(err == LCN_OK);
        int r = lcn_partition_first(rho, m);
        do {
            for (size_t t = gp->count; t-- > 0;) {
                int c = gp->len[t];
                memcpy(gam, gp->parts[t], (size_t)c * sizeof *gam);
                if (list->count == cap) {
                    cap *= 2;
                    list->v = lcn_realloc(list->v, cap * sizeof *list->v);
                }
                err = lcn_rrmp_set(&list->v[list->count], rho, r, gam, c);
                LCN_ASSERT(err == LCN_OK);
                list->count++;
            }
        } while (lcn_partition_next(rho, &r));
        lcn_partitions_clear(gp);
    }
    return LCN_OK;
}
