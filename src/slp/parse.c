/* The text format for polynomial systems: a hand-written lexer and a
 * recursive-descent parser that builds SLP nodes directly (format in
 * systems/FORMAT.md, API in parse.h).
 *
 * Robustness is by construction rather than by after-the-fact checks: the
 * input is addressed by (pointer, length) and never read past len; every
 * recursion goes through parse_unary, which counts nesting depth; every node
 * that is built has its degree and, for constants, its bit size checked
 * before the operation, so neither x^1000^... nor (10^1000)^1000 can
 * allocate without bound. The first error wins and stops the parse. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "impl.h"
#include "lcncrit/parse.h"

typedef enum {
    T_EOF = 0, T_NAME, T_NUMBER, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_CARET,
    T_LPAREN, T_RPAREN, T_COMMA, T_SEMI, T_EQ
} tok_kind;

typedef struct {
    tok_kind kind;
    size_t off, len;   /* bytes of the token in the input */
    int line, col;
} token;

/* A declared name: kind 'v' (variable) or 'p' (parameter). */
typedef struct {
    const char *name; /* owned by the parsed system's name arrays */
    char kind;
    int index, line, col;
} name_entry;

typedef struct {
    const char *s;
    size_t len, pos;
    int line;
    size_t line_start;
    token cur;
    lcn_parse_error_struct *err;
    lcn_err_t code;   /* LCN_OK until the first error */
    lcn_parsed_system_struct *ps;
    lcn_slp_struct *slp;   /* where nodes are built: ps->slp, or cslp for constants */
    lcn_slp_t cslp;        /* scratch SLP without variables for constant expressions */
    int allow_names;
    int depth;
    int frozen;            /* ps->slp has been sized: no more declarations */
    int first_eq_line;
    name_entry *tab;       /* open addressing, cap a power of two */
    size_t tcap, tcount;
    size_t var_cap, par_cap, eq_cap;
} parser;

/* ---- errors ---------------------------------------------------------- */

