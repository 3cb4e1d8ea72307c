/* Complex-double evaluation of the product systems by their structure
 * (critsys.h), for the tracker's hot loop:
 *
 *     F = G^T Tr,  G = [p, ∂p/∂t] (k×n),  Tr = c T p − z,
 *     dF/dc = G^T T p,  dF/dt_u = c G^T T ∂_u p + (∂_u G)^T Tr,
 *
 * so the Jacobian is the Gram matrix G^T (T G) (k²n + n²k/2 products) plus
 * second derivatives of p, which vanish within one factor (each factor is
 * linear in its t_i when its power is 1) and across factors i ≠ j are
 * convolutions of the other factors with one chart column of each. The
 * interpreted SLP of the same Jacobian has 3200 instructions for Segre
 * (4,4), 6817 for (5,5) and 12471 for (6,6), with a dispatch per complex
 * operation; here the bulk is two dense matrix products.
 *
 * Only for systems whose factors all have power 1 (Segre, parameter space,
 * Δ(1^n)); the others keep the SLP. The SLP stays the definition: the MPC
 * evaluation, Jp and the tests use it, and t-lcn checks this evaluator
 * against it. */
#include <string.h>
#include "impl.h"

/* The dense products are the bulk of the work: where the compiler can,
 * build them also for AVX2 + FMA and pick at load time. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define LCN_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define LCN_CLONES
#endif

typedef struct {
    lcn_critsys_native_mode_t mode;
    int n, k, r;
    int fk[LCN_CRITSYS_MAX_FACTORS], fS[LCN_CRITSYS_MAX_FACTORS], toff[LCN_CRITSYS_MAX_FACTORS];
    int eoff[LCN_CRITSYS_MAX_FACTORS];
    double complex *E;  /* copy of the charts */
    double complex *T;  /* FIXED: T0; LINE: Tb (k×k) */
    double *Tre, *Tim;  /* FIXED: T0 split (see matmul) */
    double *TDr, *TDi;  /* FIXED, two factors: T0 D_ab split, k each (see two_factor_TG) */
    double *TbDr, *TbDi, *dTDr, *dTDi; /* LINE, two factors: Tb D_ab and (Ta − Tb) D_ab, split */
    double complex *dT; /* LINE: Ta − Tb */
    double complex *u;  /* LINE: ub */
    double complex *du; /* LINE: ua − ub */
    double complex *z0, *z1, *z2; /* LINE: T(s) u(s) = z0 + s z1 + s² z2 */
} native_data;

/* a*b without the C99 Annex G recovery code, which blocks vectorisation;
 * non-finite values are caught by the tracker's checks. */
static inline double complex mul(double complex a, double complex b)
{
    double ar = creal(a), ai = cimag(a), br = creal(b), bi = cimag(b);
    return CMPLX(ar * br - ai * bi, ar * bi + ai * br);
}

/* c[0..na+nb-1) = a * b (polynomial product). */
static void conv(double complex *c, const double complex *a, int na, const double complex *b, int nb)
{
    for (int i = 0; i < na + nb - 1; i++) c[i] = 0;
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++) c[i + j] += mul(a[i], b[j]);
}

/* c[0..na+S(kc-1)) = a * π_S(col), col of length kc. */
static void conv_dil(double complex *c, const double complex *a, int na, const double complex *col, int kc, int S)
{
    for (int i = 0; i < na + S * (kc - 1); i++) c[i] = 0;
    for (int j = 0; j < kc; j++)
        for (int i = 0; i < na; i++) c[i + S * j] += mul(a[i], col[j]);
}

/* y[0..k) = A x, A k×k column-major. */
static void matvec(double complex *y, const double complex *A, const double complex *x, int k)
{
    for (int i = 0; i < k; i++) y[i] = 0;
    for (int j = 0; j < k; j++) {
        const double complex xj = x[j], *a = A + (size_t)k * j;
        for (int i = 0; i < k; i++) y[i] += mul(a[i], xj);
    }
}

/* C (rows×ncol) = A (rows×inner) B (inner×ncol), column-major, each
 * matrix split into real and imaginary arrays: the inner loop is then a
 * pair of real axpys that the compiler vectorises, which interleaved
 * complex products defeat. */
