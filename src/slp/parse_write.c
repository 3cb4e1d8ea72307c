/* Writing SLP equations in the text format (the inverse of parse.c).
 *
 * The printer uses operator precedence so that only necessary parentheses
 * are written, and it flattens whole trees of + and - (and of *) with an
 * explicit stack: sums and products are associative and commutative in
 * exact arithmetic, and flattening keeps both the C stack and the nesting of
 * the output proportional to the alternation of operators rather than to
 * the length of a sum. Nesting that the parser would refuse
 * (LCN_PARSE_MAX_DEPTH) is refused here too, so what is written parses back. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "impl.h"
#include "lcncrit/parse.h"

enum { P_SUM = 1, P_PROD = 2, P_UNARY = 3, P_POW = 4, P_ATOM = 5 };

typedef struct {
    FILE *out;
    const lcn_slp_struct *slp;
    const char *const *vn, *const *pn;
    int depth;     /* '(' and unary '-' on the current path, as the parser counts them */
    int too_deep;
    long col;      /* output column, for line breaks in long sums */
    /* explicit stack for flattening */
    lcn_node_t *stk;
    int *sgn;
    size_t cap;
} writer;

static void put(writer *W, const char *s)
{
    fputs(s, W->out);
    W->col += (long)strlen(s);
}

static int const_prec(const lcn_slp_struct *slp, int32_t c)
{
    const mpq_srcptr re = slp->cre[c], im = slp->cim[c];
    if (mpq_sgn(im) == 0) {
        if (mpz_cmp_ui(mpq_denref(re), 1) != 0) return P_PROD; /* p/q, -p/q */
        return mpq_sgn(re) < 0 ? P_UNARY : P_ATOM;
    }
    if (mpq_sgn(re) != 0) return P_SUM; /* a + b*I */
    if (mpz_cmp_ui(mpq_denref(im), 1) == 0 && mpz_cmpabs_ui(mpq_numref(im), 1) == 0)
        return mpq_sgn(im) < 0 ? P_UNARY : P_ATOM; /* I, -I */
    return P_PROD;                                 /* b*I */
}

static int node_prec(const lcn_slp_struct *slp, lcn_node_t f)
{
    switch (slp->nodes[f].op) {
    case LCN_OP_CONST: return const_prec(slp, slp->nodes[f].a);
    case LCN_OP_ADD: case LCN_OP_SUB: return P_SUM;
    case LCN_OP_MUL: return P_PROD;
    case LCN_OP_NEG: return P_UNARY;
    case LCN_OP_POW: return P_POW;
    default: return P_ATOM;
    }
}

static void put_q(writer *W, mpq_srcptr q)
{
    int n = gmp_fprintf(W->out, "%Qd", q);
    if (n > 0) W->col += n;
}

static void write_const(writer *W, int32_t c)
{
    mpq_srcptr re = W->slp->cre[c], im = W->slp->cim[c];
    if (mpq_sgn(im) == 0) {
        put_q(W, re);
        return;
    }
    mpq_t a;
    mpq_init(a);
    mpq_abs(a, im);
    int unit = mpq_cmp_ui(a, 1, 1) == 0;
    if (mpq_sgn(re) != 0) {
        put_q(W, re);
        put(W, mpq_sgn(im) < 0 ? " - " : " + ");
    } else if (mpq_sgn(im) < 0) {
        put(W, "-");
    }
    if (!unit) {
        put_q(W, a);
        put(W, "*");
    }
    put(W, "I");
    mpq_clear(a);
}

static void push(writer *W, size_t *n, lcn_node_t f, int s)
{
    if (*n == W->cap) {
        W->cap = W->cap ? 2 * W->cap : 64;
        W->stk = lcn_realloc(W->stk, W->cap * sizeof *W->stk);
        W->sgn = lcn_realloc(W->sgn, W->cap * sizeof *W->sgn);
    }
    W->stk[*n] = f;
    W->sgn[*n] = s;
    (*n)++;
}

static void emit(writer *W, lcn_node_t f, int ctx);

/* One more '(' or unary '-' on the current path. The parser starts at
 * depth 1 and adds one for each, and refuses depth > LCN_PARSE_MAX_DEPTH. */
static int deeper(writer *W)
{
    if (++W->depth + 1 > LCN_PARSE_MAX_DEPTH) W->too_deep = 1;
    return !W->too_deep;
}

/* The leaves of the maximal tree of ADD/SUB (or MUL) nodes under f, in
 * left-to-right order, with their signs; written into a fresh array because
 * emit() reuses the shared stack recursively. */