static void fail_at(parser *P, lcn_err_t code, int line, int col, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void fail_at(parser *P, lcn_err_t code, int line, int col, size_t off, const char *fmt, ...)
{
    if (P->code != LCN_OK) return;
    P->code = code;
    if (!P->err) return;
    P->err->line = line;
    P->err->column = col;
    P->err->offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(P->err->msg, sizeof P->err->msg, fmt, ap);
    va_end(ap);
}

#define FAIL_TOK(P, t, ...) fail_at((P), LCN_ERR_PARSE, (t).line, (t).col, (t).off, __VA_ARGS__)

/* A short printable description of a token for "but found ...". */
static const char *describe(const parser *P, const token *t, char *buf, size_t n)
{
    switch (t->kind) {
    case T_EOF: snprintf(buf, n, "end of input"); break;
    case T_NAME:
        snprintf(buf, n, "name '%.*s%s'", (int)(t->len > 40 ? 40 : t->len), P->s + t->off, t->len > 40 ? "..." : "");
        break;
    case T_NUMBER:
        snprintf(buf, n, "number '%.*s%s'", (int)(t->len > 40 ? 40 : t->len), P->s + t->off, t->len > 40 ? "..." : "");
        break;
    default: snprintf(buf, n, "'%.*s'", (int)t->len, P->s + t->off); break;
    }
    return buf;
}

static void expected(parser *P, const char *what)
{
    char buf[96];
    FAIL_TOK(P, P->cur, "expected %s but found %s", what, describe(P, &P->cur, buf, sizeof buf));
}

/* ---- lexer ----------------------------------------------------------- */

static int is_name_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_name_char(int c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int col_of(const parser *P, size_t off) { return (int)(off - P->line_start) + 1; }

/* Skip blanks and comments, counting lines. */
static void skip_space(parser *P)
{
    while (P->pos < P->len) {
        unsigned char c = (unsigned char)P->s[P->pos];
        if (c == '\n') {
            P->pos++;
            if (P->line < INT32_MAX) P->line++;
            P->line_start = P->pos;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            P->pos++;
        } else if (c == '#') {
            while (P->pos < P->len && P->s[P->pos] != '\n') {
                if (P->s[P->pos] == '\0') return; /* reported by next() */
                P->pos++;
            }
        } else {
            return;
        }
    }
}

/* Advance P->cur to the next token. Lexical errors set the error and
 * produce T_EOF so that every caller stops. */
static void next(parser *P)
{
    skip_space(P);
    token *t = &P->cur;
    t->off = P->pos;
    t->line = P->line;
    t->col = col_of(P, P->pos);
    t->len = 0;
    if (P->pos >= P->len) {
        t->kind = T_EOF;
        return;
    }
    const char *s = P->s;
    size_t p = P->pos;
    unsigned char c = (unsigned char)s[p];
    if (is_name_start(c)) {
        while (p < P->len && is_name_char((unsigned char)s[p])) p++;
        t->kind = T_NAME;
        t->len = p - P->pos;
        P->pos = p;
        if (t->len > LCN_PARSE_MAX_NAME)
            fail_at(P, LCN_ERR_LIMIT, t->line, t->col, t->off, "name longer than %d characters", LCN_PARSE_MAX_NAME);
        return;
    }
    if (is_digit(c) || (c == '.' && p + 1 < P->len && is_digit((unsigned char)s[p + 1]))) {
        while (p < P->len && is_digit((unsigned char)s[p])) p++;
        if (p < P->len && s[p] == '.') {
            p++;
            while (p < P->len && is_digit((unsigned char)s[p])) p++;
        }
        if (p < P->len && (s[p] == 'e' || s[p] == 'E')) {
            size_t q = p + 1;
            if (q < P->len && (s[q] == '+' || s[q] == '-')) q++;
            if (q < P->len && is_digit((unsigned char)s[q])) {
                p = q;
                while (p < P->len && is_digit((unsigned char)s[p])) p++;
            }
        }
        t->kind = T_NUMBER;
        t->len = p - P->pos;
        P->pos = p;
        if (t->len > LCN_PARSE_MAX_NUMBER) {
            fail_at(P, LCN_ERR_LIMIT, t->line, t->col, t->off, "number longer than %d characters", LCN_PARSE_MAX_NUMBER);
        } else if (p < P->len && (is_name_start((unsigned char)s[p]) || s[p] == '.')) {
            if (s[p] == '.')
                fail_at(P, LCN_ERR_PARSE, t->line, col_of(P, p), p, "malformed number: unexpected '.'");
            else
                fail_at(P, LCN_ERR_PARSE, t->line, col_of(P, p), p,
                        "implicit multiplication is not supported: write '%.*s*%c...'",
                        (int)(t->len > 20 ? 20 : t->len), s + t->off, s[p]);
        }
        return;
    }
    t->len = 1;
    P->pos = p + 1;
    switch (c) {
    case '+': t->kind = T_PLUS; return;
    case '-': t->kind = T_MINUS; return;
    case '*':
        if (p + 1 < P->len && s[p + 1] == '*') { /* ** is a synonym of ^ */
            t->kind = T_CARET;
            t->len = 2;
            P->pos = p + 2;
        } else {
            t->kind = T_STAR;
        }
        return;
    case '/': t->kind = T_SLASH; return;
    case '^': t->kind = T_CARET; return;
    case '(': t->kind = T_LPAREN; return;
    case ')': t->kind = T_RPAREN; return;
    case ',': t->kind = T_COMMA; return;
    case ';': t->kind = T_SEMI; return;
    case '=': t->kind = T_EQ; return;
    default: break;
    }
    t->kind = T_EOF;
    if (c == '\0')
        fail_at(P, LCN_ERR_PARSE, t->line, t->col, t->off, "unexpected NUL byte (is this a binary file?)");
    else if (c >= 0x80)
        fail_at(P, LCN_ERR_PARSE, t->line, t->col, t->off,
                "unexpected byte 0x%02x (only ASCII is allowed outside comments)", c);
    else if (isprint(c))
        fail_at(P, LCN_ERR_PARSE, t->line, t->col, t->off, "unexpected character '%c'", c);
    else
        fail_at(P, LCN_ERR_PARSE, t->line, t->col, t->off, "unexpected control character 0x%02x", c);
}

static int tok_is(const parser *P, const char *word)
{
    size_t n = strlen(word);
    return P->cur.kind == T_NAME && P->cur.len == n && !memcmp(P->s + P->cur.off, word, n);
}

static int is_keyword_tok(const parser *P)
{
    return tok_is(P, "variables") || tok_is(P, "variable") || tok_is(P, "parameters") || tok_is(P, "parameter");
}

static int is_imag_tok(const parser *P) { return tok_is(P, "I") || tok_is(P, "i"); }

/* ---- names ----------------------------------------------------------- */

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static name_entry *name_find(const parser *P, const char *s, size_t n)
{
    if (!P->tcap) return NULL;
    size_t h = name_hash(s, n) & (P->tcap - 1);
    while (P->tab[h].name) {
        if (strlen(P->tab[h].name) == n && !memcmp(P->tab[h].name, s, n)) return &P->tab[h];
        h = (h + 1) & (P->tcap - 1);
    }
    return NULL;
}

static void name_insert(parser *P, const char *name, char kind, int index, int line, int col)
{
    if (2 * (P->tcount + 1) > P->tcap) {
        size_t ncap = P->tcap ? 2 * P->tcap : 64;
        name_entry *nt = lcn_calloc(ncap, sizeof *nt);
        for (size_t i = 0; i < P->tcap; i++) {
            if (!P->tab[i].name) continue;
            size_t h = name_hash(P->tab[i].name, strlen(P->tab[i].name)) & (ncap - 1);
            while (nt[h].name) h = (h + 1) & (ncap - 1);
            nt[h] = P->tab[i];
        }
        lcn_free(P->tab);
        P->tab = nt;
        P->tcap = ncap;
    }
    size_t h = name_hash(name, strlen(name)) & (P->tcap - 1);
    while (P->tab[h].name) h = (h + 1) & (P->tcap - 1);
    P->tab[h].name = name;
    P->tab[h].kind = kind;
    P->tab[h].index = index;
    P->tab[h].line = line;
    P->tab[h].col = col;
    P->tcount++;
}

/* ---- checked node construction --------------------------------------- */

static long const_bits(const lcn_slp_struct *slp, lcn_node_t f)
{
    int32_t c = lcn_slp_const_index(slp, f);
    if (c < 0) return 0;
    return (long)(mpz_sizeinbase(mpq_numref(slp->cre[c]), 2) + mpz_sizeinbase(mpq_denref(slp->cre[c]), 2) +
                  mpz_sizeinbase(mpq_numref(slp->cim[c]), 2) + mpz_sizeinbase(mpq_denref(slp->cim[c]), 2));
}

static int is_const(const parser *P, lcn_node_t f) { return lcn_slp_const_index(P->slp, f) >= 0; }

static int check_degree(parser *P, long deg, const token *op)
{
    if (deg > LCN_PARSE_MAX_DEGREE) {
        FAIL_TOK(P, *op, "the degree of this expression exceeds the limit %d", LCN_PARSE_MAX_DEGREE);
        return -1;
    }
    return 0;
}

static int check_bits(parser *P, long bits, const token *op)
{
    if (bits > LCN_PARSE_MAX_CONST_BITS) {
        fail_at(P, LCN_ERR_LIMIT, op->line, op->col, op->off,
                "this constant would need more than %ld bits", (long)LCN_PARSE_MAX_CONST_BITS);
        return -1;
    }
    return 0;
}

/* a op b for op in + - *, with the limits checked first; -1 on error. */
static lcn_node_t build_bin(parser *P, tok_kind op, lcn_node_t a, lcn_node_t b, const token *at)
{
    if (a < 0 || b < 0) return -1;
    long da = P->slp->degree[a], db = P->slp->degree[b];
    if (check_degree(P, op == T_STAR ? da + db : (da > db ? da : db), at)) return -1;
    if (is_const(P, a) && is_const(P, b) && check_bits(P, const_bits(P->slp, a) + const_bits(P->slp, b), at))
        return -1;
    lcn_node_t r = op == T_PLUS ? lcn_slp_add(P->slp, a, b) : op == T_MINUS ? lcn_slp_sub(P->slp, a, b)
                                                                              : lcn_slp_mul(P->slp, a, b);
    if (is_const(P, r) && check_bits(P, const_bits(P->slp, r), at)) return -1;
    return r;
}

/* a / b: only division by a nonzero constant, done exactly as a times the
 * complex rational 1/b = conj(b)/|b|^2. */
static lcn_node_t build_div(parser *P, lcn_node_t a, lcn_node_t b, const token *at, const token *bt)
{
    if (a < 0 || b < 0) return -1;
    int32_t c = lcn_slp_const_index(P->slp, b);
    if (c < 0) {
        FAIL_TOK(P, *bt, "division by a non-constant expression (only constant divisors are allowed)");
        return -1;
    }
    if (mpq_sgn(P->slp->cre[c]) == 0 && mpq_sgn(P->slp->cim[c]) == 0) {
        FAIL_TOK(P, *bt, "division by zero");
        return -1;
    }
    if (check_bits(P, 3 * const_bits(P->slp, b), at)) return -1;
    mpq_t n2, re, im;
    mpq_inits(n2, re, im, NULL);
    mpq_mul(n2, P->slp->cre[c], P->slp->cre[c]);
    mpq_mul(re, P->slp->cim[c], P->slp->cim[c]);
    mpq_add(n2, n2, re);
    mpq_div(re, P->slp->cre[c], n2);
    mpq_div(im, P->slp->cim[c], n2);
    mpq_neg(im, im);
    lcn_node_t inv = lcn_slp_const_q(P->slp, re, im);
    mpq_clears(n2, re, im, NULL);
    return build_bin(P, T_STAR, a, inv, at);
}

static lcn_node_t build_pow(parser *P, lcn_node_t a, unsigned long e, const token *at)
{
    if (a < 0) return -1;
    if (check_degree(P, (long)P->slp->degree[a] * (long)e, at)) return -1;
    if (is_const(P, a) && check_bits(P, const_bits(P->slp, a) * (long)e, at)) return -1;
    return lcn_slp_pow(P->slp, a, e);
}

/* ---- numbers --------------------------------------------------------- */

/* The exact value of a decimal literal (digits [. digits] [e [+-] digits]). */
static lcn_node_t number_node(parser *P, const token *t)
{
    const char *s = P->s + t->off;
    size_t n = t->len, i = 0;
    char *digits = lcn_malloc(n + 1);
    size_t nd = 0;
    long frac = 0, e10 = 0;
    int seen_dot = 0;
    for (; i < n && (is_digit((unsigned char)s[i]) || s[i] == '.'); i++) {
        if (s[i] == '.') {
            seen_dot = 1;
            continue;
        }
        digits[nd++] = s[i];
        if (seen_dot) frac++;
    }
    digits[nd] = '\0';
    if (i < n) { /* exponent */
        i++;
        int neg = 0;
        if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
        for (; i < n; i++) {
            e10 = 10 * e10 + (s[i] - '0');
            if (e10 > LCN_PARSE_MAX_EXP10) {
                lcn_free(digits);
                fail_at(P, LCN_ERR_LIMIT, t->line, t->col, t->off, "decimal exponent beyond +-%d",
                        LCN_PARSE_MAX_EXP10);
                return -1;
            }
        }
        if (neg) e10 = -e10;
    }
    e10 -= frac;
    mpq_t q, zero;
    mpq_inits(q, zero, NULL);
    mpz_set_str(mpq_numref(q), digits, 10);
    lcn_free(digits);
    mpz_t p10;
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)(e10 < 0 ? -e10 : e10));
    if (e10 >= 0) mpz_mul(mpq_numref(q), mpq_numref(q), p10);
    else mpz_set(mpq_denref(q), p10);
    mpq_canonicalize(q);
    mpz_clear(p10);
    long bits = (long)(mpz_sizeinbase(mpq_numref(q), 2) + mpz_sizeinbase(mpq_denref(q), 2));
    lcn_node_t r = -1;
    if (bits > LCN_PARSE_MAX_CONST_BITS)
        fail_at(P, LCN_ERR_LIMIT, t->line, t->col, t->off, "this number would need more than %ld bits",
                (long)LCN_PARSE_MAX_CONST_BITS);
    else
        r = lcn_slp_const_q(P->slp, q, zero);
    mpq_clears(q, zero, NULL);
    return r;
}