LCN_CLONES static void matmul(double *restrict Cr, double *restrict Ci, const double *restrict Ar, const double *restrict Ai,
                   const double *restrict Br, const double *restrict Bi,
                   int rows, int inner, int ncol)
{
    const size_t R = (size_t)rows, In = (size_t)inner;
    for (int u = 0; u < ncol; u++) {
        double *cr = Cr + R * u, *ci = Ci + R * u;
        for (int i = 0; i < rows; i++) cr[i] = ci[i] = 0;
        for (int j = 0; j < inner; j++) {
            const double br = Br[j + In * u], bi = Bi[j + In * u], *ar = Ar + R * j, *ai = Ai + R * j;
            for (int i = 0; i < rows; i++) {
                cr[i] += ar[i] * br - ai[i] * bi;
                ci[i] += ar[i] * bi + ai[i] * br;
            }
        }
    }
}

/* C (n×n) = A (n×inner) B (inner×n) for a product known to be symmetric
 * (the Gram matrix G^T T G with T symmetric): the upper triangle, column
 * by column as in matmul, then mirrored. */
LCN_CLONES static void matmul_sym(double *restrict Cr, double *restrict Ci, const double *restrict Ar,
                                  const double *restrict Ai, const double *restrict Br, const double *restrict Bi, int n,
                                  int inner)
{
    const size_t N = (size_t)n, In = (size_t)inner;
    for (int u = 0; u < n; u++) {
        double *cr = Cr + N * u, *ci = Ci + N * u;
        for (int i = 0; i <= u; i++) cr[i] = ci[i] = 0;
        for (int j = 0; j < inner; j++) {
            const double br = Br[j + In * u], bi = Bi[j + In * u], *ar = Ar + N * j, *ai = Ai + N * j;
            for (int i = 0; i <= u; i++) {
                cr[i] += ar[i] * br - ai[i] * bi;
                ci[i] += ar[i] * bi + ai[i] * br;
            }
        }
        for (int i = 0; i < u; i++) {
            Cr[u + N * i] = cr[i];
            Ci[u + N * i] = ci[i];
        }
    }
}

static void split(double *re, double *im, const double complex *a, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        re[i] = creal(a[i]);
        im[i] = cimag(a[i]);
    }
}

/* Y = T0 G for the monodromy system of two factors (Segre with L = 2):
 * p = Σ_ab y1_a y2_b D_ab with y_i = (1, t_i) and the constant vectors
 * D_ab = π(E_1 col a) * π(E_2 col b), so every column of T0 G is a short
 * combination of the precomputed T0 D_ab: Z_a = Σ_b y2_b T0 D_ab is the
 * column of t_1a (and T0 p = Σ_a y1_a Z_a), Σ_a y1_a T0 D_ab that of
 * t_2b. 2 k1 k2 k products instead of k² n (Segre (5,5): 650 vs 1521). */
LCN_CLONES static void two_factor_TG(double *restrict Yr, double *restrict Yi, const double *restrict TDr,
                                     const double *restrict TDi, const double complex *y1, int k1,
                                     const double complex *y2, int k2, int k)
{
    const size_t K = (size_t)k;
    for (size_t i = 0; i < K * (size_t)(k1 + k2 - 1); i++) Yr[i] = Yi[i] = 0;
    for (int a = 0; a < k1; a++) {
        /* Z_a into column a (a >= 1) or a scratch column (a = 0: column 0 is T0 p) */
        double *zr = Yr + K * (a ? a : k1 + k2 - 1), *zi = Yi + K * (a ? a : k1 + k2 - 1);
        for (int i = 0; i < k; i++) zr[i] = zi[i] = 0;
        for (int b = 0; b < k2; b++) {
            const double wr = creal(y2[b]), wi = cimag(y2[b]);
            const double *dr = TDr + K * (size_t)(a * k2 + b), *di = TDi + K * (size_t)(a * k2 + b);
            for (int i = 0; i < k; i++) {
                zr[i] += dr[i] * wr - di[i] * wi;
                zi[i] += dr[i] * wi + di[i] * wr;
            }
            if (b == 0) continue;
            const double vr = creal(y1[a]), vi = cimag(y1[a]);
            double *cr = Yr + K * (size_t)(k1 + b - 1), *ci = Yi + K * (size_t)(k1 + b - 1);
            for (int i = 0; i < k; i++) {
                cr[i] += dr[i] * vr - di[i] * vi;
                ci[i] += dr[i] * vi + di[i] * vr;
            }
        }
        const double vr = creal(y1[a]), vi = cimag(y1[a]);
        for (int i = 0; i < k; i++) {
            Yr[i] += zr[i] * vr - zi[i] * vi;
            Yi[i] += zr[i] * vi + zi[i] * vr;
        }
    }
}