static size_t flatten(writer *W, lcn_node_t f, int mul, lcn_node_t **leaves, int **signs)
{
    const lcn_slp_struct *slp = W->slp;
    size_t n = 0, nl = 0, cap = 8;
    *leaves = lcn_malloc_array(cap, sizeof **leaves);
    *signs = lcn_malloc_array(cap, sizeof **signs);
    push(W, &n, f, 1);
    while (n > 0) {
        n--;
        lcn_node_t g = W->stk[n];
        int s = W->sgn[n];
        int op = slp->nodes[g].op;
        if (mul ? op == LCN_OP_MUL : op == LCN_OP_ADD || op == LCN_OP_SUB) {
            /* right first, so the left operand is popped (written) first */
            push(W, &n, slp->nodes[g].b, op == LCN_OP_SUB ? -s : s);
            push(W, &n, slp->nodes[g].a, s);
            continue;
        }
        if (nl == cap) {
            cap *= 2;
            *leaves = lcn_realloc(*leaves, cap * sizeof **leaves);
            *signs = lcn_realloc(*signs, cap * sizeof **signs);
        }
        (*leaves)[nl] = g;
        (*signs)[nl++] = s;
    }
    return nl;
}

static void emit(writer *W, lcn_node_t f, int ctx)
{
    const lcn_slp_struct *slp = W->slp;
    if (W->too_deep) return;
    const int pr = node_prec(slp, f), wrap = pr < ctx;
    if (wrap) {
        if (!deeper(W)) return;
        put(W, "(");
    }
    const lcn_slp_node_struct *nd = &slp->nodes[f];
    switch (nd->op) {
    case LCN_OP_CONST: write_const(W, nd->a); break;
    case LCN_OP_VAR: put(W, W->vn[nd->a]); break;
    case LCN_OP_PARAM: put(W, W->pn[nd->a]); break;
    case LCN_OP_ADD: case LCN_OP_SUB: case LCN_OP_MUL: {
        const int mul = nd->op == LCN_OP_MUL;
        lcn_node_t *lv;
        int *sg;
        size_t nl = flatten(W, f, mul, &lv, &sg);
        for (size_t k = 0; k < nl && !W->too_deep; k++) {
            if (mul) {
                /* A later factor p/q or b*I is parenthesised, so that it parses
                 * back as one constant and not as (... * p)/q. */
                if (k) put(W, "*");
                emit(W, lv[k], k ? P_UNARY : P_PROD);
                continue;
            }
            if (k) {
                if (W->col > 100) {
                    put(W, "\n   ");
                    W->col = 3;
                }
                put(W, sg[k] < 0 ? " - " : " + ");
                emit(W, lv[k], P_PROD);
            } else if (sg[k] < 0) {
                /* "-a*b" reads as (-a)*b, which has the same value as -(a*b) */
                put(W, "-");
                if (deeper(W)) emit(W, lv[k], P_PROD);
                W->depth--;
            } else {
                emit(W, lv[k], P_SUM);
            }
        }
        lcn_free(lv);
        lcn_free(sg);
        break;
    }
    case LCN_OP_NEG:
        put(W, "-");
        if (deeper(W)) emit(W, nd->a, P_UNARY);
        W->depth--;
        break;
    case LCN_OP_POW:
        emit(W, nd->a, P_ATOM);
        fprintf(W->out, "^%d", nd->b);
        W->col += 4;
        break;
    default: LCN_ASSERT(0 && "unknown op");
    }
    if (wrap) {
        put(W, ")");
        W->depth--;
    }
}