/* An exponent: a nonnegative integer literal, or one in parentheses. */
static int parse_exponent(parser *P, unsigned long *e)
{
    int paren = P->cur.kind == T_LPAREN;
    if (paren) next(P);
    if (P->code) return -1;
    const token t = P->cur;
    int ok = t.kind == T_NUMBER;
    for (size_t i = 0; ok && i < t.len; i++) ok = is_digit((unsigned char)P->s[t.off + i]);
    if (!ok) {
        expected(P, "a nonnegative integer exponent");
        return -1;
    }
    unsigned long v = 0;
    for (size_t i = 0; i < t.len; i++) {
        v = 10 * v + (unsigned long)(P->s[t.off + i] - '0');
        if (v > LCN_PARSE_MAX_DEGREE) {
            FAIL_TOK(P, t, "exponent %.*s exceeds the limit %d", (int)(t.len > 20 ? 20 : t.len), P->s + t.off,
                     LCN_PARSE_MAX_DEGREE);
            return -1;
        }
    }
    next(P);
    if (paren) {
        if (P->cur.kind != T_RPAREN) {
            expected(P, "')'");
            return -1;
        }
        next(P);
    }
    *e = v;
    return P->code ? -1 : 0;
}

/* ---- expressions ----------------------------------------------------- */

