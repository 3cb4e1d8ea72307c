/* Building straight-line programs: exact constants, folding, hash-consing. */
#include <math.h>
#include <string.h>
#include "impl.h"

#define EMPTY (-1)

void lcn_slp_init(lcn_slp_t slp, int nvars, int nparams)
{
    LCN_ASSERT(nvars >= 0 && nparams >= 0);
    slp->nvars = nvars;
    slp->nparams = nparams;
    slp->len = 0;
    slp->cap = 64;
    slp->nodes = lcn_malloc_array(slp->cap, sizeof *slp->nodes);
    slp->degree = lcn_malloc_array(slp->cap, sizeof *slp->degree);
    slp->nconst = 0;
    slp->ccap = 16;
    slp->cre = lcn_malloc_array(slp->ccap, sizeof(mpq_t));
    slp->cim = lcn_malloc_array(slp->ccap, sizeof(mpq_t));
    slp->hcap = 256;
    slp->hash = lcn_malloc_array(slp->hcap, sizeof *slp->hash);
    for (size_t i = 0; i < slp->hcap; i++) slp->hash[i] = EMPTY;
}

void lcn_slp_clear(lcn_slp_t slp)
{
    for (size_t i = 0; i < slp->nconst; i++) {
        mpq_clear(slp->cre[i]);
        mpq_clear(slp->cim[i]);
    }
    lcn_free(slp->cre);
    lcn_free(slp->cim);
    lcn_free(slp->nodes);
    lcn_free(slp->degree);
    lcn_free(slp->hash);
    memset(slp, 0, sizeof *slp);
}

double complex lcn_q_get_d(const mpq_t re, const mpq_t im)
{
    /* mpq_get_d truncates; go through MPFR for round-to-nearest. */
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_q(t, re, MPFR_RNDN);
    double r = mpfr_get_d(t, MPFR_RNDN);
    mpfr_set_q(t, im, MPFR_RNDN);
    double i = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(t);
    return CMPLX(r, i);
}

/* ---- hashing -------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    /* The table index takes the low bits, and a product's low bits see only
     * the low bits of its factors: fold the high half down, or every
     * integer-valued double (zero low mantissa bits) lands in one cluster. */
    return h ^ (h >> 32);
}

static uint64_t hash_double(double d)
{
    uint64_t u;
    if (d == 0) d = 0; /* -0 and +0 hash alike */
    memcpy(&u, &d, sizeof u);
    return u;
}

/* Constants hash by their rounded value and compare exactly. */
static uint64_t node_hash(const lcn_slp_struct *slp, int32_t op, int32_t a, int32_t b)
{
    uint64_t h = mix(0x243f6a8885a308d3ULL, (uint64_t)op);
    if (op == LCN_OP_CONST) {
        double complex c = lcn_q_get_d(slp->cre[a], slp->cim[a]);
        return mix(mix(h, hash_double(creal(c))), hash_double(cimag(c)));
    }
    return mix(mix(h, (uint64_t)(uint32_t)a), (uint64_t)(uint32_t)b);
}

static int node_equal(const lcn_slp_struct *slp, int32_t idx, int32_t op, int32_t a, int32_t b)
{
    const lcn_slp_node_struct *nd = &slp->nodes[idx];
    if (nd->op != op) return 0;
    if (op == LCN_OP_CONST)
        return mpq_equal(slp->cre[nd->a], slp->cre[a]) && mpq_equal(slp->cim[nd->a], slp->cim[a]);
    return nd->a == a && nd->b == b;
}

static void rehash(lcn_slp_struct *slp)
{
    lcn_free(slp->hash);
    slp->hcap *= 2;
    slp->hash = lcn_malloc_array(slp->hcap, sizeof *slp->hash);
    for (size_t i = 0; i < slp->hcap; i++) slp->hash[i] = EMPTY;
    for (size_t i = 0; i < slp->len; i++) {
        const lcn_slp_node_struct *nd = &slp->nodes[i];
        size_t h = node_hash(slp, nd->op, nd->a, nd->b) & (slp->hcap - 1);
        while (slp->hash[h] != EMPTY) h = (h + 1) & (slp->hcap - 1);
        slp->hash[h] = (int32_t)i;
    }
}

