/* Tests of the text system format (src/slp/parse.c): exact constants,
 * evaluation against hand-computed values, error positions for malformed
 * input, limits, degrees, the files in systems/, random expressions checked
 * against direct evaluation, and random mutations that must never crash. */
#include <complex.h>
#include <math.h>
#include <stdarg.h>
#include "lcncrit/parse.h"
#include "lcncrit/rng.h"
#include "test.h"

#define STR(s) (s), (sizeof(s) - 1)

static double complex eval1(const lcn_parsed_system_t ps, int i, const double complex *x, const double complex *p)
{
    double complex v;
    lcn_slp_eval_d(&v, ps->slp, &ps->eqs[i], 1, x, p);
    return v;
}

static int close_to(double complex a, double complex b, double tol)
{
    return cabs(a - b) <= tol * (1 + cabs(b));
}

/* ---- exact constants --------------------------------------------------- */

static void test_exact_constants(void)
{
    static const struct {
        const char *text, *re, *im;
    } cases[] = {
        {"0.1*10 - 1", "0", "0"},
        {"(1/3)*3", "1", "0"},
        {"2.5e-3", "1/400", "0"},
        {"1E2", "100", "0"},
        {".5", "1/2", "0"},
        {"-0.125", "-1/8", "0"},
        {"3.0e+2/4", "75", "0"},
        {"2.", "2", "0"},
        {"1/3 + 1/6", "1/2", "0"},
        {"(1+2*I)/(3-4*I)", "-1/5", "2/5"},
        {"I^2", "-1", "0"},
        {"i*i*i", "0", "-1"},
        {"(2 - I)^3", "2", "-11"},
        {"2**10", "1024", "0"},
        {"2^64", "18446744073709551616", "0"},
        {"2432902008176640000", "2432902008176640000", "0"},
        {"-(-(+7))", "7", "0"},
        {"0.3 - 0.1 - 0.2", "0", "0"},
        {"1e-30*1e30", "1", "0"},
        {"(1/7)^(3)", "1/343", "0"},
    };
    mpq_t re, im, ere, eim;
    mpq_inits(re, im, ere, eim, NULL);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_constant(re, im, cases[k].text, strlen(cases[k].text), err);
        CHECK(e == LCN_OK, "'%s': %s", cases[k].text, err->msg);
        if (e) continue;
        mpq_set_str(ere, cases[k].re, 10);
        mpq_set_str(eim, cases[k].im, 10);
        mpq_canonicalize(ere);
        mpq_canonicalize(eim);
        CHECK(mpq_equal(re, ere) && mpq_equal(im, eim), "'%s' gave %s + %s i, expected %s + %s i", cases[k].text,
              mpq_get_str(NULL, 10, re), mpq_get_str(NULL, 10, im), cases[k].re, cases[k].im);
    }
    mpq_clears(re, im, ere, eim, NULL);

    /* Inside a system the same folding makes whole equations exact. */
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t err;
    lcn_err_t e = lcn_parse_system(ps, STR("variables x;\n0.1*10*x - x;\n(1/3)*3*x - x = 0;\nx*(0.1 + 0.2 - 0.3);"), err);
    CHECK(e == LCN_OK && ps->neqs == 3, "exact system: %s", err->msg);
    for (int i = 0; e == LCN_OK && i < 3; i++) CHECK(lcn_slp_is_zero(ps->slp, ps->eqs[i]), "equation %d is not exactly 0", i + 1);
    lcn_parsed_system_clear(ps);
}

/* ---- evaluation against hand-computed values ---------------------------- */

static void test_eval(void)
{
    const char text[] = "# a small system\n"
                        "variables x, y;\n"
                        "parameters a = 2, b;   # b has no value\n"
                        "x^2 + y^2 - 1;\n"
                        "(1/3)*x*y + 2.5e-3*y - I*a;\n"
                        "-x^3 + 2*(x - y)^2 / 4 = b;\n"
                        "x**2*y - 7/8 + i*b";
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t err;
    lcn_err_t e = lcn_parse_system(ps, STR(text), err);
    CHECK(e == LCN_OK, "parse: %d:%d: %s", err->line, err->column, err->msg);
    if (e) return;
    CHECK(ps->nvars == 2 && ps->nparams == 2 && ps->neqs == 4, "counts %d %d %d", ps->nvars, ps->nparams, ps->neqs);
    CHECK(!strcmp(ps->var_names[0], "x") && !strcmp(ps->var_names[1], "y"), "variable names");
    CHECK(!strcmp(ps->param_names[0], "a") && !strcmp(ps->param_names[1], "b"), "parameter names");
    CHECK(ps->param_has_value[0] && !ps->param_has_value[1], "parameter values flags");
    CHECK(mpq_cmp_si(ps->param_re[0], 2, 1) == 0 && mpq_sgn(ps->param_im[0]) == 0, "a = 2");
    CHECK(ps->eq_line[0] == 4 && ps->eq_line[3] == 7, "equation lines %d %d", ps->eq_line[0], ps->eq_line[3]);
    CHECK(lcn_parsed_system_find_param(ps, "b") == 1 && lcn_parsed_system_find_param(ps, "x") == -1, "find_param");
    double complex p[2];
    CHECK(lcn_parsed_system_param_values_d(p, ps, err) == LCN_ERR_ARG && strstr(err->msg, "'b'"),
          "missing value of b not reported: %s", err->msg);

    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 7);
    for (int it = 0; it < 20; it++) {
        double complex x[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)};
        double complex q[2] = {2, lcn_rng_cnormal(rng)};
        double complex X = x[0], Y = x[1], a = q[0], b = q[1];
        double complex want[4] = {X * X + Y * Y - 1, X * Y / 3 + 0.0025 * Y - I * a,
                                  -X * X * X + 2 * (X - Y) * (X - Y) / 4 - b, X * X * Y - 0.875 + I * b};
        for (int i = 0; i < 4; i++) {
            double complex got = eval1(ps, i, x, q);
            CHECK(close_to(got, want[i], 1e-13), "equation %d at x=(%g%+gi, %g%+gi): %g%+gi, expected %g%+gi", i + 1,
                  creal(X), cimag(X), creal(Y), cimag(Y), creal(got), cimag(got), creal(want[i]), cimag(want[i]));
        }
    }
    lcn_parsed_system_clear(ps);
}