static lcn_node_t parse_expr(parser *P);

static lcn_node_t parse_primary(parser *P)
{
    const token t = P->cur;
    if (P->code) return -1;
    if (t.kind == T_NUMBER) {
        next(P);
        return P->code ? -1 : number_node(P, &t);
    }
    if (t.kind == T_LPAREN) {
        next(P);
        lcn_node_t r = parse_expr(P);
        if (r < 0) return -1;
        if (P->cur.kind != T_RPAREN) {
            expected(P, "')'");
            return -1;
        }
        next(P);
        return P->code ? -1 : r;
    }
    if (t.kind == T_NAME) {
        if (is_imag_tok(P)) {
            next(P);
            return P->code ? -1 : lcn_slp_const_si(P->slp, 0, 1);
        }
        if (!P->allow_names) {
            FAIL_TOK(P, t, "a constant is expected here (numbers and I only), but found name '%.*s'",
                     (int)(t.len > 40 ? 40 : t.len), P->s + t.off);
            return -1;
        }
        if (is_keyword_tok(P)) {
            FAIL_TOK(P, t, "'%.*s' is a keyword: declarations must start a statement", (int)t.len, P->s + t.off);
            return -1;
        }
        const name_entry *ne = name_find(P, P->s + t.off, t.len);
        if (!ne) {
            FAIL_TOK(P, t, "unknown name '%.*s' (declare it with 'variables' or 'parameters')",
                     (int)(t.len > 40 ? 40 : t.len), P->s + t.off);
            return -1;
        }
        next(P);
        if (P->code) return -1;
        return ne->kind == 'v' ? lcn_slp_var(P->slp, ne->index) : lcn_slp_param(P->slp, ne->index);
    }
    expected(P, "a number, a name or '('");
    return -1;
}