static int32_t node_degree(const lcn_slp_struct *slp, int32_t op, int32_t a, int32_t b)
{
    const int32_t cap = 1 << 28; /* degrees are upper bounds; saturate instead of overflowing */
    int64_t d;
    switch (op) {
    case LCN_OP_CONST: case LCN_OP_PARAM: return 0;
    case LCN_OP_VAR: return 1;
    case LCN_OP_ADD: case LCN_OP_SUB:
        return slp->degree[a] > slp->degree[b] ? slp->degree[a] : slp->degree[b];
    case LCN_OP_MUL: d = (int64_t)slp->degree[a] + slp->degree[b]; break;
    case LCN_OP_NEG: return slp->degree[a];
    case LCN_OP_POW: d = (int64_t)slp->degree[a] * b; break;
    default: LCN_ASSERT(0 && "unknown op");
    }
    return d > cap ? cap : (int32_t)d;
}

/* Find or append the node (op, a, b). For CONST, a indexes a constant that
 * was just appended to the table; it is dropped again if an equal one exists. */
static lcn_node_t intern(lcn_slp_struct *slp, int32_t op, int32_t a, int32_t b)
{
    if (2 * (slp->len + 1) > slp->hcap) rehash(slp);
    size_t h = node_hash(slp, op, a, b) & (slp->hcap - 1);
    while (slp->hash[h] != EMPTY) {
        int32_t idx = slp->hash[h];
        if (node_equal(slp, idx, op, a, b)) {
            if (op == LCN_OP_CONST) {
                LCN_ASSERT(a == (int32_t)slp->nconst - 1);
                slp->nconst--;
                mpq_clear(slp->cre[a]);
                mpq_clear(slp->cim[a]);
            }
            return idx;
        }
        h = (h + 1) & (slp->hcap - 1);
    }
    LCN_ASSERT(slp->len < INT32_MAX);
    if (slp->len == slp->cap) {
        slp->cap *= 2;
        slp->nodes = lcn_realloc(slp->nodes, slp->cap * sizeof *slp->nodes);
        slp->degree = lcn_realloc(slp->degree, slp->cap * sizeof *slp->degree);
    }
    int32_t idx = (int32_t)slp->len++;
    slp->nodes[idx].op = op;
    slp->nodes[idx].a = a;
    slp->nodes[idx].b = b;
    slp->degree[idx] = node_degree(slp, op, a, b);
    slp->hash[h] = idx;
    return idx;
}

/* ---- leaves --------------------------------------------------------- */

lcn_node_t lcn_slp_var(lcn_slp_t slp, int i)
{
    LCN_ASSERT(i >= 0 && i < slp->nvars);
    return intern(slp, LCN_OP_VAR, i, 0);
}

lcn_node_t lcn_slp_param(lcn_slp_t slp, int j)
{
    LCN_ASSERT(j >= 0 && j < slp->nparams);
    return intern(slp, LCN_OP_PARAM, j, 0);
}

/* Append a constant slot; the caller sets its value and interns it. */
static int32_t new_const(lcn_slp_struct *slp)
{
    if (slp->nconst == slp->ccap) {
        slp->ccap *= 2;
        slp->cre = lcn_realloc(slp->cre, slp->ccap * sizeof(mpq_t));
        slp->cim = lcn_realloc(slp->cim, slp->ccap * sizeof(mpq_t));
    }
    int32_t c = (int32_t)slp->nconst++;
    mpq_init(slp->cre[c]);
    mpq_init(slp->cim[c]);
    return c;
}

lcn_node_t lcn_slp_const_q(lcn_slp_t slp, const mpq_t re, const mpq_t im)
{
    int32_t c = new_const(slp);
    mpq_set(slp->cre[c], re);
    mpq_set(slp->cim[c], im);
    return intern(slp, LCN_OP_CONST, c, 0);
}

lcn_node_t lcn_slp_const_si(lcn_slp_t slp, long re, long im)
{
    int32_t c = new_const(slp);
    mpq_set_si(slp->cre[c], re, 1);
    mpq_set_si(slp->cim[c], im, 1);
    return intern(slp, LCN_OP_CONST, c, 0);
}