/* ---- compiled system: F and the Jacobian by hand ------------------------ */

static void test_compile(void)
{
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t err;
    lcn_err_t e = lcn_parse_system(ps, STR("variables x, y; parameters c = 1/2 - I;\n"
                                           "x^3*y - c*y^2 + 1;\n"
                                           "(x + 2*y)^2 = c*x;"),
                                   err);
    CHECK(e == LCN_OK, "parse: %s", err->msg);
    if (e) return;
    lcn_system_t sys;
    e = lcn_parsed_system_compile(sys, ps, err);
    CHECK(e == LCN_OK, "compile: %s", err->msg);
    if (!e) {
        double complex p[1];
        CHECK(lcn_parsed_system_param_values_d(p, ps, err) == LCN_OK && p[0] == 0.5 - I, "parameter value c");
        CHECK(sys->degrees[0] == 4 && sys->degrees[1] == 2, "degrees %d %d", sys->degrees[0], sys->degrees[1]);
        CHECK(sys->var_names && !strcmp(sys->var_names[1], "y"), "names copied to the system");
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, sys);
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 8);
        for (int it = 0; it < 10; it++) {
            double complex x[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)}, F[2], J[4], Jp[2];
            double complex X = x[0], Y = x[1], c = p[0];
            lcn_system_eval_d(F, J, Jp, sys, ws, x, p);
            double complex wantF[2] = {X * X * X * Y - c * Y * Y + 1, (X + 2 * Y) * (X + 2 * Y) - c * X};
            /* column-major: J[i + 2 j] = dF_i/dx_j */
            double complex wantJ[4] = {3 * X * X * Y, 2 * (X + 2 * Y) - c, X * X * X - 2 * c * Y, 4 * (X + 2 * Y)};
            double complex wantJp[2] = {-Y * Y, -X};
            for (int i = 0; i < 2; i++) CHECK(close_to(F[i], wantF[i], 1e-13), "F%d", i);
            for (int i = 0; i < 4; i++) CHECK(close_to(J[i], wantJ[i], 1e-13), "J[%d]", i);
            for (int i = 0; i < 2; i++) CHECK(close_to(Jp[i], wantJp[i], 1e-13), "Jp[%d]", i);
        }
        lcn_system_ws_clear(ws);
    }
    lcn_system_clear(sys);
    lcn_parsed_system_clear(ps);

    /* Systems that cannot be solved are refused with a reason. */
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"variables x, y; x + y;", "1 equation in 2 variables"},
        {"variables x; x; x - 1;", "2 equations in 1 variable"},
        {"", "no equations"},
        {"variables x, y; x*y; 3 + 0*y;", "equation 2 does not involve"},
        {"variables x; x - x + 1;", "equation 1 does not involve"},
        {"variables x, y; x - 1; x + 1;", "variable 'y' does not appear in any equation"},
        {"variables x, y; y*0 + x - 1; x + 1;", "variable 'y' does not appear"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        lcn_parsed_system_init(ps);
        e = lcn_parse_system(ps, bad[k].text, strlen(bad[k].text), err);
        CHECK(e == LCN_OK, "'%s' should parse: %s", bad[k].text, err->msg);
        e = lcn_parsed_system_compile(sys, ps, err);
        CHECK(e == LCN_ERR_ARG && strstr(err->msg, bad[k].msg), "'%s': got %d '%s', expected '%s'", bad[k].text, e,
              err->msg, bad[k].msg);
        lcn_system_clear(sys);
        lcn_parsed_system_clear(ps);
    }
}

/* ---- malformed input: every case is an error at a known place ----------- */

typedef struct {
    const char *text;
    size_t len; /* 0: strlen */
    lcn_err_t code;
    int line, col;
    const char *msg;
} bad_case;