static lcn_node_t parse_power(parser *P)
{
    lcn_node_t b = parse_primary(P);
    if (b < 0 || P->cur.kind != T_CARET) return b;
    const token op = P->cur;
    next(P);
    unsigned long e;
    if (parse_exponent(P, &e)) return -1;
    if (P->cur.kind == T_CARET) {
        FAIL_TOK(P, P->cur, "chained '^' is ambiguous: use parentheses, e.g. (x^2)^3");
        return -1;
    }
    return build_pow(P, b, e, &op);
}

/* unary := ('+'|'-') unary | power. Every nested level of the grammar
 * passes through here, so this is where depth is bounded. */
static lcn_node_t parse_unary(parser *P)
{
    if (++P->depth > LCN_PARSE_MAX_DEPTH) {
        fail_at(P, LCN_ERR_LIMIT, P->cur.line, P->cur.col, P->cur.off, "nesting deeper than %d levels",
                LCN_PARSE_MAX_DEPTH);
        P->depth--;
        return -1;
    }
    lcn_node_t r;
    if (P->cur.kind == T_MINUS || P->cur.kind == T_PLUS) {
        int neg = P->cur.kind == T_MINUS;
        next(P);
        r = P->code ? -1 : parse_unary(P);
        if (r >= 0 && neg) r = lcn_slp_neg(P->slp, r);
    } else {
        r = parse_power(P);
    }
    P->depth--;
    return r;
}

static lcn_node_t parse_term(parser *P)
{
    lcn_node_t a = parse_unary(P);
    while (a >= 0 && (P->cur.kind == T_STAR || P->cur.kind == T_SLASH)) {
        const token op = P->cur;
        next(P);
        if (P->code) return -1;
        const token bt = P->cur;
        lcn_node_t b = parse_unary(P);
        a = op.kind == T_STAR ? build_bin(P, T_STAR, a, b, &op) : build_div(P, a, b, &op, &bt);
    }
    return a;
}

static lcn_node_t parse_expr(parser *P)
{
    lcn_node_t a = parse_term(P);
    while (a >= 0 && (P->cur.kind == T_PLUS || P->cur.kind == T_MINUS)) {
        const token op = P->cur;
        next(P);
        if (P->code) return -1;
        lcn_node_t b = parse_term(P);
        a = build_bin(P, op.kind, a, b, &op);
    }
    return a;
}

/* ---- statements ------------------------------------------------------ */