static double complex dot(const double complex *a, const double complex *b, int k)
{
    double sr = 0, si = 0;
    for (int i = 0; i < k; i++) {
        sr += creal(a[i]) * creal(b[i]) - cimag(a[i]) * cimag(b[i]);
        si += creal(a[i]) * cimag(b[i]) + cimag(a[i]) * creal(b[i]);
    }
    return CMPLX(sr, si);
}

static int dil_len(const native_data *d, int i)
{
    return d->fS[i] * (d->fk[i] - 1) + 1;
}

/* R[0..k-len_i-len_j+2) = product of the factors other than i and j (j = -1:
 * other than i only); q holds the factors, k apart. tmp: k entries. */
static int others(double complex *R, double complex *tmp, const native_data *d, const double complex *q, int i, int j)
{
    int len = 1;
    R[0] = 1;
    for (int l = 0; l < d->r; l++) {
        if (l == i || l == j) continue;
        int ql = dil_len(d, l);
        conv(tmp, R, len, q + (size_t)d->k * l, ql);
        len += ql - 1;
        memcpy(R, tmp, (size_t)len * sizeof *R);
    }
    return len;
}

LCN_CLONES static void native_eval(double complex *F, double complex *Jx, double complex *Fdot, const void *data,
                        double complex *work, const double complex *x, const double complex *p,
                        const double complex *v)
{
    const native_data *d = data;
    const int n = d->n, k = d->k, r = d->r;
    const size_t K = (size_t)k;
    double complex *q = work, *R = q + (size_t)r * K, *G = R + (size_t)r * K;
    double complex *Tm = G + K * n, *dTm = Tm + K * K, *Tr = dTm + K * K, *z = Tr + K, *tmp = z + K;
    double complex *A = tmp + K, *cc = A + K, *dz = cc + K;
    /* split copies for the dense products: T, G, G^T, Y = T G, M = G^T Y */
    double *sT = (double *)(dz + K), *sG = sT + 2 * K * K, *sGt = sG + 2 * K * n, *sY = sGt + 2 * K * n;
    double *sYi = sY + K * (n + 1), *sM = sYi + K * (n + 1); /* Y: n columns and a scratch one */
    double *sTD = sM + 2 * (size_t)n * (size_t)n; /* LINE, two factors: T(s) D_ab, split */

    /* The factors q_i = π_S(E_i (1, t_i)), their products and G. */
    for (int i = 0; i < r; i++) {
        const int ki = d->fk[i], S = d->fS[i];
        const double complex *Ei = d->E + d->eoff[i], *t = x + d->toff[i];
        double complex *qi = q + K * i;
        for (int a = 0; a < dil_len(d, i); a++) qi[a] = 0;
        for (int a = 0; a < ki; a++) {
            double complex s = Ei[a];
            for (int j = 1; j < ki; j++) s += mul(Ei[a + ki * j], t[j - 1]);
            qi[S * a] = s;
        }
    }
    for (int i = 0; i < r; i++) {
        double complex *Ri = R + K * i;
        int rl = others(Ri, tmp, d, q, i, -1);
        const int ki = d->fk[i];
        const double complex *Ei = d->E + d->eoff[i];
        if (i == 0) conv(G, Ri, rl, q, dil_len(d, 0));
        for (int j = 1; j < ki; j++) conv_dil(G + K * (d->toff[i] + j - 1), Ri, rl, Ei + ki * j, ki, d->fS[i]);
    }
    const double complex *P = G, *T = d->T, *dT = NULL;
    double complex dTv = 1; /* the derivative of T along v is dTv dT */
    const double complex c = x[0];

    /* T, z = T u (or b), and for Fdot the derivatives dT, dz along v. */
    switch (d->mode) {
    case LCN_CRITSYS_NATIVE_FIXED:
        memcpy(z, p, K * sizeof *z);
        if (v)
            for (int i = 0; i < k; i++) dz[i] = v[i];
        break;
    case LCN_CRITSYS_NATIVE_FULL:
        for (int i = 0; i < k; i++)
            for (int j = i; j < k; j++) Tm[i + K * j] = Tm[j + K * i] = p[lcn_critsys_tindex(k, i, j)];
        T = Tm;
        matvec(z, T, p, k);
        if (v) {
            for (int i = 0; i < k; i++)
                for (int j = i; j < k; j++) dTm[i + K * j] = dTm[j + K * i] = v[lcn_critsys_tindex(k, i, j)];
            dT = dTm;
            matvec(dz, dT, p, k);
            matvec(tmp, T, v, k);
            for (int i = 0; i < k; i++) dz[i] += tmp[i];
        }
        break;
    case LCN_CRITSYS_NATIVE_LINE: {
        /* z(s) = T(s) u(s) = z0 + s z1 + s² z2 (precomputed at install),
           and T(s) itself only for the dense product (not with two
           factors). */
        const double complex s = p[0];
        for (int i = 0; i < k; i++) z[i] = d->z0[i] + mul(s, d->z1[i] + mul(s, d->z2[i]));
        if (!d->dTDr) {
            for (size_t i = 0; i < K * K; i++) Tm[i] = d->T[i] + mul(s, d->dT[i]);
            T = Tm;
        }
        if (v) {
            dT = d->dT;
            dTv = v[0];
            for (int i = 0; i < k; i++) dz[i] = mul(v[0], d->z1[i] + mul(2.0 * s, d->z2[i]));
        }
        break;
    }
    }

    /* Y = T G (only its first column T p without Jx). */
    const int ncol = Jx ? n : 1;
    const double *TDr = d->TDr, *TDi = d->TDi;
    if (d->dTDr) {
        /* T(s) D_ab = Tb D_ab + s (Ta − Tb) D_ab */
        const size_t nd = K * (size_t)d->fk[0] * (size_t)d->fk[1];
        const double sr = creal(p[0]), si = cimag(p[0]);
        double *tr = sTD, *ti = sTD + nd;
        for (size_t i = 0; i < nd; i++) {
            tr[i] = d->TbDr[i] + sr * d->dTDr[i] - si * d->dTDi[i];
            ti[i] = d->TbDi[i] + sr * d->dTDi[i] + si * d->dTDr[i];
        }
        TDr = tr;
        TDi = ti;
    }
    if (TDr) { /* with or without Jx, so that F is the same bit for bit */
        double complex y1[LCN_CRITSYS_MAX_FACTORS], y2[LCN_CRITSYS_MAX_FACTORS];
        y1[0] = y2[0] = 1;
        for (int j = 1; j < d->fk[0]; j++) y1[j] = x[d->toff[0] + j - 1];
        for (int j = 1; j < d->fk[1]; j++) y2[j] = x[d->toff[1] + j - 1];
        two_factor_TG(sY, sYi, TDr, TDi, y1, d->fk[0], y2, d->fk[1], k);
    } else {
        const double *Tre = d->Tre, *Tim = d->Tim;
        if (!Tre) {
            split(sT, sT + K * K, T, K * K);
            Tre = sT;
            Tim = sT + K * K;
        }
        split(sG, sG + K * n, G, K * ncol);
        matmul(sY, sYi, Tre, Tim, sG, sG + K * n, k, k, ncol);
    }
    for (int i = 0; i < k; i++) Tr[i] = mul(c, CMPLX(sY[i], sYi[i])) - z[i];
    for (int vv = 0; vv < n; vv++) F[vv] = dot(G + K * vv, Tr, k);
    if (v) {
        /* Fdot = G^T (c dT p − dz). */
        if (dT) {
            matvec(A, dT, P, k);
            const double complex cv = mul(c, dTv);
            for (int i = 0; i < k; i++) A[i] = mul(cv, A[i]) - dz[i];
        } else {
            for (int i = 0; i < k; i++) A[i] = -dz[i];
        }
        for (int vv = 0; vv < n; vv++) Fdot[vv] = dot(G + K * vv, A, k);
    }
    if (!Jx) return;

    /* The Gram part M = G^T Y = G^T T G, symmetric as T is: J[v,0] =
       M[v,0], J[v,u] = c M[v,u] (u >= 1). */
    const size_t N = (size_t)n;
    for (int vv = 0; vv < n; vv++)
        for (int i = 0; i < k; i++) {
            sGt[vv + N * i] = creal(G[i + K * vv]);
            sGt[K * N + vv + N * i] = cimag(G[i + K * vv]);
        }
    matmul_sym(sM, sM + N * N, sGt, sGt + K * N, sY, sYi, n, k);
    for (size_t i = 0; i < N * N; i++) {
        double complex g = CMPLX(sM[i], sM[N * N + i]);
        Jx[i] = i < N ? g : mul(c, g);
    }
    /* Row 0: ∂_u G_0 = ∂_u p = G_u, so (∂_u G_0)^T Tr = F_u. */
    for (int u = 1; u < n; u++) Jx[(size_t)n * u] += F[u];
    /* Across factors i < j: (∂_{ia} ∂_{jb} p)·Tr with ∂_{ia} ∂_{jb} p =
       R_ij * π(E_i col a) * π(E_j col b), as a correlation of Tr. */
    for (int i = 0; i < r; i++)
        for (int j = i + 1; j < r; j++) {
            int rl = others(R, tmp, d, q, i, j);
            const int ki = d->fk[i], kj = d->fk[j], Sj = d->fS[j];
            const double complex *Ei = d->E + d->eoff[i], *Ej = d->E + d->eoff[j];
            for (int a = 1; a < ki; a++) {
                conv_dil(A, R, rl, Ei + ki * a, ki, d->fS[i]);
                const int al = rl + d->fS[i] * (ki - 1);
                for (int be = 0; be < kj; be++) cc[be] = dot(A, Tr + Sj * be, al);
                for (int b = 1; b < kj; b++) {
                    double complex h = 0;
                    for (int be = 0; be < kj; be++) h += mul(Ej[be + kj * b], cc[be]);
                    const size_t ra = (size_t)d->toff[i] + a - 1, cb = (size_t)d->toff[j] + b - 1;
                    Jx[ra + (size_t)n * cb] += h;
                    Jx[cb + (size_t)n * ra] += h;
                }
            }
        }
}