static void test_errors(void)
{
    static const char nul[] = "variables x;\nx\0;";
    static const bad_case cases[] = {
        {"variables x;\nx + ;", 0, LCN_ERR_PARSE, 2, 5, "expected a number, a name or '(' but found ';'"},
        {"variables x, y;\n(x + y;", 0, LCN_ERR_PARSE, 2, 7, "expected ')' but found ';'"},
        {"variables x;\n(x + 1", 0, LCN_ERR_PARSE, 2, 7, "expected ')' but found end of input"},
        {"variables x;\nx + y;", 0, LCN_ERR_PARSE, 2, 5, "unknown name 'y'"},
        {"variables x;\n2x;", 0, LCN_ERR_PARSE, 2, 2, "implicit multiplication"},
        {"variables x;\nx^-1;", 0, LCN_ERR_PARSE, 2, 3, "expected a nonnegative integer exponent but found '-'"},
        {"variables x;\nx^1.5;", 0, LCN_ERR_PARSE, 2, 3, "expected a nonnegative integer exponent"},
        {"variables x;\nx^(x);", 0, LCN_ERR_PARSE, 2, 4, "expected a nonnegative integer exponent but found name 'x'"},
        {"variables x;\nx^1001;", 0, LCN_ERR_PARSE, 2, 3, "exponent 1001 exceeds the limit 1000"},
        {"variables x;\nx^99999999999999999999999;", 0, LCN_ERR_PARSE, 2, 3, "exceeds the limit"},
        {"variables x;\nx/x;", 0, LCN_ERR_PARSE, 2, 3, "division by a non-constant"},
        {"variables x;\nx/(1-1);", 0, LCN_ERR_PARSE, 2, 3, "division by zero"},
        {"variables x, x;", 0, LCN_ERR_PARSE, 1, 14, "'x' is already declared (line 1, column 11)"},
        {"variables x; parameters x;", 0, LCN_ERR_PARSE, 1, 25, "already declared"},
        {"variables i;", 0, LCN_ERR_PARSE, 1, 11, "imaginary unit"},
        {"variables x, I;", 0, LCN_ERR_PARSE, 1, 14, "imaginary unit"},
        {"variables parameters;", 0, LCN_ERR_PARSE, 1, 11, "keyword"},
        {"variables x;\nx;\nvariables y;", 0, LCN_ERR_PARSE, 3, 1, "before the equations (the first equation is on line 2)"},
        {"variables x;\nx $ 1;", 0, LCN_ERR_PARSE, 2, 3, "unexpected character '$'"},
        {"variables x;\nx^2^3;", 0, LCN_ERR_PARSE, 2, 4, "chained '^'"},
        {"variables x;\nx = 1 = 2;", 0, LCN_ERR_PARSE, 2, 7, "expected an operator or ';' but found '='"},
        {"variables x\nx;", 0, LCN_ERR_PARSE, 2, 1, "expected ',' or ';' but found name 'x'"},
        {"variables x;\n(x^100)^11;", 0, LCN_ERR_PARSE, 2, 8, "degree of this expression exceeds the limit 1000"},
        {"variables x;\nx^600*x^600;", 0, LCN_ERR_PARSE, 2, 6, "degree"},
        {"parameters a = x;", 0, LCN_ERR_PARSE, 1, 16, "a constant is expected here"},
        {"parameters a = 1 b;", 0, LCN_ERR_PARSE, 1, 18, "expected ',', '=' or ';' but found name 'b'"},
        {"variables x;\nx y;", 0, LCN_ERR_PARSE, 2, 3, "expected an operator, '=' or ';' but found name 'y'"},
        {"variables x;\n(x)(x);", 0, LCN_ERR_PARSE, 2, 4, "expected an operator, '=' or ';' but found '('"},
        {"variables x;\n1.2.3*x;", 0, LCN_ERR_PARSE, 2, 4, "malformed number"},
        {nul, sizeof nul - 1, LCN_ERR_PARSE, 2, 2, "NUL byte"},
        {"variables x;\nx + 1e99999;", 0, LCN_ERR_LIMIT, 2, 5, "decimal exponent"},
        {"variables;", 0, LCN_ERR_PARSE, 1, 10, "expected a variable name but found ';'"},
        {"variables x;\n(10^900)^900*x;", 0, LCN_ERR_LIMIT, 2, 9, "bits"},
        {"variables x;\nx + \xc3\xa9;", 0, LCN_ERR_PARSE, 2, 5, "byte 0xc3"},
        {"variables x;\nx + \x01;", 0, LCN_ERR_PARSE, 2, 5, "control character 0x01"},
        {"variables x;\nx + variables;", 0, LCN_ERR_PARSE, 2, 5, "keyword"},
        {"variables x;\n  x +\n\t* 2;", 0, LCN_ERR_PARSE, 3, 2, "expected a number, a name or '(' but found '*'"},
        {"variables x;\r\nx + ;", 0, LCN_ERR_PARSE, 2, 5, "found ';'"},
        {"x;", 0, LCN_ERR_PARSE, 1, 1, "unknown name 'x'"},
        {"variables x;\n.;", 0, LCN_ERR_PARSE, 2, 1, "unexpected character '.'"},
    };
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const bad_case *c = &cases[k];
        size_t len = c->len ? c->len : strlen(c->text);
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_system(ps, c->text, len, err);
        CHECK(e == c->code && err->line == c->line && err->column == c->col && strstr(err->msg, c->msg),
              "case %zu '%s': got %d at %d:%d '%s'; expected %d at %d:%d '%s'", k, c->text, e, err->line, err->column,
              err->msg, c->code, c->line, c->col, c->msg);
        CHECK(ps->nvars == 0 && ps->neqs == 0 && ps->nparams == 0, "case %zu: output not emptied after an error", k);
    }
    lcn_parsed_system_clear(ps);

    mpq_t re, im;
    mpq_inits(re, im, NULL);
    lcn_parse_error_t err;
    CHECK(lcn_parse_constant(re, im, STR("1 + x"), err) == LCN_ERR_PARSE && err->column == 5, "constant with a name");
    CHECK(lcn_parse_constant(re, im, STR("1 2"), err) == LCN_ERR_PARSE && err->column == 3, "constant then junk: %s", err->msg);
    CHECK(lcn_parse_constant(re, im, STR(""), err) == LCN_ERR_PARSE, "empty constant");
    mpq_clears(re, im, NULL);
}

/* Inputs that must be accepted, with their shapes. */
static void test_accept(void)
{
    static const struct {
        const char *text;
        int nvars, nparams, neqs;
    } cases[] = {
        {"", 0, 0, 0},
        {"# only a comment", 0, 0, 0},
        {"# comment\n\n   \t\n", 0, 0, 0},
        {"variables x;;; x;", 1, 0, 1},
        {"variables x; x", 1, 0, 1},
        {"variable x; x**2 - 1;", 1, 0, 1},
        {"variables x; -(-x);", 1, 0, 1},
        {"variables x;\r\nx^(2);\r\n", 1, 0, 1},
        {"variables x, y; parameter a; parameters b = -1/3, c; a*x + b*y = 1; x - y; c;", 2, 3, 3},
        {"variables x; variables y; x; y;", 2, 0, 2},
        {"variables _a1, B_2; _a1 # comment ; not a statement end\n + B_2;", 2, 0, 1},
        {"variables x; x^0 + x^1000 - 2;", 1, 0, 1},
        {"variables x; x # comment with \xff bytes\n;", 1, 0, 1},
    };
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_system(ps, cases[k].text, strlen(cases[k].text), err);
        CHECK(e == LCN_OK, "case %zu '%s': %d:%d: %s", k, cases[k].text, err->line, err->column, err->msg);
        CHECK(ps->nvars == cases[k].nvars && ps->nparams == cases[k].nparams && ps->neqs == cases[k].neqs,
              "case %zu '%s': shape %d %d %d", k, cases[k].text, ps->nvars, ps->nparams, ps->neqs);
    }
    lcn_parsed_system_clear(ps);
}

