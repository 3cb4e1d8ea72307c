/* lcncrit: the text format for polynomial systems (systems/FORMAT.md).
 *
 *     # comment to the end of the line
 *     variables x, y;
 *     parameters a = 1/2, b;      # a value is optional
 *     x^2 + y^2 - 1;              # an expression means expression = 0
 *     (1/3)*x*y + 2.5e-3 = I*a*y; # lhs = rhs means lhs - rhs = 0
 *
 * Every constant is held exactly as a complex rational (0.1 is 1/10,
 * 2.5e-3 is 1/400); I and i are the imaginary unit. The parser builds the
 * equations directly as SLP nodes (slp.h), so the double and MPC
 * evaluations of a parsed system come from the same definition.
 *
 * Malformed input of any kind gives LCN_ERR_PARSE (or LCN_ERR_LIMIT for a
 * size limit) with a line, a column and a message saying what was expected
 * and what was found; it never crashes, and work is bounded by the limits
 * below. */
#ifndef LCNCRIT_PARSE_H
#define LCNCRIT_PARSE_H

#include <complex.h>
#include <stdio.h>
#include <gmp.h>
#include "slp.h"
#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits. Input larger than these is refused with LCN_ERR_LIMIT before any
 * large allocation. */
#define LCN_PARSE_MAX_BYTES (16u << 20)   /* whole input: 16 MiB */
#define LCN_PARSE_MAX_DEPTH 200           /* nesting of parentheses and unary signs */
#define LCN_PARSE_MAX_DEGREE 1000         /* degree of any subexpression in the variables,
                                             and any exponent */
#define LCN_PARSE_MAX_NAME 128            /* characters in a name */
#define LCN_PARSE_MAX_DECLS 100000        /* variables + parameters */
#define LCN_PARSE_MAX_NUMBER 10000        /* characters in a numeric literal */
#define LCN_PARSE_MAX_EXP10 10000         /* |e| in a decimal exponent 1e-e */
#define LCN_PARSE_MAX_CONST_BITS (1L << 16) /* bits of an exact constant (num + den, re + im);
                                               small enough that exact folding stays cheap */

/* Where and why parsing failed. line and column are 1-based and count
 * bytes (a tab is one column); both are 0 when the error is not about a
 * position (e.g. a file that cannot be read). msg never ends in a newline. */
typedef struct {
    int line, column;
    size_t offset;       /* byte offset of the error in the input */
    char msg[320];
} lcn_parse_error_struct;
typedef lcn_parse_error_struct lcn_parse_error_t[1];

/* A parsed system: the SLP holding the equations, the declared names in
 * declaration order (variable i is slp variable i, parameter j is slp
 * parameter j) and the parameter values given in the text. */
typedef struct {
    lcn_slp_t slp;            /* nvars variables, nparams parameters */
    int nvars, nparams, neqs;
    char **var_names;         /* nvars NUL-terminated names */
    char **param_names;       /* nparams names */
    lcn_node_t *eqs;          /* neqs equation nodes (each = 0) */
    int *eq_line;             /* line where each equation starts */
    int *param_has_value;     /* 1 if parameter j was given a value */
    mpq_t *param_re, *param_im; /* exact values (0 when not given) */
} lcn_parsed_system_struct;
typedef lcn_parsed_system_struct lcn_parsed_system_t[1];

/* An empty system (no variables, parameters or equations). */
LCN_EXPORT void lcn_parsed_system_init(lcn_parsed_system_t ps);
LCN_EXPORT void lcn_parsed_system_clear(lcn_parsed_system_t ps);

/* Parse len bytes of text (need not be NUL-terminated; a NUL byte is an
 * error) into out, which is cleared and reinitialised first. On failure
 * returns LCN_ERR_PARSE or LCN_ERR_LIMIT, fills err (may be NULL) and
 * leaves out an empty system (safe to clear). Does not require the system
 * to be square: see lcn_parsed_system_compile. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parse_system(lcn_parsed_system_t out, const char *text, size_t len,
                                              lcn_parse_error_t err);

/* Read the file at path ("-" is standard input) and parse it. A file that
 * cannot be read gives LCN_ERR_IO, one larger than LCN_PARSE_MAX_BYTES
 * LCN_ERR_LIMIT (nothing larger than the limit is allocated); otherwise as
 * lcn_parse_system. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parse_file(lcn_parsed_system_t out, const char *path, lcn_parse_error_t err);

/* Parse a constant expression (numbers, I, + - * / ^ and parentheses; no
 * names) into an exact complex rational re + i*im (initialised mpq_t).
 * Same errors as lcn_parse_system. Used for parameter values given on the
 * command line. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parse_constant(mpq_t re, mpq_t im, const char *text, size_t len,
                                                lcn_parse_error_t err);

/* Index of the parameter called name, or -1. */
LCN_EXPORT int lcn_parsed_system_find_param(const lcn_parsed_system_t ps, const char *name);

/* Compile a square system: checks neqs == nvars >= 1 and that no equation
 * is constant (a constant equation makes the system inconsistent or
 * underdetermined), then lcn_system_init_slp and names. ps->slp is
 * extended with derivative nodes (still valid for evaluation). On failure
 * returns LCN_ERR_ARG with a message in err (line/column 0, or the line of
 * the offending equation) and sys is left safe to clear. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parsed_system_compile(lcn_system_t sys, lcn_parsed_system_t ps,
                                                       lcn_parse_error_t err);

/* The parameter values rounded to complex double (nparams entries). Returns
 * LCN_ERR_ARG with a message naming the first parameter without a value. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parsed_system_param_values_d(double complex *p, const lcn_parsed_system_t ps,
                                                              lcn_parse_error_t err);

/* Total degree of equation i (an upper bound, as lcn_slp_degree). */
LCN_EXPORT int lcn_parsed_system_degree(const lcn_parsed_system_t ps, int i);

/* Writing systems in the text format. The output parses back (with
 * lcn_parse_system) to the same polynomials with the same exact constants;
 * the SLP structure may differ (the printer uses precedence to omit
 * parentheses and may reassociate sums and products). Constants are written
 * exactly as rationals (p/q, with *I for imaginary parts).
 *
 * lcn_slp_write_system writes the nF equations F of slp (any SLP, e.g. one
 * built by another module) with the given names (NULL: x0, x1, ... and p0,
 * p1, ...; names must be valid names of the format, not keywords or I/i),
 * and parameter values p (NULL: no values; each double is written as its
 * exact binary value). Shared subexpressions are written out in full, so the
 * text is refused with LCN_ERR_LIMIT (before anything is written) when it
 * would have more than LCN_PARSE_MAX_WRITE_NODES operations. LCN_ERR_IO on a
 * write error. */
#define LCN_PARSE_MAX_WRITE_NODES (1L << 24)
LCN_EXPORT LCN_WUR lcn_err_t lcn_slp_write_system(FILE *out, const lcn_slp_t slp, const lcn_node_t *F, int nF,
                                                  const char *const *var_names, const char *const *param_names,
                                                  const double complex *p);
/* The parsed system ps, with its names and its exact parameter values. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_parsed_system_write(FILE *out, const lcn_parsed_system_t ps);

#ifdef __cplusplus
}
#endif
#endif