static void native_free(void *data)
{
    native_data *d = data;
    if (!d) return;
    lcn_free(d->E);
    lcn_free(d->T);
    lcn_free(d->Tre);
    lcn_free(d->Tim);
    lcn_free(d->TDr);
    lcn_free(d->TDi);
    lcn_free(d->TbDr);
    lcn_free(d->TbDi);
    lcn_free(d->dTDr);
    lcn_free(d->dTDi);
    lcn_free(d->z0);
    lcn_free(d->z1);
    lcn_free(d->z2);
    lcn_free(d->dT);
    lcn_free(d->u);
    lcn_free(d->du);
    lcn_free(d);
}

static double complex *copy(const double complex *a, size_t len)
{
    double complex *b = lcn_malloc_array(len ? len : 1, sizeof *b);
    memcpy(b, a, len * sizeof *b);
    return b;
}

/* Two factors (Segre with L = 2), each short enough for two_factor_TG's
 * stack arrays. */
static int two_factor(const lcn_critsys_struct *cs)
{
    return cs->r == 2 && cs->fk[0] <= LCN_CRITSYS_MAX_FACTORS && cs->fk[1] <= LCN_CRITSYS_MAX_FACTORS;
}

/* The split products M D_ab (k each, column a k2 + b) of a k×k matrix M
 * with the constant vectors D_ab = π(E_1 col a) * π(E_2 col b) of a
 * two-factor system (see two_factor_TG). */