/* ---- limits: deep nesting, huge input ---------------------------------- */

static void test_limits(void)
{
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t err;
    /* 100000 nested parentheses: refused at the depth limit, no stack overflow. */
    size_t depth = 100000, n = 0;
    char *s = malloc(2 * depth + 64);
    n += (size_t)sprintf(s, "variables x;\n");
    for (size_t i = 0; i < depth; i++) s[n++] = '(';
    s[n++] = 'x';
    for (size_t i = 0; i < depth; i++) s[n++] = ')';
    lcn_err_t e = lcn_parse_system(ps, s, n, err);
    CHECK(e == LCN_ERR_LIMIT && strstr(err->msg, "nesting") && err->line == 2 && err->column == LCN_PARSE_MAX_DEPTH + 1,
          "deep nesting: %d %d:%d %s", e, err->line, err->column, err->msg);
    /* The same with unary minus. */
    n = (size_t)sprintf(s, "variables x;\n");
    for (size_t i = 0; i < depth; i++) s[n++] = '-';
    s[n++] = 'x';
    e = lcn_parse_system(ps, s, n, err);
    CHECK(e == LCN_ERR_LIMIT && strstr(err->msg, "nesting"), "deep unary minus: %d %s", e, err->msg);
    /* Just below the limit is fine. */
    n = (size_t)sprintf(s, "variables x;\n");
    for (size_t i = 0; i < LCN_PARSE_MAX_DEPTH - 1; i++) s[n++] = '(';
    s[n++] = 'x';
    for (size_t i = 0; i < LCN_PARSE_MAX_DEPTH - 1; i++) s[n++] = ')';
    e = lcn_parse_system(ps, s, n, err);
    CHECK(e == LCN_OK, "nesting %d: %s", LCN_PARSE_MAX_DEPTH - 1, err->msg);
    free(s);

    /* Input larger than the limit is refused before it is looked at. */
    size_t big = (size_t)LCN_PARSE_MAX_BYTES + 1;
    char *b = malloc(big);
    memset(b, ' ', big);
    e = lcn_parse_system(ps, b, big, err);
    CHECK(e == LCN_ERR_LIMIT && strstr(err->msg, "exceeds the limit"), "huge input: %d %s", e, err->msg);
    free(b);

    /* A literal whose exact value needs more than LCN_PARSE_MAX_CONST_BITS:
     * 10000 digits over 10^10000 is about 66400 bits. */
    char *num = malloc(LCN_PARSE_MAX_NUMBER + 64);
    n = (size_t)sprintf(num, "variables x;\nx - ");
    for (int i = 0; i < LCN_PARSE_MAX_NUMBER - 7; i++) num[n++] = (char)('1' + i % 9);
    n += (size_t)sprintf(num + n, "e-9999;");
    e = lcn_parse_system(ps, num, n, err);
    CHECK(e == LCN_ERR_LIMIT && strstr(err->msg, "bits") && err->line == 2 && err->column == 5,
          "huge literal: %d %d:%d %s", e, err->line, err->column, err->msg);
    /* one digit less in the exponent fits */
    n = (size_t)sprintf(num, "variables x;\nx - 123456789e-9999;");
    e = lcn_parse_system(ps, num, n, err);
    CHECK(e == LCN_OK, "1.2e-9991: %s", err->msg);
    free(num);

    /* A long name. */
    char name[LCN_PARSE_MAX_NAME + 32];
    n = (size_t)sprintf(name, "variables ");
    for (int i = 0; i < LCN_PARSE_MAX_NAME + 1; i++) name[n++] = 'a';
    e = lcn_parse_system(ps, name, n, err);
    CHECK(e == LCN_ERR_LIMIT && strstr(err->msg, "name longer"), "long name: %d %s", e, err->msg);
    lcn_parsed_system_clear(ps);
}

/* ---- degrees --------------------------------------------------------------- */

static void test_degree(void)
{
    static const struct {
        const char *eq;
        int degree;
    } cases[] = {
        {"x*y^2 + 1", 3}, {"(x + 1)^5*(y - 2)^2", 7}, {"a*x + b", 1}, {"a^7*x^2 - y", 2},
        {"3", 0},         {"x^0", 0},                 {"(x*y)^4/5", 8}, {"-(x - y)^3 = x", 3},
    };
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[256];
        snprintf(text, sizeof text, "variables x, y; parameters a, b; %s;", cases[k].eq);
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_system(ps, text, strlen(text), err);
        CHECK(e == LCN_OK && ps->neqs == 1, "'%s': %s", cases[k].eq, err->msg);
        if (!e) CHECK(lcn_parsed_system_degree(ps, 0) == cases[k].degree, "'%s': degree %d, expected %d", cases[k].eq,
                      lcn_parsed_system_degree(ps, 0), cases[k].degree);
    }
    lcn_parsed_system_clear(ps);
}

/* ---- the files in systems/ ------------------------------------------------- */

