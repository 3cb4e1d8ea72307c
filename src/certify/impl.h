/* Shared internals of the certify module. Never installed.
 *
 * Complex balls: a midpoint mpc_t m at the working precision and a radius
 * mpfr_t r (LCN_CERT_RAD_PREC bits, always rounded up). A ball (m, r)
 * encloses every z with |z - m| <= r. Every operation on balls returns a
 * ball that encloses all results of the exact operation on enclosed inputs:
 * the midpoint is computed by MPC with round-to-nearest (correctly rounded,
 * so each part errs by at most 2^-prec times its rounded value, a bound we
 * add only when MPC reports the part inexact) and the radius collects the
 * propagated radii and that rounding error, rounded up. */
#ifndef LCN_CERTIFY_IMPL_H
#define LCN_CERTIFY_IMPL_H

#include "lcncrit/certify.h"

#define LCN_CERT_RAD_PREC 32

typedef struct {
    mpfr_prec_t prec;
    int n, m;
    /* ball registers for program 1 (F and DF/dx) */
    size_t nregs;
    mpc_t *bm;
    mpfr_t *br;
    /* constants of the system: ball midpoints/radii at prec, rounded on demand */
    mpc_t *cm;
    mpfr_t *cr;
    mpfr_prec_t prec_c;
    size_t nconst;
    double *cabs_up;       /* |constant| rounded up, for the majorants */
    /* points, parameters, Newton and linear-algebra work at prec */
    mpc_t *x, *pm, *A, *b, *M;
    int *piv;
    /* ball temporaries */
    mpc_t tm[4];
    mpfr_t tr[4];
    mpfr_t t[6];           /* radius-precision scratch for ball ops (rounded up) */
    mpfr_t u[8];           /* scratch at prec for bounds */
    /* majorants for program 0 (F only) */
    int maxdeg;            /* degree bound D of the outputs, -1 if too large */
    int *deg;              /* degree bound per register of program 0 */
    double *maj;           /* (D+1) coefficients per register */
    double *S;             /* S[i*(D+1)+k] >= sum |Taylor coeffs of F_i of degree k| */
} lcn_cert_priv;

void lcn_cert_priv_init(lcn_cert_priv *w, const lcn_system_struct *sys, mpfr_prec_t prec);
void lcn_cert_priv_clear(lcn_cert_priv *w);
/* Only the temporaries (tm, tr, t, u) and prec: enough for the ball kernels. */
void lcn_cert_temps_init(lcn_cert_priv *w, mpfr_prec_t prec);
void lcn_cert_temps_clear(lcn_cert_priv *w);
/* Change the working precision of every mpc/mpfr buffer at prec. */
void lcn_cert_priv_set_prec(lcn_cert_priv *w, mpfr_prec_t prec);

/* Ball kernels. Outputs must not alias inputs except where said. */
void lcn_cert_ball_add(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, const mpc_t bm, const mpfr_t br,
                       int sub, lcn_cert_priv *w);
void lcn_cert_ball_mul(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, const mpc_t bm, const mpfr_t br,
                       lcn_cert_priv *w);
/* m = a^e (e >= 0); m, r must not alias am, ar. Uses tm[0..1], tr[0..1]. */
void lcn_cert_ball_pow(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, unsigned long e, lcn_cert_priv *w);
/* r += 2^-prec * |part| for each part of m that inex marks inexact. */
void lcn_cert_round_err(mpfr_t r, const mpc_t m, int inex, lcn_cert_priv *w);
/* out >= |m| + r, rounded up at out's precision (out must not alias r). */
void lcn_cert_ball_abs_up(mpfr_t out, const mpc_t m, const mpfr_t r, lcn_cert_priv *w);

/* Enclose F(x; p) and DF/dx at the exact point x (n mpc) with parameters
 * pm (m mpc, exact) by interpreting program 1 in ball arithmetic. The
 * enclosures are left in the registers; index them with sys->prog[1].out. */
void lcn_cert_ball_eval(lcn_cert_priv *w, const lcn_system_struct *sys, const mpc_t *x, const mpc_t *pm);

/* Majorants: fill w->S (n rows of D+1) at the exact point x. Returns 0 when
 * the degree bound is unusable or a bound overflowed (gamma unknown). */
int lcn_cert_majorant(lcn_cert_priv *w, const lcn_system_struct *sys, const mpc_t *x, const mpc_t *pm);

/* Dense LU with partial pivoting in MPC at w->prec on w->A (n x n,
 * column-major), pivots in w->piv. Returns 0 if a pivot is exactly zero.
 * Approximate: used only where the result is checked rigorously afterwards
 * (Newton steps, the approximate inverse). */
int lcn_cert_lu(lcn_cert_priv *w, int n);
/* Solve with the factors in w->A: b (n mpc) is overwritten by the solution. */
void lcn_cert_lu_solve(lcn_cert_priv *w, mpc_t *b, int n);

#endif