lcn_node_t lcn_slp_const_d(lcn_slp_t slp, double complex z)
{
    LCN_ASSERT(isfinite(creal(z)) && isfinite(cimag(z)));
    int32_t c = new_const(slp);
    mpq_set_d(slp->cre[c], creal(z)); /* exact: every finite double is a dyadic rational */
    mpq_set_d(slp->cim[c], cimag(z));
    return intern(slp, LCN_OP_CONST, c, 0);
}

int lcn_slp_is_zero(const lcn_slp_t slp, lcn_node_t f)
{
    int32_t c = lcn_slp_const_index(slp, f);
    return c >= 0 && mpq_sgn(slp->cre[c]) == 0 && mpq_sgn(slp->cim[c]) == 0;
}

static int is_one(const lcn_slp_struct *slp, lcn_node_t f)
{
    int32_t c = lcn_slp_const_index(slp, f);
    return c >= 0 && mpq_cmp_si(slp->cre[c], 1, 1) == 0 && mpq_sgn(slp->cim[c]) == 0;
}

/* ---- operations with exact folding ---------------------------------- */

static lcn_node_t fold(lcn_slp_struct *slp, int op, lcn_node_t a, lcn_node_t b)
{
    int32_t ca = lcn_slp_const_index(slp, a), cb = b >= 0 && op != LCN_OP_POW ? lcn_slp_const_index(slp, b) : -1;
    int32_t c = new_const(slp);
    mpq_ptr re = slp->cre[c], im = slp->cim[c];
    switch (op) {
    case LCN_OP_ADD:
        mpq_add(re, slp->cre[ca], slp->cre[cb]);
        mpq_add(im, slp->cim[ca], slp->cim[cb]);
        break;
    case LCN_OP_SUB:
        mpq_sub(re, slp->cre[ca], slp->cre[cb]);
        mpq_sub(im, slp->cim[ca], slp->cim[cb]);
        break;
    case LCN_OP_MUL: {
        mpq_t t;
        mpq_init(t);
        mpq_mul(re, slp->cre[ca], slp->cre[cb]);
        mpq_mul(t, slp->cim[ca], slp->cim[cb]);
        mpq_sub(re, re, t);
        mpq_mul(im, slp->cre[ca], slp->cim[cb]);
        mpq_mul(t, slp->cim[ca], slp->cre[cb]);
        mpq_add(im, im, t);
        mpq_clear(t);
        break;
    }
    case LCN_OP_NEG:
        mpq_neg(re, slp->cre[ca]);
        mpq_neg(im, slp->cim[ca]);
        break;
    case LCN_OP_POW: {
        /* Binary powering in exact complex rationals. */
        mpq_t br, bi, t, u;
        mpq_inits(br, bi, t, u, NULL);
        mpq_set(br, slp->cre[ca]);
        mpq_set(bi, slp->cim[ca]);
        mpq_set_si(re, 1, 1);
        mpq_set_si(im, 0, 1);
        for (unsigned long e = (unsigned long)b; e; e >>= 1) {
            if (e & 1) {
                mpq_mul(t, re, br);
                mpq_mul(u, im, bi);
                mpq_sub(t, t, u);
                mpq_mul(u, re, bi);
                mpq_mul(im, im, br);
                mpq_add(im, im, u);
                mpq_set(re, t);
            }
            if (e > 1) {
                mpq_mul(t, br, br);
                mpq_mul(u, bi, bi);
                mpq_sub(t, t, u);
                mpq_mul(bi, br, bi);
                mpq_add(bi, bi, bi);
                mpq_set(br, t);
            }
        }
        mpq_clears(br, bi, t, u, NULL);
        break;
    }
    default: LCN_ASSERT(0 && "fold: bad op");
    }
    return intern(slp, LCN_OP_CONST, c, 0);
}

static void check_node(const lcn_slp_struct *slp, lcn_node_t a)
{
    LCN_ASSERT(a >= 0 && (size_t)a < slp->len);
}

lcn_node_t lcn_slp_add(lcn_slp_t slp, lcn_node_t a, lcn_node_t b)
{
    check_node(slp, a);
    check_node(slp, b);
    if (lcn_slp_is_zero(slp, a)) return b;
    if (lcn_slp_is_zero(slp, b)) return a;
    if (lcn_slp_const_index(slp, a) >= 0 && lcn_slp_const_index(slp, b) >= 0) return fold(slp, LCN_OP_ADD, a, b);
    if (a > b) { lcn_node_t t = a; a = b; b = t; }
    return intern(slp, LCN_OP_ADD, a, b);
}

