/* lcncrit: the critical-point systems of the LCN loss (DESIGN.md §2).
 *
 * Every system here has the same shape. The end-to-end filter is
 *
 *     w(θ) = c · p(t),   p(t) = Π_i π_{S_i}(v_i(t_i))^{e_i},   v_i = E_i (1, t_i),
 *
 * a product of "factors": factor i has size k_i (a binary form of degree
 * k_i − 1), dilation S_i (π_S substitutes x^S, y^S), power e_i, and lives in
 * a random complex affine chart E_i ∈ C^{k_i×k_i} of P^{k_i−1}. The scale c is
 * the one free coordinate. Unknowns θ = (c, t_1, ..., t_r), in that order,
 * n = 1 + Σ (k_i − 1) of them.
 *
 *   (R) root locus Δ_λ: one factor per part λ_i, k_i = 2, S_i = 1, e_i = λ_i.
 *   (S) Segre neurovariety: one factor per layer, k_i = k_l, S_i = S_l, e_i = 1.
 *   (P) parameter space: the same product as (S), for any strides; solutions
 *       are reported per θ (layer filters), not per w.
 *
 * Equations (the loss gradient with the factor c divided out of the t-rows,
 * which removes the degenerate family c = 0 exactly; DESIGN §2 (R)):
 *
 *     F(θ; p) = [p, ∂p/∂t_1, ..., ∂p/∂t_{n−1}]^T · T · (c p(t) − u) = 0.
 *
 * For (S) and (P), DESIGN §2 lets layer 1 carry the scale instead of c; that
 * form has spurious solutions w_1 = 0 whenever k_1 ≤ Σ_{l≥2}(k_l−1) (e.g.
 * k = (2,4) or (2,2,2)), so we use c for every system: the nonzero critical
 * points are the same (c ≠ 0 ↔ the free layer is a nonzero multiple of a
 * chart point), and µ(θ) = 0 ↔ c = 0, which is not a solution for generic p.
 *
 * Parameters p = (u_0..u_{k−1}, then the upper triangle of the symmetric T
 * row by row): m = k + k(k+1)/2. Complex during homotopies; T stays symmetric
 * because only its upper triangle is a parameter, and the form is bilinear
 * (never conjugated). */
#ifndef LCNCRIT_CRITSYS_H
#define LCNCRIT_CRITSYS_H

#include <complex.h>
#include <stdint.h>
#include "common.h"
#include "rng.h"
#include "slp.h"
#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { LCN_CRITSYS_LOCUS = 0, LCN_CRITSYS_SEGRE = 1, LCN_CRITSYS_PARAMS = 2 } lcn_critsys_kind_t;

#define LCN_CRITSYS_MAX_FACTORS 64

typedef struct {
    lcn_critsys_kind_t kind;
    uint64_t seed;              /* the charts are drawn from (seed, stream 0x4c43) */
    int k;                      /* length of w (end-to-end filter size) */
    int r;                      /* number of factors */
    int fk[LCN_CRITSYS_MAX_FACTORS], fS[LCN_CRITSYS_MAX_FACTORS], fe[LCN_CRITSYS_MAX_FACTORS];
    /* Architecture as given (segre/params: k_l, s_l; locus: the partition in fk unused). */
    int L, arch_k[LCN_CRITSYS_MAX_FACTORS], arch_s[LCN_CRITSYS_MAX_FACTORS];
    double complex *E;          /* charts: factor i at E + off[i], k_i×k_i column-major */
    int off[LCN_CRITSYS_MAX_FACTORS];
    int toff[LCN_CRITSYS_MAX_FACTORS]; /* index in θ of t_i's first coordinate */
    int n, m;                   /* unknowns, parameters */
    long symmetry;              /* number of θ per point w: Π_j m_j! for loci, 1 otherwise */
    lcn_system_t sys;           /* F(θ; u, T): m = k + k(k+1)/2 parameters */
    /* The system of u alone: T = T0 (a random complex symmetric matrix drawn
     * from the seed, baked in as exact constants) and parameters b = T0 u
     * (k of them): F = G^T (c T0 p(t) − b), linear in b. Same unknowns; its
     * solutions at b are those of sys at (u, T) = (T0^{-1} b, T0). The
     * benches and tests run monodromy in it; lcn_gcache_obtain runs it in
     * sys, where loops can move T too (gcache.c). */
    double complex *T0;         /* k×k */
    lcn_system_t msys;
} lcn_critsys_struct;
typedef lcn_critsys_struct lcn_critsys_t[1];