static void push_name(parser *P, char kind)
{
    lcn_parsed_system_struct *ps = P->ps;
    const token t = P->cur;
    if (t.kind != T_NAME) {
        expected(P, kind == 'v' ? "a variable name" : "a parameter name");
        return;
    }
    if (is_imag_tok(P)) {
        FAIL_TOK(P, t, "'%.*s' is the imaginary unit and cannot be declared", (int)t.len, P->s + t.off);
        return;
    }
    if (is_keyword_tok(P)) {
        FAIL_TOK(P, t, "'%.*s' is a keyword and cannot be declared", (int)t.len, P->s + t.off);
        return;
    }
    const name_entry *ne = name_find(P, P->s + t.off, t.len);
    if (ne) {
        FAIL_TOK(P, t, "'%s' is already declared (line %d, column %d)", ne->name, ne->line, ne->col);
        return;
    }
    if (ps->nvars + ps->nparams >= LCN_PARSE_MAX_DECLS) {
        fail_at(P, LCN_ERR_LIMIT, t.line, t.col, t.off, "more than %d variables and parameters", LCN_PARSE_MAX_DECLS);
        return;
    }
    char *name = lcn_malloc(t.len + 1);
    memcpy(name, P->s + t.off, t.len);
    name[t.len] = '\0';
    if (kind == 'v') {
        if ((size_t)ps->nvars == P->var_cap) {
            P->var_cap = P->var_cap ? 2 * P->var_cap : 8;
            ps->var_names = lcn_realloc(ps->var_names, P->var_cap * sizeof *ps->var_names);
        }
        ps->var_names[ps->nvars] = name;
        name_insert(P, name, 'v', ps->nvars++, t.line, t.col);
    } else {
        if ((size_t)ps->nparams == P->par_cap) {
            P->par_cap = P->par_cap ? 2 * P->par_cap : 8;
            ps->param_names = lcn_realloc(ps->param_names, P->par_cap * sizeof *ps->param_names);
            ps->param_has_value = lcn_realloc(ps->param_has_value, P->par_cap * sizeof *ps->param_has_value);
            ps->param_re = lcn_realloc(ps->param_re, P->par_cap * sizeof *ps->param_re);
            ps->param_im = lcn_realloc(ps->param_im, P->par_cap * sizeof *ps->param_im);
        }
        int j = ps->nparams++;
        ps->param_names[j] = name;
        ps->param_has_value[j] = 0;
        mpq_init(ps->param_re[j]);
        mpq_init(ps->param_im[j]);
        name_insert(P, name, 'p', j, t.line, t.col);
    }
    next(P);
}

/* A constant expression in the scratch SLP, copied to (re, im). */
static int parse_const_into(parser *P, mpq_t re, mpq_t im)
{
    lcn_slp_struct *save = P->slp;
    int save_allow = P->allow_names;
    P->slp = P->cslp;
    P->allow_names = 0;
    lcn_node_t r = parse_expr(P);
    P->slp = save;
    P->allow_names = save_allow;
    if (r < 0) return -1;
    int32_t c = lcn_slp_const_index(P->cslp, r);
    LCN_ASSERT(c >= 0); /* no names were allowed, so the expression folded */
    mpq_set(re, P->cslp->cre[c]);
    mpq_set(im, P->cslp->cim[c]);
    return 0;
}

static void parse_declaration(parser *P)
{
    const token kw = P->cur;
    char kind = tok_is(P, "variables") || tok_is(P, "variable") ? 'v' : 'p';
    if (P->frozen) {
        FAIL_TOK(P, kw, "declarations must come before the equations (the first equation is on line %d)",
                 P->first_eq_line);
        return;
    }
    next(P);
    for (;;) {
        if (P->code) return;
        push_name(P, kind);
        if (P->code) return;
        if (kind == 'p' && P->cur.kind == T_EQ) {
            next(P);
            if (P->code) return;
            int j = P->ps->nparams - 1;
            if (parse_const_into(P, P->ps->param_re[j], P->ps->param_im[j])) return;
            P->ps->param_has_value[j] = 1;
        }
        if (P->cur.kind != T_COMMA) break;
        next(P);
    }
    if (P->cur.kind != T_SEMI && P->cur.kind != T_EOF)
        expected(P, kind == 'p' ? "',', '=' or ';'" : "',' or ';'");
}

/* Size the SLP now that every name is known. */
static void freeze(parser *P)
{
    if (P->frozen) return;
    P->frozen = 1;
    lcn_slp_clear(P->ps->slp);
    lcn_slp_init(P->ps->slp, P->ps->nvars, P->ps->nparams);
}

static void parse_equation(parser *P)
{
    if (!P->frozen) P->first_eq_line = P->cur.line;
    freeze(P);
    const int line = P->cur.line;
    lcn_node_t lhs = parse_expr(P);
    if (lhs < 0) return;
    if (P->cur.kind == T_EQ) {
        const token op = P->cur;
        next(P);
        if (P->code) return;
        lcn_node_t rhs = parse_expr(P);
        if (rhs < 0) return;
        lhs = build_bin(P, T_MINUS, lhs, rhs, &op);
        if (lhs < 0) return;
        if (P->cur.kind != T_SEMI && P->cur.kind != T_EOF) {
            expected(P, "an operator or ';'");
            return;
        }
    } else if (P->cur.kind != T_SEMI && P->cur.kind != T_EOF) {
        expected(P, "an operator, '=' or ';'");
        return;
    }
    lcn_parsed_system_struct *ps = P->ps;
    if ((size_t)ps->neqs == P->eq_cap) {
        P->eq_cap = P->eq_cap ? 2 * P->eq_cap : 8;
        ps->eqs = lcn_realloc(ps->eqs, P->eq_cap * sizeof *ps->eqs);
        ps->eq_line = lcn_realloc(ps->eq_line, P->eq_cap * sizeof *ps->eq_line);
    }
    if (ps->neqs == INT32_MAX) {
        fail_at(P, LCN_ERR_LIMIT, line, 1, P->cur.off, "too many equations");
        return;
    }
    ps->eqs[ps->neqs] = lhs;
    ps->eq_line[ps->neqs++] = line;
}