static void test_files(void)
{
    const char *dir = getenv("LCN_SYSTEMS_DIR");
    if (!dir) dir = "systems";
    /* Bezout numbers and shapes from the definitions in each file's header;
     * known solutions from closed forms. */
    const double complex w5 = cexp(2 * M_PI * I / 5);
    static const struct {
        const char *file;
        int nvars, nparams, bezout, nsol;
        double complex sol[7];
    } cases[] = {
        {"cyclic5.txt", 5, 0, 120, 0, {0}},
        {"cyclic6.txt", 6, 0, 720, 0, {0}},
        {"katsura5.txt", 6, 0, 32, 1, {1, 0, 0, 0, 0, 0}},
        {"katsura6.txt", 7, 0, 64, 1, {1, 0, 0, 0, 0, 0, 0}},
        {"wilkinson20.txt", 1, 0, 20, 0, {0}},
        {"dense222.txt", 3, 0, 8, 0, {0}},
        {"double_root.txt", 2, 0, 2, 1, {1, 0}},
        {"infinity.txt", 2, 0, 2, 1, {1.25, -0.75}},
        {"params.txt", 2, 2, 2, 1, {2, 1}},
        {"complex.txt", 2, 0, 2, 1, {1 + I, -1 + I}},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, cases[k].file);
        lcn_parsed_system_t ps;
        lcn_parsed_system_init(ps);
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_file(ps, path, err);
        CHECK(e == LCN_OK, "%s:%d:%d: %s", path, err->line, err->column, err->msg);
        if (e) {
            lcn_parsed_system_clear(ps);
            continue;
        }
        CHECK(ps->nvars == cases[k].nvars && ps->neqs == cases[k].nvars && ps->nparams == cases[k].nparams,
              "%s: shape %d %d %d", path, ps->nvars, ps->neqs, ps->nparams);
        long bez = 1;
        for (int i = 0; i < ps->neqs; i++) bez *= lcn_parsed_system_degree(ps, i);
        CHECK(bez == cases[k].bezout, "%s: total degree %ld, expected %d", path, bez, cases[k].bezout);
        double complex p[4] = {0};
        CHECK(lcn_parsed_system_param_values_d(p, ps, err) == LCN_OK, "%s: %s", path, err->msg);
        if (cases[k].nsol) {
            double complex F[8];
            lcn_slp_eval_d(F, ps->slp, ps->eqs, (size_t)ps->neqs, cases[k].sol, p);
            for (int i = 0; i < ps->neqs; i++) CHECK(cabs(F[i]) < 1e-14, "%s: F%d = %g at the known solution", path, i, cabs(F[i]));
        }
        lcn_parsed_system_clear(ps);
    }

    /* cyclic-5 vanishes at (1, w, w^2, w^3, w^4), w = exp(2 pi i/5). */
    {
        char path[4096];
        snprintf(path, sizeof path, "%s/cyclic5.txt", dir);
        lcn_parsed_system_t ps;
        lcn_parsed_system_init(ps);
        lcn_parse_error_t err;
        if (lcn_parse_file(ps, path, err) == LCN_OK) {
            double complex z[5], F[5];
            for (int j = 0; j < 5; j++) z[j] = cpow(w5, j);
            lcn_slp_eval_d(F, ps->slp, ps->eqs, 5, z, NULL);
            for (int i = 0; i < 5; i++) CHECK(cabs(F[i]) < 1e-13, "cyclic5: F%d = %g at the roots of unity", i, cabs(F[i]));
        }
        lcn_parsed_system_clear(ps);
    }

    /* Wilkinson: coefficients up to 20! are exact, so in MPC at 256 bits
     * (ample for integers below 2^100) the value at x = 1..20 is exactly 0. */
    {
        char path[4096];
        snprintf(path, sizeof path, "%s/wilkinson20.txt", dir);
        lcn_parsed_system_t ps;
        lcn_parsed_system_init(ps);
        lcn_parse_error_t err;
        if (lcn_parse_file(ps, path, err) == LCN_OK) {
            mpc_t x, v;
            mpc_init2(x, 256);
            mpc_init2(v, 256);
            for (int r = 1; r <= 20; r++) {
                mpc_set_si(x, r, MPC_RNDNN);
                lcn_slp_eval_mp(&v, ps->slp, ps->eqs, 1, (const mpc_t *)&x, NULL, 256);
                CHECK(mpfr_zero_p(mpc_realref(v)) && mpfr_zero_p(mpc_imagref(v)), "wilkinson(%d) != 0", r);
            }
            mpc_set_si(x, 21, MPC_RNDNN); /* 20! exactly */
            lcn_slp_eval_mp(&v, ps->slp, ps->eqs, 1, (const mpc_t *)&x, NULL, 256);
            CHECK(mpfr_cmp_d(mpc_realref(v), 2432902008176640000.0) == 0, "wilkinson(21) != 20!");
            mpc_clear(x);
            mpc_clear(v);
        }
        lcn_parsed_system_clear(ps);
    }

    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t err;
    CHECK(lcn_parse_file(ps, "/nonexistent/file.txt", err) == LCN_ERR_IO && strstr(err->msg, "cannot open"),
          "missing file: %s", err->msg);
    lcn_parsed_system_clear(ps);
}

/* ---- random expressions against direct evaluation ---------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = 2 * (b->len + (size_t)n + 1);
        b->buf = realloc(b->buf, b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Print a random expression and return its value at (x, p); *mag collects
 * the size of the intermediate values for the error bound. */