static int valid_name(const char *s)
{
    if (!s || !*s || strlen(s) > LCN_PARSE_MAX_NAME) return 0;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_')) return 0;
    for (const char *t = s + 1; *t; t++)
        if (!((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9') || *t == '_')) return 0;
    static const char *reserved[] = {"I", "i", "variables", "variable", "parameters", "parameter"};
    for (size_t k = 0; k < sizeof reserved / sizeof reserved[0]; k++)
        if (!strcmp(s, reserved[k])) return 0;
    return 1;
}

/* Shared by both entry points: pre and pim are the parameter values (exact)
 * or NULL, has[j] says whether parameter j has one. */
static lcn_err_t write_impl(FILE *out, const lcn_slp_struct *slp, const lcn_node_t *F, int nF,
                            const char *const *vn_in, const char *const *pn_in, const mpq_t *pre, const mpq_t *pim,
                            const int *has)
{
    const int n = slp->nvars, m = slp->nparams;
    if (nF < 0 || (nF > 0 && !F)) return LCN_ERR_ARG;
    for (int i = 0; i < nF; i++)
        if (F[i] < 0 || (size_t)F[i] >= slp->len) return LCN_ERR_ARG;
    /* Size of the written tree, saturating; refuse before writing anything. */
    uint64_t *sz = lcn_calloc(slp->len ? slp->len : 1, sizeof *sz);
    const uint64_t cap = (uint64_t)LCN_PARSE_MAX_WRITE_NODES + 1;
    for (size_t k = 0; k < slp->len; k++) {
        const lcn_slp_node_struct *nd = &slp->nodes[k];
        uint64_t s = 1;
        if (nd->op == LCN_OP_ADD || nd->op == LCN_OP_SUB || nd->op == LCN_OP_MUL) s += sz[nd->a] + sz[nd->b];
        else if (nd->op == LCN_OP_NEG || nd->op == LCN_OP_POW) s += sz[nd->a];
        sz[k] = s > cap ? cap : s;
    }
    uint64_t total = 0;
    for (int i = 0; i < nF; i++) total += sz[F[i]];
    lcn_free(sz);
    if (total > (uint64_t)LCN_PARSE_MAX_WRITE_NODES) return LCN_ERR_LIMIT;

    char **gen = NULL;
    const char **vn = lcn_malloc_array((size_t)n + 1, sizeof *vn), **pn = lcn_malloc_array((size_t)m + 1, sizeof *pn);
    gen = lcn_calloc((size_t)(n + m) + 1, sizeof *gen);
    lcn_err_t err = LCN_OK;
    for (int i = 0; i < n; i++) {
        if (vn_in) {
            vn[i] = vn_in[i];
        } else {
            gen[i] = lcn_malloc(24);
            snprintf(gen[i], 24, "x%d", i);
            vn[i] = gen[i];
        }
        if (!valid_name(vn[i])) err = LCN_ERR_ARG;
    }
    for (int j = 0; j < m; j++) {
        if (pn_in) {
            pn[j] = pn_in[j];
        } else {
            gen[n + j] = lcn_malloc(24);
            snprintf(gen[n + j], 24, "p%d", j);
            pn[j] = gen[n + j];
        }
        if (!valid_name(pn[j])) err = LCN_ERR_ARG;
    }
    writer W;
    memset(&W, 0, sizeof W);
    if (err) goto cleanup;
    W.out = out;
    W.slp = slp;
    W.vn = vn;
    W.pn = pn;
    if (n) {
        fputs("variables ", out);
        for (int i = 0; i < n; i++) fprintf(out, "%s%s", i ? ", " : "", vn[i]);
        fputs(";\n", out);
    }
    if (m) {
        fputs("parameters ", out);
        for (int j = 0; j < m; j++) {
            fprintf(out, "%s%s", j ? ", " : "", pn[j]);
            if (has && has[j]) {
                /* a constant node in a scratch SLP so write_const can be reused */
                lcn_slp_t tmp;
                lcn_slp_init(tmp, 0, 0);
                lcn_node_t c = lcn_slp_const_q(tmp, pre[j], pim[j]);
                writer V = W;
                V.slp = tmp;
                fputs(" = ", out);
                write_const(&V, tmp->nodes[c].a);
                lcn_slp_clear(tmp);
            }
        }
        fputs(";\n", out);
    }
    for (int i = 0; i < nF && !W.too_deep; i++) {
        W.col = 0;
        W.depth = 0;
        emit(&W, F[i], P_SUM);
        fputs(";\n", out);
    }
    if (W.too_deep) err = LCN_ERR_LIMIT;
    else if (ferror(out)) err = LCN_ERR_IO;
cleanup:
    lcn_free(W.stk);
    lcn_free(W.sgn);
    for (int k = 0; k < n + m; k++) lcn_free(gen[k]);
    lcn_free(gen);
    lcn_free(vn);
    lcn_free(pn);
    return err;
}

lcn_err_t lcn_slp_write_system(FILE *out, const lcn_slp_t slp, const lcn_node_t *F, int nF,
                               const char *const *var_names, const char *const *param_names,
                               const double complex *p)
{
    const int m = slp->nparams;
    mpq_t *re = NULL, *im = NULL;
    int *has = NULL;
    if (p && m > 0) {
        for (int j = 0; j < m; j++)
            if (!isfinite(creal(p[j])) || !isfinite(cimag(p[j]))) return LCN_ERR_ARG;
        re = lcn_malloc_array((size_t)m, sizeof *re);
        im = lcn_malloc_array((size_t)m, sizeof *im);
        has = lcn_malloc_array((size_t)m, sizeof *has);
        for (int j = 0; j < m; j++) {
            mpq_init(re[j]);
            mpq_init(im[j]);
            mpq_set_d(re[j], creal(p[j])); /* exact: a double is a dyadic rational */
            mpq_set_d(im[j], cimag(p[j]));
            has[j] = 1;
        }
    }
    lcn_err_t e = write_impl(out, slp, F, nF, var_names, param_names, (const mpq_t *)re, (const mpq_t *)im, has);
    for (int j = 0; re && j < m; j++) {
        mpq_clear(re[j]);
        mpq_clear(im[j]);
    }
    lcn_free(re);
    lcn_free(im);
    lcn_free(has);
    return e;
}

lcn_err_t lcn_parsed_system_write(FILE *out, const lcn_parsed_system_t ps)
{
    return write_impl(out, ps->slp, ps->eqs, ps->neqs, (const char *const *)ps->var_names,
                      (const char *const *)ps->param_names, (const mpq_t *)ps->param_re,
                      (const mpq_t *)ps->param_im, ps->param_has_value);
}
