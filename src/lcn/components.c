/* Components of the critical-point systems and their seeds (components.h). */
#include <stdio.h>
#include <string.h>
#include "lcncrit/components.h"

void lcn_components_init(lcn_components_t cc)
{
    cc->count = 0;
    cc->c = NULL;
}

void lcn_components_clear(lcn_components_t cc)
{
    lcn_free(cc->c);
    lcn_components_init(cc);
}

static lcn_component_struct *push(lcn_components_t cc)
{
    cc->c = lcn_realloc(cc->c, (cc->count + 1) * sizeof *cc->c);
    lcn_component_struct *c = &cc->c[cc->count++];
    memset(c, 0, sizeof *c);
    return c;
}

typedef struct {
    lcn_components_struct *cc;
    const lcn_critsys_struct *cs;
    int nb, bins[LCN_CRITSYS_MAX_FACTORS];
    int lam[LCN_COMPONENT_MAX_ROOTS], r;
    unsigned long long M[LCN_COMPONENT_MAX_ROOTS];
    int cap[LCN_CRITSYS_MAX_FACTORS];
} enum_state;

static long factorial(int n)
{
    long f = 1;
    for (int i = 2; i <= n; i++) f *= i;
    return f;
}

/* Record the placement in st->M: orbit = Π over groups of equal parts of
 * g! / Π (multiplicity of identical rows)!. */
static void record(enum_state *st)
{
    lcn_component_struct *c = push(st->cc);
    c->r = st->r;
    memcpy(c->lambda, st->lam, sizeof c->lambda);
    memcpy(c->M, st->M, sizeof c->M);
    long orbit = 1;
    for (int i = 0; i < st->r;) {
        int j = i;
        while (j < st->r && st->lam[j] == st->lam[i]) j++;
        orbit *= factorial(j - i);
        for (int a = i; a < j;) {
            int b = a;
            while (b < j && st->M[b] == st->M[a]) b++;
            orbit /= factorial(b - a);
            a = b;
        }
        i = j;
    }
    c->orbit = orbit;
    const char *src;
    long d = lcn_locus_eddeg(st->lam, st->r, "generic", &src);
    c->expected = d ? d * orbit : 0;
    int len = snprintf(c->label, sizeof c->label, "λ=");
    for (int i = 0; i < st->r && len < (int)sizeof c->label; i++)
        len += snprintf(c->label + len, sizeof c->label - (size_t)len, "%s%d", i ? "," : "", st->lam[i]);
    if (len < (int)sizeof c->label) len += snprintf(c->label + len, sizeof c->label - (size_t)len, " M=");
    for (int i = 0; i < st->r && len < (int)sizeof c->label; i++) {
        if (i && len < (int)sizeof c->label) len += snprintf(c->label + len, sizeof c->label - (size_t)len, "|");
        for (int l = 0; l < st->nb && len < (int)sizeof c->label; l++)
            len += snprintf(c->label + len, sizeof c->label - (size_t)len, "%d", (int)((st->M[i] >> l) & 1));
    }
}

/* Row i: choose a set of lam[i] factors with spare capacity; rows of equal
 * parts are kept non-increasing as bit masks (one matrix per orbit). */
static void rows(enum_state *st, int i)
{
    if (i == st->r) {
        for (int l = 0; l < st->nb; l++)
            if (st->cap[l]) return;
        record(st);
        return;
    }
    unsigned long long lim = (i > 0 && st->lam[i] == st->lam[i - 1]) ? st->M[i - 1] : ~0ULL;
    unsigned long long full = st->nb >= 64 ? ~0ULL : ((1ULL << st->nb) - 1);
    for (unsigned long long mask = full;; mask--) {
        if (mask <= lim && __builtin_popcountll(mask) == st->lam[i]) {
            int okc = 1;
            for (int l = 0; l < st->nb; l++)
                if (((mask >> l) & 1) && st->cap[l] == 0) okc = 0;
            if (okc) {
                for (int l = 0; l < st->nb; l++)
                    if ((mask >> l) & 1) st->cap[l]--;
                st->M[i] = mask;
                rows(st, i + 1);
                for (int l = 0; l < st->nb; l++)
                    if ((mask >> l) & 1) st->cap[l]++;
            }
        }
        if (mask == 0) break;
    }
}