/* Build a system from its factors (the general constructor behind the three
 * builders in systems/). fk[i] >= 2, fS[i] >= 1, fe[i] >= 1, 1 <= r <= 64.
 * The charts E_i and T0 are random complex matrices drawn from seed (so the
 * generic solution sets, cached per seed, depend on it). Returns LCN_ERR_ARG
 * on bad sizes (cs is then cleared-equivalent), LCN_ERR_LIMIT if k > 400. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_init_factors(lcn_critsys_t cs, lcn_critsys_kind_t kind, const int *fk,
                                                      const int *fS, const int *fe, int r, uint64_t seed);

/* (R) systems/root_locus.c: Δ_λ for the partition lambda[0..r) of n (any order;
 * it is sorted decreasingly). EDdeg(Δ_λ) · Π m_j! solutions θ, EDdeg(Δ_λ)
 * orbits of relabellings (the solver tracks one θ per orbit). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_init_locus(lcn_critsys_t cs, const int *lambda, int r, uint64_t seed);
/* The relabellings of a root locus solution θ: the θ' with w(θ') = w(θ)
 * obtained by permuting factors of equal parts (each in its own chart),
 * cs->symmetry of them, θ itself first, written to out (symmetry × n).
 * F(θ'; p) = 0 iff F(θ; p) = 0 for every p (the tangent space at w is the
 * same), so every homotopy carries the relabellings of a path's start to
 * the relabellings of its end: tracking one θ per orbit loses nothing.
 * LCN_ERR_NUMERIC if a factor lies on another's chart hyperplane at
 * infinity (a relabelling has no chart coordinates); LCN_ERR_ARG if cs is
 * not a root locus. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_relabellings(double complex *out, const lcn_critsys_t cs,
                                                      const double complex *theta);
/* (S) systems/segre.c: k[0..L), s[0..L) a reduced architecture (all k_l >= 2,
 * s_l >= 2 for l < L−1). Expected count: C_k (Shahverdi Thm. 4.1). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_init_segre(lcn_critsys_t cs, const int *k, const int *s, int L,
                                                    uint64_t seed);
/* (P) systems/params.c: any architecture with all k_l >= 2 (k_l = 1 layers are
 * scalars and are dropped; s may be NULL for stride one). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_init_params(lcn_critsys_t cs, const int *k, const int *s, int L,
                                                     uint64_t seed);
LCN_EXPORT void lcn_critsys_clear(lcn_critsys_t cs);

/* The same system (kind, factors, architecture) in other random charts,
 * drawn from seed (and another T0): the same critical points w, other
 * coordinates θ. A point near one system's chart hyperplane at infinity
 * (large t) is an ordinary point of the other's. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_init_rechart(lcn_critsys_t out, const lcn_critsys_t cs, uint64_t seed);
/* θ2 of cs2 with the same factor points and the same w as θ of cs (cs2 from
 * lcn_critsys_init_rechart, or cs itself). LCN_ERR_NUMERIC if a factor
 * lies on cs2's chart hyperplane at infinity. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_theta_rechart(double complex *theta2, const lcn_critsys_t cs2,
                                                       const lcn_critsys_t cs, const double complex *theta);

/* The system restricted to the line p(s) = pb + s (pa − pb) of the full
 * parameters (pa, pb: m entries each, baked in as exact constants), with
 * the single parameter s: s = 1 is pa (up to the rounding of pa − pb), s = 0
 * is pb exactly. A parameter homotopy from [1] to [0] with gamma follows
 * s = τ(t), the same path as the full system's from pa to pb, at the cost of
 * one dF/ds column instead of m columns of dF/dp per evaluation. line is
 * initialised (clear it with lcn_system_clear). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_line_system(lcn_system_t line, const lcn_critsys_t cs,
                                                     const double complex *pa, const double complex *pb);

/* Index of T_ij (i <= j) in the parameter vector. */
static inline int lcn_critsys_tindex(int k, int i, int j)
{
    if (i > j) { int h = i; i = j; j = h; }
    return k + i * k - i * (i - 1) / 2 + (j - i);
}

