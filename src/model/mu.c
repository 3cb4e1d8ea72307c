/* The end-to-end map µ: θ = (w_1..w_L) -> w, a product of binary forms
 * (KMMT22 Prop. 2.2 and Remark 2.8; Shahverdi eq. 2.4). Multiplying binary
 * forms in the π convention adds y-exponents, so coefficient vectors convolve;
 * π_S spreads a vector out to every S-th position. */
#include <string.h>
#include "lcncrit/arch.h"

void _lcn_poly_mul_spread(double complex *out, const double complex *a, int na, const double complex *b, int nb,
                          long S)
{
    long n = na + (long)(nb - 1) * S;
    for (long i = 0; i < n; i++) out[i] = 0;
    for (int j = 0; j < nb; j++) {
        double complex bj = b[j];
        if (bj == 0) continue;
        double complex *o = out + (long)j * S;
        for (int i = 0; i < na; i++) o[i] += a[i] * bj;
    }
}

void _lcn_poly_mul(double complex *out, const double complex *a, int na, const double complex *b, int nb)
{
    _lcn_poly_mul_spread(out, a, na, b, nb, 1);
}

/* Product of all layers except `skip` (-1: none) into out (kend entries);
 * returns the number of coefficients used. tmp holds kend entries. */
static int product_except(double complex *out, double complex *tmp, const lcn_arch_t arch,
                          const double complex *theta, int skip)
{
    int n = 1;
    out[0] = 1;
    for (int l = 0; l < arch->L; l++) {
        if (l == skip) continue;
        int kl = arch->k[l];
        _lcn_poly_mul_spread(tmp, out, n, theta + arch->off[l], kl, arch->S[l]);
        n += (int)((kl - 1) * arch->S[l]);
        memcpy(out, tmp, (size_t)n * sizeof *out);
    }
    return n;
}

void lcn_arch_mu(double complex *w, const lcn_arch_t arch, const double complex *theta)
{
    LCN_ASSERT(arch->L >= 1);
    double complex *tmp = lcn_malloc_array((size_t)arch->kend, sizeof *tmp);
    int n = product_except(w, tmp, arch, theta, -1);
    LCN_ASSERT(n == arch->kend);
    lcn_free(tmp);
}

void lcn_arch_mu_d(double *w, const lcn_arch_t arch, const double *theta)
{
    double complex *t = lcn_malloc_array((size_t)arch->nparams, sizeof *t);
    double complex *wc = lcn_malloc_array((size_t)arch->kend, sizeof *wc);
    for (int i = 0; i < arch->nparams; i++) t[i] = theta[i];
    lcn_arch_mu(wc, arch, t);
    for (int i = 0; i < arch->kend; i++) w[i] = creal(wc[i]);
    lcn_free(wc);
    lcn_free(t);
}

void lcn_arch_mu_jacobian(double complex *J, const lcn_arch_t arch, const double complex *theta)
{
    LCN_ASSERT(arch->L >= 1);
    int kend = arch->kend;
    double complex *rest = lcn_malloc_array((size_t)kend, sizeof *rest);
    double complex *tmp = lcn_malloc_array((size_t)kend, sizeof *tmp);
    for (size_t i = 0; i < (size_t)kend * (size_t)arch->nparams; i++) J[i] = 0;
    for (int l = 0; l < arch->L; l++) {
        int n = product_except(rest, tmp, arch, theta, l);
        /* ∂w/∂w_l[j] = x^{S(k_l-1-j)} y^{S j} · rest: rest shifted by S j. */
        for (int j = 0; j < arch->k[l]; j++) {
            double complex *col = J + (size_t)(arch->off[l] + j) * (size_t)kend;
            long shift = (long)j * arch->S[l];
            for (int i = 0; i < n; i++) col[shift + i] = rest[i];
        }
    }
    lcn_free(tmp);
    lcn_free(rest);
}
