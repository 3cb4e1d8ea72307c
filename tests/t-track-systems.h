/* Benchmark and test systems for the tracker, built with the SLP API:
 * cyclic-n, katsura-n, dense random systems, the Wilkinson polynomial and
 * small systems with known singular and infinite endpoints. Shared by
 * tests/t-track.c and bench/. Each builder initialises sys (clear it with
 * lcn_system_clear) and returns LCN_OK. */
#ifndef LCN_T_TRACK_SYSTEMS_H
#define LCN_T_TRACK_SYSTEMS_H

#include <stdio.h>
#include "lcncrit/lcncrit.h"

/* cyclic-n: sum_i prod_{j<k} x_{(i+j) mod n} = 0 for k = 1..n-1, and
 * x_0 ... x_{n-1} = 1. cyclic-5: 70 isolated solutions (total degree 120),
 * cyclic-6: 156 (total degree 720). */
lcn_err_t lcn_example_cyclic(lcn_system_t sys, int n);
/* katsura-n: unknowns x_0..x_n, x_{-m} = x_m, x_m = 0 for |m| > n;
 * sum_{l=-n}^{n} x_l = 1 and sum_l x_l x_{m-l} = x_m for m = 0..n-1.
 * 2^n solutions, all finite and regular (total degree 2^n). */
lcn_err_t lcn_example_katsura(lcn_system_t sys, int n);
/* n equations of degrees d[i] in n unknowns, every monomial of degree <=
 * d[i] with a random complex coefficient from (seed): prod d_i finite
 * regular solutions. With params != 0 the coefficients are the parameters
 * instead (m = total number of coefficients), in equation order, monomials
 * in the order of lcn_example_dense_monomials. */
lcn_err_t lcn_example_dense(lcn_system_t sys, int n, const int *d, uint64_t seed, int params);
/* prod_{i=1}^{k} (x - i) expanded, exact integer coefficients. */
lcn_err_t lcn_example_wilkinson(lcn_system_t sys, int k);
/* (x - a)^k (x - b): a root of multiplicity k at a (winding k from a
 * total-degree homotopy unless a^(k+1) = 1) and a simple root at b. */
lcn_err_t lcn_example_multiple_root(lcn_system_t sys, long a, unsigned long k, long b);
/* (x - 2)^2 (x + 3): a double root at 2 (winding 2) and a simple root -3. */
lcn_err_t lcn_example_double_root(lcn_system_t sys);
/* x y - 1 = 0, x^2 + y - 3 = 0: total degree 4, 3 finite roots
 * (x^3 - 3x + 1 = 0, y = 1/x), 1 path to infinity. */
lcn_err_t lcn_example_infinity(lcn_system_t sys);

/* Write sys's PHCpack input for the named example ("cyclic", "katsura"). */
int lcn_example_write_phc(FILE *out, const char *name, int n);

#endif