/* Partitions of the remaining n, parts non-increasing and <= maxpart. */
static void parts(enum_state *st, int rest, int maxpart)
{
    if (rest == 0) {
        for (int l = 0; l < st->nb; l++) st->cap[l] = st->bins[l];
        rows(st, 0);
        return;
    }
    if (st->r == LCN_COMPONENT_MAX_ROOTS) return;
    for (int p = rest < maxpart ? rest : maxpart; p >= 1; p--) {
        st->lam[st->r++] = p;
        parts(st, rest - p, p);
        st->r--;
    }
}

lcn_err_t lcn_components_init_set(lcn_components_t cc, const lcn_critsys_t cs)
{
    lcn_components_clear(cc);
    int stride_one = 1;
    for (int i = 0; i < cs->r; i++)
        if (cs->fS[i] != 1) stride_one = 0;
    if (cs->kind != LCN_CRITSYS_PARAMS || !stride_one) {
        lcn_component_struct *c = push(cc);
        snprintf(c->label, sizeof c->label, "main");
        c->orbit = 1;
        if (cs->kind == LCN_CRITSYS_LOCUS) {
            /* One θ per orbit of relabellings (gcache.c). */
            c->expected = lcn_locus_eddeg(cs->fe, cs->r, "generic", NULL);
        } else if (cs->kind == LCN_CRITSYS_SEGRE) {
            c->expected = lcn_segre_eddeg(cs->fk, cs->r);
        } else {
            /* (P) of a reduced architecture: µ is injective up to scaling
             * (the Segre embedding), so there are no spurious components and
             * the count is C_k; for mixed strides it is unknown. */
            int reduced = 1;
            for (int l = 0; l < cs->L; l++)
                if (cs->arch_k[l] < 2 || (l + 1 < cs->L && cs->arch_s[l] < 2)) reduced = 0;
            if (reduced) c->expected = lcn_segre_eddeg(cs->fk, cs->r);
        }
        return LCN_OK;
    }
    if (cs->r > 63 || cs->k - 1 > LCN_COMPONENT_MAX_ROOTS) return LCN_ERR_LIMIT;
    enum_state st;
    memset(&st, 0, sizeof st);
    st.cc = cc;
    st.cs = cs;
    st.nb = cs->r;
    for (int l = 0; l < cs->r; l++) st.bins[l] = cs->fk[l] - 1;
    /* Largest part: no factor holds a root twice, so λ_1 <= number of factors. */
    parts(&st, cs->k - 1, cs->r);
    return cc->count ? LCN_OK : LCN_ERR_ARG;
}

lcn_err_t lcn_component_seed(double complex *theta0, double complex *p0, double complex *b0, const lcn_critsys_t cs,
                             const lcn_component_struct *c, lcn_rng_t rng)
{
    if (c->r == 0) return lcn_critsys_seed_pair(theta0, p0, b0, cs, rng);
    /* Random distinct roots (points of P^1), then factor l = the product of
     * the linear forms of the roots placed in it. */
    double complex ell[LCN_COMPONENT_MAX_ROOTS][2];
    for (int i = 0; i < c->r; i++) {
        ell[i][0] = lcn_rng_cnormal(rng);
        ell[i][1] = lcn_rng_cnormal(rng);
    }
    int tot = 0;
    for (int l = 0; l < cs->r; l++) tot += cs->fk[l];
    double complex *v = lcn_malloc_array((size_t)tot, sizeof *v), tmp[LCN_COMPONENT_MAX_ROOTS + 2];
    int off = 0;
    for (int l = 0; l < cs->r; l++) {
        double complex *q = v + off;
        int len = 1;
        q[0] = 1;
        for (int i = 0; i < c->r; i++) {
            if (!((c->M[i] >> l) & 1)) continue;
            for (int a = 0; a <= len; a++)
                tmp[a] = (a < len ? q[a] * ell[i][0] : 0) + (a > 0 ? q[a - 1] * ell[i][1] : 0);
            len++;
            memcpy(q, tmp, (size_t)len * sizeof *q);
        }
        LCN_ASSERT(len == cs->fk[l]);
        off += cs->fk[l];
    }
    lcn_err_t err = lcn_critsys_theta_from_factors(theta0, cs, v);
    lcn_free(v);
    if (err) return err;
    return lcn_critsys_seed_params(p0, b0, cs, theta0, rng);
}