static void parser_init(parser *P, lcn_parsed_system_struct *ps, const char *text, size_t len,
                        lcn_parse_error_struct *err)
{
    memset(P, 0, sizeof *P);
    P->s = text;
    P->len = len;
    P->line = 1;
    P->err = err;
    P->ps = ps;
    P->slp = ps ? ps->slp : NULL;
    P->allow_names = 1;
    lcn_slp_init(P->cslp, 0, 0);
    if (err) {
        err->line = err->column = 0;
        err->offset = 0;
        err->msg[0] = '\0';
    }
}

static void parser_clear(parser *P)
{
    lcn_free(P->tab);
    lcn_slp_clear(P->cslp);
}

/* ---- public ---------------------------------------------------------- */

void lcn_parsed_system_init(lcn_parsed_system_t ps)
{
    memset(ps, 0, sizeof *ps);
    lcn_slp_init(ps->slp, 0, 0);
}

void lcn_parsed_system_clear(lcn_parsed_system_t ps)
{
    lcn_slp_clear(ps->slp);
    for (int i = 0; i < ps->nvars; i++) lcn_free(ps->var_names[i]);
    for (int j = 0; j < ps->nparams; j++) {
        lcn_free(ps->param_names[j]);
        mpq_clear(ps->param_re[j]);
        mpq_clear(ps->param_im[j]);
    }
    lcn_free(ps->var_names);
    lcn_free(ps->param_names);
    lcn_free(ps->param_has_value);
    lcn_free(ps->param_re);
    lcn_free(ps->param_im);
    lcn_free(ps->eqs);
    lcn_free(ps->eq_line);
    memset(ps, 0, sizeof *ps);
}

lcn_err_t lcn_parse_system(lcn_parsed_system_t out, const char *text, size_t len, lcn_parse_error_t err)
{
    lcn_parsed_system_clear(out);
    lcn_parsed_system_init(out);
    parser P;
    parser_init(&P, out, text, len, err);
    if (len > LCN_PARSE_MAX_BYTES) {
        fail_at(&P, LCN_ERR_LIMIT, 0, 0, 0, "input of %zu bytes exceeds the limit of %u bytes", len,
                (unsigned)LCN_PARSE_MAX_BYTES);
    } else {
        next(&P);
        while (!P.code && P.cur.kind != T_EOF) {
            if (P.cur.kind == T_SEMI) { /* empty statement */
                next(&P);
                continue;
            }
            if (is_keyword_tok(&P)) parse_declaration(&P);
            else parse_equation(&P);
            if (!P.code && P.cur.kind == T_SEMI) next(&P);
        }
        if (!P.code) freeze(&P);
    }
    lcn_err_t code = P.code;
    parser_clear(&P);
    if (code) {
        lcn_parsed_system_clear(out);
        lcn_parsed_system_init(out);
    }
    return code;
}

lcn_err_t lcn_parse_constant(mpq_t re, mpq_t im, const char *text, size_t len, lcn_parse_error_t err)
{
    parser P;
    parser_init(&P, NULL, text, len, err);
    if (len > LCN_PARSE_MAX_BYTES) {
        fail_at(&P, LCN_ERR_LIMIT, 0, 0, 0, "input of %zu bytes exceeds the limit of %u bytes", len,
                (unsigned)LCN_PARSE_MAX_BYTES);
    } else {
        next(&P);
        if (!P.code && !parse_const_into(&P, re, im) && P.cur.kind != T_EOF)
            expected(&P, "an operator or the end of the constant");
    }
    lcn_err_t code = P.code;
    parser_clear(&P);
    return code;
}

int lcn_parsed_system_find_param(const lcn_parsed_system_t ps, const char *name)
{
    for (int j = 0; j < ps->nparams; j++)
        if (!strcmp(ps->param_names[j], name)) return j;
    return -1;
}

int lcn_parsed_system_degree(const lcn_parsed_system_t ps, int i)
{
    LCN_ASSERT(i >= 0 && i < ps->neqs);
    return lcn_slp_degree(ps->slp, ps->eqs[i]);
}