/* p[0..m) from u[0..k) and T[0..k*k) (row-major or column-major: T must be
 * symmetric; only the upper triangle is read). */
LCN_EXPORT void lcn_critsys_pack(double complex *p, const lcn_critsys_t cs, const double complex *u,
                                 const double complex *T);
/* The inverse: u[0..k), T[0..k*k) (full, symmetric). */
LCN_EXPORT void lcn_critsys_unpack(double complex *u, double complex *T, const lcn_critsys_t cs,
                                   const double complex *p);

/* v[0..k_i) = E_i (1, t_i): factor i at θ. */
LCN_EXPORT void lcn_critsys_factor(double complex *v, const lcn_critsys_t cs, int i, const double complex *theta);
/* w[0..k) = c p(t); if G is not NULL, also G = [p, ∂p/∂t_1 ...] (k×n column-major). */
LCN_EXPORT void lcn_critsys_w(double complex *w, double complex *G, const lcn_critsys_t cs,
                              const double complex *theta);

/* Loss ℓ(w) = (w − u)^T T (w − u) (bilinear) for the parameters p. */
LCN_EXPORT double complex lcn_critsys_loss(const lcn_critsys_t cs, const double complex *w, const double complex *p);

/* A seed pair: θ0 random, then lcn_critsys_seed_params. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_seed_pair(double complex *theta0, double complex *p0, double complex *b0,
                                                   const lcn_critsys_t cs, lcn_rng_t rng);
/* The data half of a seed pair for a given θ0, on T = T0: b0 = T0 w(θ0) + a
 * random vector of ker G(θ0)^T (by SVD, so a rank-deficient G gets its
 * whole kernel), so that F(θ0; ·) = 0 while the data stay generic (b0 = T0
 * w(θ0) would put them on the variety). p0 (m) receives the full
 * parameters (T0^{-1} b0, T0), b0 (k, may be NULL) those of cs->msys.
 * LCN_ERR_NUMERIC if an SVD or solve fails (retry another rng). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_seed_params(double complex *p0, double complex *b0, const lcn_critsys_t cs,
                                                     const double complex *theta0, lcn_rng_t rng);
/* The full system's parameters p (m) = (T0^{-1} b, T0) of the monodromy
 * system's parameters b (k). LCN_ERR_NUMERIC if T0 is singular. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_params_of_b(double complex *p, const lcn_critsys_t cs,
                                                     const double complex *b);
/* θ from factor vectors v (factor i at offset Σ_{j<i} k_j, each any nonzero
 * multiple of the wanted point of P^{k_i−1}): the chart coordinates t_i, and
 * c so that w(θ) = Π π_{S_i}(v_i)^{e_i}. LCN_ERR_NUMERIC if some v_i lies on
 * its chart's hyperplane at infinity. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critsys_theta_from_factors(double complex *theta, const lcn_critsys_t cs,
                                                            const double complex *v);

/* A random complex parameter point (u complex normal, T complex symmetric). */
LCN_EXPORT void lcn_critsys_random_params(double complex *p, const lcn_critsys_t cs, lcn_rng_t rng);

/* Degenerate solutions, not critical points of the component: w(θ) ≈ 0
 * (max |w_j| <= wtol, absolute), or for a root locus two factors whose
 * points of P^1 coincide (chordal distance <= tol). */
LCN_EXPORT int lcn_critsys_is_degenerate(const lcn_critsys_t cs, const double complex *theta, double wtol, double tol);

#ifdef __cplusplus
}
#endif
#endif