static double complex rand_expr(sbuf *b, lcn_rng_t rng, int depth, const double complex *x, const double complex *p,
                                double *mag)
{
    uint64_t kind = depth <= 0 ? lcn_rng_below(rng, 4) : lcn_rng_below(rng, 11);
    double complex v, a, c;
    switch (kind) {
    case 0: { /* a decimal with an exponent, m/1000 * 10^e */
        long m = (long)lcn_rng_below(rng, 2000) - 1000;
        int e = (int)lcn_rng_below(rng, 5) - 2;
        sb_printf(b, "%s%ld.%03lde%d", m < 0 ? "-" : "", labs(m) / 1000, labs(m) % 1000, e);
        v = (double)m / 1000 * pow(10, e);
        break;
    }
    case 1: sb_printf(b, "x"); v = x[0]; break;
    case 2: sb_printf(b, "y"); v = x[1]; break;
    case 3: sb_printf(b, "(a)"); v = p[0]; break;
    case 4: sb_printf(b, "("); a = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, " + ");
        c = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, ")"); v = a + c; break;
    case 5: sb_printf(b, "("); a = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, " - ");
        c = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, ")"); v = a - c; break;
    case 6: case 7: sb_printf(b, "("); a = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, "*");
        c = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, ")"); v = a * c; break;
    case 8: { int e = (int)lcn_rng_below(rng, 4); sb_printf(b, "("); a = rand_expr(b, rng, depth - 1, x, p, mag);
        sb_printf(b, ")^%d", e); v = cpow(a, e); if (e == 0) v = 1; break; }
    case 9: { int d = 1 + (int)lcn_rng_below(rng, 9); sb_printf(b, "("); a = rand_expr(b, rng, depth - 1, x, p, mag);
        sb_printf(b, ")/%d", d); v = a / d; break; }
    default: sb_printf(b, "-("); a = rand_expr(b, rng, depth - 1, x, p, mag); sb_printf(b, " - %sI)", "2*");
        v = -(a - 2 * I); break;
    }
    if (cabs(v) > *mag) *mag = cabs(v);
    return v;
}

static void test_random_expressions(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 9);
    sbuf b = {0};
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    for (long it = 0; it < 300 * lcn_test_multiplier(); it++) {
        double complex x[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)}, p[1] = {lcn_rng_cnormal(rng)};
        double mag = 1;
        b.len = 0;
        sb_printf(&b, "variables x, y;\nparameters a;\n");
        double complex want = rand_expr(&b, rng, 1 + (int)lcn_rng_below(rng, 6), x, p, &mag);
        sb_printf(&b, ";\n");
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_system(ps, b.buf, b.len, err);
        CHECK(e == LCN_OK, "random expression %ld: %d:%d: %s\n%s", it, err->line, err->column, err->msg, b.buf);
        if (e) continue;
        double complex got = eval1(ps, 0, x, p);
        CHECK(cabs(got - want) <= 1e-12 * mag, "random expression %ld at x=(%g%+gi, %g%+gi), a=%g%+gi: %.17g%+.17gi, "
              "expected %.17g%+.17gi\n%s", it, creal(x[0]), cimag(x[0]), creal(x[1]), cimag(x[1]), creal(p[0]),
              cimag(p[0]), creal(got), cimag(got), creal(want), cimag(want), b.buf);
    }
    lcn_parsed_system_clear(ps);
    free(b.buf);
}

/* Random mutations of valid text (bytes replaced, inserted, deleted,
 * including NUL and non-ASCII) must give either a system or an error with a
 * position inside the input; never a crash. Under valgrind or the sanitizers
 * this also checks memory safety. */
static void test_mutations(void)
{
    static const char *seeds[] = {
        "variables x, y;\nparameters a = 1/2 + I, b;\nx^2 + y^2 - 1;\n(1/3)*x*y + 2.5e-3 = I*a*b;\n",
        "# comment\nvariable z; z**3 - 2*(z - 1)^2/7 + .5e1;",
        "variables u0, u1; u0 + 2*u1 - 1; u0*u0 + 2*u1*u1 - u0;",
    };
    static const char alphabet[] = "xyzab0123456789.eE+-*/^()=;,# \n\tIi\0\xff";
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 10);
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    char buf[512];
    long ok = 0, bad = 0;
    for (long it = 0; it < 3000 * lcn_test_multiplier(); it++) {
        const char *s = seeds[lcn_rng_below(rng, 3)];
        size_t n = strlen(s);
        memcpy(buf, s, n);
        int muts = 1 + (int)lcn_rng_below(rng, 4);
        for (int m = 0; m < muts; m++) {
            uint64_t what = lcn_rng_below(rng, 3);
            size_t at = (size_t)lcn_rng_below(rng, n + 1);
            char c = alphabet[lcn_rng_below(rng, sizeof alphabet - 1)];
            if (what == 0 && at < n) buf[at] = c;
            else if (what == 1 && n + 1 < sizeof buf) {
                memmove(buf + at + 1, buf + at, n - at);
                buf[at] = c;
                n++;
            } else if (what == 2 && at < n) {
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
            }
        }
        lcn_parse_error_t err;
        lcn_err_t e = lcn_parse_system(ps, buf, n, err);
        if (e == LCN_OK) {
            ok++;
            CHECK(ps->nvars >= 0 && ps->neqs >= 0, "mutation %ld: bad shape", it);
        } else {
            bad++;
            CHECK((e == LCN_ERR_PARSE || e == LCN_ERR_LIMIT) && err->line >= 1 && err->column >= 1 &&
                  err->offset <= n && err->msg[0], "mutation %ld: code %d at %d:%d (offset %zu of %zu) '%s'", it, e,
                  err->line, err->column, err->offset, n, err->msg);
        }
    }
    CHECK(ok > 0 && bad > 0, "mutations: %ld accepted, %ld refused (both should occur)", ok, bad);
    lcn_parsed_system_clear(ps);
}

/* ---- the printer: write, parse back, compare ----------------------------- */

static int32_t const_idx(const lcn_slp_struct *s, lcn_node_t f)
{
    return s->nodes[f].op == LCN_OP_CONST ? s->nodes[f].a : -1;
}