static lcn_err_t arg_error(lcn_parse_error_struct *err, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static lcn_err_t arg_error(lcn_parse_error_struct *err, int line, const char *fmt, ...)
{
    if (err) {
        err->line = line;
        err->column = line ? 1 : 0;
        err->offset = 0;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return LCN_ERR_ARG;
}

lcn_err_t lcn_parsed_system_compile(lcn_system_t sys, lcn_parsed_system_t ps, lcn_parse_error_t err)
{
    memset(sys, 0, sizeof *sys);
    if (ps->neqs == 0) return arg_error(err, 0, "the system has no equations");
    if (ps->neqs != ps->nvars)
        return arg_error(err, 0, "%d equation%s in %d variable%s: the system must be square", ps->neqs,
                         ps->neqs == 1 ? "" : "s", ps->nvars, ps->nvars == 1 ? "" : "s");
    for (int i = 0; i < ps->neqs; i++)
        if (lcn_slp_degree(ps->slp, ps->eqs[i]) == 0)
            return arg_error(err, ps->eq_line[i], "equation %d does not involve any variable", i + 1);
    /* A variable that no equation mentions makes every solution part of a
     * line: the homotopy could only fail on it, so say so now. */
    char *mark = lcn_malloc(ps->slp->len ? ps->slp->len : 1);
    char *used = lcn_calloc((size_t)ps->nvars, 1);
    lcn_slp_mark_needed(mark, ps->slp, ps->eqs, (size_t)ps->neqs);
    for (size_t k = 0; k < ps->slp->len; k++)
        if (ps->slp->nodes[k].op == LCN_OP_VAR && mark[k]) used[ps->slp->nodes[k].a] = 1;
    int missing = -1;
    for (int v = 0; v < ps->nvars && missing < 0; v++)
        if (!used[v]) missing = v;
    lcn_free(mark);
    lcn_free(used);
    if (missing >= 0)
        return arg_error(err, 0, "variable '%s' does not appear in any equation (the solutions would not be isolated)",
                         ps->var_names[missing]);
    lcn_err_t e = lcn_system_init_slp(sys, ps->slp, ps->eqs, ps->neqs);
    if (e) return arg_error(err, 0, "the system could not be compiled (%s)", lcn_err_string(e));
    lcn_system_set_names(sys, (const char *const *)ps->var_names, (const char *const *)ps->param_names);
    return LCN_OK;
}

lcn_err_t lcn_parsed_system_param_values_d(double complex *p, const lcn_parsed_system_t ps, lcn_parse_error_t err)
{
    for (int j = 0; j < ps->nparams; j++) {
        if (!ps->param_has_value[j])
            return arg_error(err, 0, "parameter '%s' has no value (give one as 'parameters %s = VALUE;')",
                             ps->param_names[j], ps->param_names[j]);
        p[j] = lcn_q_get_d(ps->param_re[j], ps->param_im[j]);
    }
    return LCN_OK;
}

lcn_err_t lcn_parse_file(lcn_parsed_system_t out, const char *path, lcn_parse_error_t err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        lcn_parsed_system_clear(out);
        lcn_parsed_system_init(out);
        if (err) {
            err->line = err->column = 0;
            err->offset = 0;
            snprintf(err->msg, sizeof err->msg, "cannot open: %s", strerror(errno));
        }
        return LCN_ERR_IO;
    }
    /* Read in growing chunks up to one byte past the limit, so that the
     * size check holds for pipes too and nothing beyond it is allocated. */
    size_t cap = 1 << 16, len = 0;
    char *buf = lcn_malloc(cap);
    lcn_err_t code = LCN_OK;
    int read_errno = 0;
    for (;;) {
        if (len == cap) {
            if (cap > LCN_PARSE_MAX_BYTES) break;
            cap = 2 * cap > (size_t)LCN_PARSE_MAX_BYTES + 1 ? (size_t)LCN_PARSE_MAX_BYTES + 1 : 2 * cap;
            buf = lcn_realloc(buf, cap);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        code = LCN_ERR_IO;
        read_errno = errno;
    }
    if (f != stdin) fclose(f);
    if (code == LCN_OK && len > LCN_PARSE_MAX_BYTES) {
        code = LCN_ERR_LIMIT;
        if (err) {
            err->line = err->column = 0;
            err->offset = 0;
            snprintf(err->msg, sizeof err->msg, "file larger than the limit of %u bytes (16 MiB)",
                     (unsigned)LCN_PARSE_MAX_BYTES);
        }
    } else if (code) {
        if (err) {
            err->line = err->column = 0;
            err->offset = 0;
            snprintf(err->msg, sizeof err->msg, "cannot read: %s", read_errno ? strerror(read_errno) : "read error");
        }
    }
    if (code) {
        lcn_free(buf);
        lcn_parsed_system_clear(out);
        lcn_parsed_system_init(out);
        return code;
    }
    code = lcn_parse_system(out, buf, len, err);
    lcn_free(buf);
    return code;
}