static void two_factor_TD(double **re, double **im, const lcn_critsys_struct *cs, const double complex *M)
{
    const int k = cs->k, k1 = cs->fk[0], k2 = cs->fk[1];
    const size_t K = (size_t)k, nd = (size_t)k1 * (size_t)k2 * K;
    double complex *D = lcn_malloc_array(K, sizeof *D), *MD = lcn_malloc_array(K, sizeof *MD);
    double complex *col = lcn_malloc_array(K, sizeof *col), one = 1;
    *re = lcn_malloc_array(nd, sizeof **re);
    *im = lcn_malloc_array(nd, sizeof **im);
    for (int a = 0; a < k1; a++)
        for (int b = 0; b < k2; b++) {
            conv_dil(col, &one, 1, cs->E + cs->off[0] + k1 * a, k1, cs->fS[0]);
            conv_dil(D, col, cs->fS[0] * (k1 - 1) + 1, cs->E + cs->off[1] + k2 * b, k2, cs->fS[1]);
            matvec(MD, M, D, k);
            split(*re + K * (size_t)(a * k2 + b), *im + K * (size_t)(a * k2 + b), MD, K);
        }
    lcn_free(D);
    lcn_free(MD);
    lcn_free(col);
}

void lcn_critsys_native_install(lcn_system_t sys, const lcn_critsys_struct *cs, lcn_critsys_native_mode_t mode,
                                const double complex *pa, const double complex *pb)
{
    for (int i = 0; i < cs->r; i++)
        if (cs->fe[i] != 1) return;
    native_data *d = lcn_calloc(1, sizeof *d);
    const int k = cs->k;
    const size_t K = (size_t)k;
    d->mode = mode;
    d->n = sys->n;
    d->k = k;
    d->r = cs->r;
    size_t esz = 0;
    for (int i = 0; i < cs->r; i++) {
        d->fk[i] = cs->fk[i];
        d->fS[i] = cs->fS[i];
        d->toff[i] = cs->toff[i];
        d->eoff[i] = cs->off[i];
        esz += (size_t)cs->fk[i] * (size_t)cs->fk[i];
    }
    d->E = copy(cs->E, esz);
    if (mode == LCN_CRITSYS_NATIVE_FIXED) {
        d->T = copy(cs->T0, K * K);
        d->Tre = lcn_malloc_array(K * K, sizeof *d->Tre);
        d->Tim = lcn_malloc_array(K * K, sizeof *d->Tim);
        split(d->Tre, d->Tim, d->T, K * K);
        if (two_factor(cs)) two_factor_TD(&d->TDr, &d->TDi, cs, d->T);
    }
    if (mode == LCN_CRITSYS_NATIVE_LINE) {
        /* p(s) = pb + s (pa − pb): T(s) = Tb + s (Ta − Tb), u(s) likewise. */
        d->T = lcn_malloc_array(K * K, sizeof *d->T);
        d->dT = lcn_malloc_array(K * K, sizeof *d->dT);
        d->u = lcn_malloc_array(K, sizeof *d->u);
        d->du = lcn_malloc_array(K, sizeof *d->du);
        for (int i = 0; i < k; i++) {
            d->u[i] = pb[i];
            d->du[i] = pa[i] - pb[i];
            for (int j = 0; j < k; j++) {
                int t = lcn_critsys_tindex(k, i, j);
                d->T[i + K * j] = pb[t];
                d->dT[i + K * j] = pa[t] - pb[t];
            }
        }
        /* z0 = Tb ub, z1 = Tb du + dT ub, z2 = dT du */
        d->z0 = lcn_malloc_array(K, sizeof *d->z0);
        d->z1 = lcn_malloc_array(K, sizeof *d->z1);
        d->z2 = lcn_malloc_array(K, sizeof *d->z2);
        double complex *tmp = lcn_malloc_array(K, sizeof *tmp);
        matvec(d->z0, d->T, d->u, k);
        matvec(d->z1, d->T, d->du, k);
        matvec(tmp, d->dT, d->u, k);
        for (int i = 0; i < k; i++) d->z1[i] += tmp[i];
        matvec(d->z2, d->dT, d->du, k);
        lcn_free(tmp);
        if (two_factor(cs)) {
            two_factor_TD(&d->TbDr, &d->TbDi, cs, d->T);
            two_factor_TD(&d->dTDr, &d->dTDi, cs, d->dT);
        }
    }
    /* complex entries, then the split copies (2 doubles = 1 complex each) */
    const size_t N = (size_t)sys->n;
    size_t nwork = (size_t)2 * cs->r * K + K * N + 2 * K * K + 10 * K + 16;
    nwork += K * K + 3 * K * N + N * N + K; /* + K: two_factor_TG's scratch column */
    if (d->dTDr) nwork += K * (size_t)cs->fk[0] * (size_t)cs->fk[1]; /* T(s) D_ab */
    lcn_system_set_native_d(sys, native_eval, d, native_free, nwork);
}