/* Write ps to memory and parse it back into back; returns the text (free it). */
static char *roundtrip(lcn_parsed_system_t back, const lcn_parsed_system_t ps, lcn_err_t *we, lcn_err_t *pe,
                       lcn_parse_error_t err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *we = lcn_parsed_system_write(f, ps);
    fclose(f);
    *pe = *we ? LCN_ERR_ARG : lcn_parse_system(back, buf, len, err);
    return buf;
}

static void test_write_roundtrip(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 11);
    sbuf b = {0};
    lcn_parsed_system_t ps, back;
    lcn_parsed_system_init(ps);
    lcn_parsed_system_init(back);
    /* random expressions */
    for (long it = 0; it < 300 * lcn_test_multiplier(); it++) {
        double complex x[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)}, p[1] = {lcn_rng_cnormal(rng)};
        double mag = 1;
        b.len = 0;
        sb_printf(&b, "variables x, y;\nparameters a = 1/3 - 2.5*I;\n");
        rand_expr(&b, rng, 1 + (int)lcn_rng_below(rng, 6), x, p, &mag);
        sb_printf(&b, ";\nx*y - a;\n");
        lcn_parse_error_t err;
        if (lcn_parse_system(ps, b.buf, b.len, err)) continue; /* checked in random_expressions */
        lcn_err_t we, pe;
        char *text = roundtrip(back, ps, &we, &pe, err);
        CHECK(we == LCN_OK && pe == LCN_OK, "roundtrip %ld: write %d, parse %d (%d:%d: %s)\ninput:\n%s\nwritten:\n%s", it,
              we, pe, err->line, err->column, err->msg, b.buf, text);
        if (we == LCN_OK && pe == LCN_OK) {
            CHECK(back->nvars == 2 && back->nparams == 1 && back->neqs == 2 && back->param_has_value[0] &&
                  mpq_equal(back->param_re[0], ps->param_re[0]) && mpq_equal(back->param_im[0], ps->param_im[0]),
                  "roundtrip %ld: shape or parameter value changed\n%s", it, text);
            double complex v0[2], v1[2];
            lcn_slp_eval_d(v0, ps->slp, ps->eqs, 2, x, p);
            lcn_slp_eval_d(v1, back->slp, back->eqs, 2, x, p);
            for (int i = 0; i < 2; i++)
                CHECK(cabs(v0[i] - v1[i]) <= 1e-12 * mag, "roundtrip %ld eq %d: %g%+gi vs %g%+gi\n%s\n%s", it, i,
                      creal(v0[i]), cimag(v0[i]), creal(v1[i]), cimag(v1[i]), b.buf, text);
        }
        free(text);
    }

    /* every file in systems/, and Wilkinson's coefficients stay exact */
    const char *dir = getenv("LCN_SYSTEMS_DIR");
    if (!dir) dir = "systems";
    static const char *files[] = {"cyclic5.txt", "katsura6.txt", "wilkinson20.txt", "dense222.txt", "params.txt",
                                  "complex.txt", "infinity.txt"};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        lcn_parse_error_t err;
        if (lcn_parse_file(ps, path, err)) {
            CHECK(0, "%s: %s", path, err->msg);
            continue;
        }
        lcn_err_t we, pe;
        char *text = roundtrip(back, ps, &we, &pe, err);
        CHECK(we == LCN_OK && pe == LCN_OK && back->neqs == ps->neqs && back->nvars == ps->nvars,
              "%s: write %d parse %d: %s\n%s", path, we, pe, err->msg, text);
        if (we == LCN_OK && pe == LCN_OK && back->neqs == ps->neqs && back->nvars == ps->nvars) {
            double complex x[8], p[4] = {0}, v0[8], v1[8];
            for (int it = 0; it < 5; it++) {
                for (int i = 0; i < ps->nvars; i++) x[i] = lcn_rng_cnormal(rng);
                CHECK(lcn_parsed_system_param_values_d(p, back, err) == LCN_OK, "%s: parameter values lost", path);
                lcn_slp_eval_d(v0, ps->slp, ps->eqs, (size_t)ps->neqs, x, p);
                lcn_slp_eval_d(v1, back->slp, back->eqs, (size_t)ps->neqs, x, p);
                for (int i = 0; i < ps->neqs; i++)
                    CHECK(close_to(v1[i], v0[i], 1e-12), "%s: equation %d differs after the round trip", path, i + 1);
            }
            if (!strcmp(files[k], "wilkinson20.txt")) {
                mpc_t xm, v;
                mpc_init2(xm, 256);
                mpc_init2(v, 256);
                for (int r = 1; r <= 20; r++) {
                    mpc_set_si(xm, r, MPC_RNDNN);
                    lcn_slp_eval_mp(&v, back->slp, back->eqs, 1, (const mpc_t *)&xm, NULL, 256);
                    CHECK(mpfr_zero_p(mpc_realref(v)) && mpfr_zero_p(mpc_imagref(v)), "written wilkinson(%d) != 0", r);
                }
                mpc_clear(xm);
                mpc_clear(v);
            }
        }
        free(text);
    }

    /* exact constants: c*x with random complex rationals c */
    for (int it = 0; it < 50; it++) {
        mpq_t re, im;
        mpq_inits(re, im, NULL);
        mpz_set_si(mpq_numref(re), (long)lcn_rng_below(rng, 2000000) - 1000000);
        mpz_set_si(mpq_denref(re), 1 + (long)lcn_rng_below(rng, 100000));
        mpz_set_si(mpq_numref(im), (long)lcn_rng_below(rng, 3) - 1); /* -1, 0, 1: the I and -I forms */
        if (it % 2) mpz_set_si(mpq_numref(im), (long)lcn_rng_below(rng, 2000) - 1000);
        mpz_set_si(mpq_denref(im), 1 + (long)lcn_rng_below(rng, 3));
        mpq_canonicalize(re);
        mpq_canonicalize(im);
        lcn_slp_t slp;
        lcn_slp_init(slp, 1, 0);
        lcn_node_t F[1] = {lcn_slp_mul(slp, lcn_slp_const_q(slp, re, im), lcn_slp_var(slp, 0))};
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        lcn_err_t e = lcn_slp_write_system(f, slp, F, 1, NULL, NULL, NULL);
        fclose(f);
        lcn_parse_error_t err;
        CHECK(e == LCN_OK && lcn_parse_system(back, buf, len, err) == LCN_OK, "constant %d: %s", it, buf);
        if (back->neqs == 1) {
            lcn_slp_struct *s2 = back->slp;
            lcn_node_t g = back->eqs[0];
            int32_t c = -1;
            if (s2->nodes[g].op == LCN_OP_MUL) {
                c = const_idx(s2, s2->nodes[g].a);
                if (c < 0) c = const_idx(s2, s2->nodes[g].b);
            } else if (s2->nodes[g].op == LCN_OP_NEG && const_idx(s2, g) < 0) {
                c = -2; /* -x: the constant was -1 */
            }
            int ok = c >= 0 ? mpq_equal(s2->cre[c], re) && mpq_equal(s2->cim[c], im)
                            : c == -2 ? mpq_cmp_si(re, -1, 1) == 0 && mpq_sgn(im) == 0
                                      : 0;
            CHECK(ok || (mpq_cmp_si(re, 1, 1) == 0 && mpq_sgn(im) == 0), "constant %d not exact after the round trip: %s",
                  it, buf);
        }
        free(buf);
        lcn_slp_clear(slp);
        mpq_clears(re, im, NULL);
    }
    lcn_parsed_system_clear(ps);
    lcn_parsed_system_clear(back);
    free(b.buf);
}