lcn_node_t lcn_slp_sub(lcn_slp_t slp, lcn_node_t a, lcn_node_t b)
{
    check_node(slp, a);
    check_node(slp, b);
    if (lcn_slp_is_zero(slp, b)) return a;
    if (a == b) return lcn_slp_const_si(slp, 0, 0);
    if (lcn_slp_is_zero(slp, a)) return lcn_slp_neg(slp, b);
    if (lcn_slp_const_index(slp, a) >= 0 && lcn_slp_const_index(slp, b) >= 0) return fold(slp, LCN_OP_SUB, a, b);
    return intern(slp, LCN_OP_SUB, a, b);
}

lcn_node_t lcn_slp_mul(lcn_slp_t slp, lcn_node_t a, lcn_node_t b)
{
    check_node(slp, a);
    check_node(slp, b);
    if (lcn_slp_is_zero(slp, a)) return a;
    if (lcn_slp_is_zero(slp, b)) return b;
    if (is_one(slp, a)) return b;
    if (is_one(slp, b)) return a;
    if (lcn_slp_const_index(slp, a) >= 0 && lcn_slp_const_index(slp, b) >= 0) return fold(slp, LCN_OP_MUL, a, b);
    if (a > b) { lcn_node_t t = a; a = b; b = t; }
    return intern(slp, LCN_OP_MUL, a, b);
}

lcn_node_t lcn_slp_neg(lcn_slp_t slp, lcn_node_t a)
{
    check_node(slp, a);
    if (lcn_slp_const_index(slp, a) >= 0) return fold(slp, LCN_OP_NEG, a, -1);
    if (slp->nodes[a].op == LCN_OP_NEG) return slp->nodes[a].a;
    return intern(slp, LCN_OP_NEG, a, 0);
}

lcn_node_t lcn_slp_pow(lcn_slp_t slp, lcn_node_t a, unsigned long e)
{
    check_node(slp, a);
    LCN_ASSERT(e <= INT32_MAX);
    if (e == 0) return lcn_slp_const_si(slp, 1, 0);
    if (e == 1) return a;
    if (lcn_slp_const_index(slp, a) >= 0) return fold(slp, LCN_OP_POW, a, (lcn_node_t)e);
    return intern(slp, LCN_OP_POW, a, (int32_t)e);
}

lcn_node_t lcn_slp_sum(lcn_slp_t slp, const lcn_node_t *a, size_t n)
{
    lcn_node_t s = lcn_slp_const_si(slp, 0, 0);
    for (size_t i = 0; i < n; i++) s = lcn_slp_add(slp, s, a[i]);
    return s;
}

lcn_node_t lcn_slp_dot(lcn_slp_t slp, const lcn_node_t *a, const lcn_node_t *b, size_t n)
{
    lcn_node_t s = lcn_slp_const_si(slp, 0, 0);
    for (size_t i = 0; i < n; i++) s = lcn_slp_add(slp, s, lcn_slp_mul(slp, a[i], b[i]));
    return s;
}

int lcn_slp_degree(const lcn_slp_t slp, lcn_node_t f)
{
    check_node(slp, f);
    return slp->degree[f];
}

void lcn_slp_mark_needed(char *mark, const lcn_slp_struct *slp, const lcn_node_t *out, size_t nout)
{
    memset(mark, 0, slp->len);
    for (size_t i = 0; i < nout; i++) {
        check_node(slp, out[i]);
        mark[out[i]] = 1;
    }
    for (size_t i = slp->len; i-- > 0;) {
        if (!mark[i]) continue;
        const lcn_slp_node_struct *nd = &slp->nodes[i];
        switch (nd->op) {
        case LCN_OP_ADD: case LCN_OP_SUB: case LCN_OP_MUL: mark[nd->a] = mark[nd->b] = 1; break;
        case LCN_OP_NEG: case LCN_OP_POW: mark[nd->a] = 1; break;
        default: break;
        }
    }
}