static void test_write_limits(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f;
    /* Heavy sharing: t_{k+1} = t_k^2 + x written out would be 2^40 terms. */
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t x = lcn_slp_var(slp, 0), t = x;
    for (int k = 0; k < 40; k++) t = lcn_slp_add(slp, lcn_slp_mul(slp, t, lcn_slp_add(slp, t, lcn_slp_const_si(slp, 1, 0))), x);
    f = open_memstream(&buf, &len);
    CHECK(lcn_slp_write_system(f, slp, &t, 1, NULL, NULL, NULL) == LCN_ERR_LIMIT, "exponential expansion not refused");
    fclose(f);
    CHECK(len == 0, "something was written before the limit was detected (%zu bytes)", len);
    free(buf);
    /* Invalid names. */
    const char *bad[] = {"i"}, *bad2[] = {"2x"}, *bad3[] = {"variables"}, *good[] = {"u_1"};
    buf = NULL;
    f = open_memstream(&buf, &len);
    CHECK(lcn_slp_write_system(f, slp, &x, 1, bad, NULL, NULL) == LCN_ERR_ARG, "name i accepted");
    CHECK(lcn_slp_write_system(f, slp, &x, 1, bad2, NULL, NULL) == LCN_ERR_ARG, "name 2x accepted");
    CHECK(lcn_slp_write_system(f, slp, &x, 1, bad3, NULL, NULL) == LCN_ERR_ARG, "keyword accepted as a name");
    CHECK(lcn_slp_write_system(f, slp, &x, 1, good, NULL, NULL) == LCN_OK, "name u_1 refused");
    fclose(f);
    CHECK(buf && !strcmp(buf, "variables u_1;\nu_1;\n"), "wrote '%s'", buf ? buf : "(null)");
    free(buf);
    lcn_slp_clear(slp);

    /* Horner form: nesting grows with the degree. Degree 50 round-trips;
     * degree 500 nests deeper than the parser accepts and is refused. */
    for (int deg = 50; deg <= 500; deg += 450) {
        lcn_slp_init(slp, 1, 1);
        x = lcn_slp_var(slp, 0);
        lcn_node_t h = lcn_slp_param(slp, 0);
        for (int k = 0; k < deg; k++) h = lcn_slp_add(slp, lcn_slp_mul(slp, h, x), lcn_slp_const_si(slp, k + 1, 0));
        buf = NULL;
        f = open_memstream(&buf, &len);
        double complex pv[1] = {0.5};
        lcn_err_t e = lcn_slp_write_system(f, slp, &h, 1, NULL, NULL, pv);
        fclose(f);
        if (deg == 50) {
            lcn_parsed_system_t back;
            lcn_parsed_system_init(back);
            lcn_parse_error_t err;
            CHECK(e == LCN_OK && lcn_parse_system(back, buf, len, err) == LCN_OK, "horner 50: %s", err->msg);
            if (back->neqs == 1) {
                double complex xv = 0.9 + 0.1 * I, v0, v1;
                lcn_slp_eval_d(&v0, slp, &h, 1, &xv, pv);
                lcn_slp_eval_d(&v1, back->slp, back->eqs, 1, &xv, pv);
                CHECK(close_to(v1, v0, 1e-12), "horner 50 differs");
                CHECK(!strcmp(back->param_names[0], "p0") && back->param_has_value[0] &&
                      mpq_cmp_si(back->param_re[0], 1, 2) == 0, "parameter p0 = 1/2 not written");
            }
            lcn_parsed_system_clear(back);
        } else {
            CHECK(e == LCN_ERR_LIMIT, "horner %d: %d, expected LCN_ERR_LIMIT", deg, e);
        }
        free(buf);
        lcn_slp_clear(slp);
    }
}

LCN_TEST_MAIN({"exact_constants", test_exact_constants}, {"eval", test_eval}, {"compile", test_compile},
              {"errors", test_errors}, {"accept", test_accept}, {"limits", test_limits}, {"degree", test_degree},
              {"files", test_files}, {"random_expressions", test_random_expressions},
              {"mutations", test_mutations}, {"write_roundtrip", test_write_roundtrip},
              {"write_limits", test_write_limits})
