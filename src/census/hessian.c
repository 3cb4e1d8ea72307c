/* The type of a critical point of L(θ) = ℓ(µ(θ)) in parameter space: exact
 * gradient and Hessian (µ is multilinear in the layers), the scaling orbit
 * projected out, eigenvalues by LAPACK. See hessian.h. */
#include <complex.h>
#include <lapacke.h>
#include <math.h>
#include <string.h>
#include "lcncrit/hessian.h"

const char *lcn_crit_type_name(lcn_crit_type_t t)
{
    switch (t) {
    case LCN_CRIT_MINIMUM: return "minimum";
    case LCN_CRIT_SADDLE: return "saddle";
    default: return "degenerate";
    }
}

double lcn_param_loss(const lcn_arch_t arch, const double *theta, const double *u, const double *T)
{
    int k = arch->kend;
    double *r = lcn_malloc_array((size_t)k, sizeof *r);
    lcn_arch_mu_d(r, arch, theta);
    for (int i = 0; i < k; i++) r[i] -= u[i];
    double s = 0;
    for (int i = 0; i < k; i++) {
        double ti = 0;
        for (int j = 0; j < k; j++) ti += T[(size_t)i * k + j] * r[j];
        s += r[i] * ti;
    }
    lcn_free(r);
    return s;
}

/* Layer of parameter index a. */
static int layer_of(const lcn_arch_t arch, int a)
{
    int l = 0;
    while (l + 1 < arch->L && arch->off[l + 1] <= a) l++;
    return l;
}

void lcn_param_derivs(double *g, double *H, const lcn_arch_t arch, const double *theta, const double *u,
                      const double *T)
{
    int k = arch->kend, P = arch->nparams;
    double *r = lcn_malloc_array((size_t)k, sizeof *r), *Tr = lcn_malloc_array((size_t)k, sizeof *Tr);
    double complex *thc = lcn_malloc_array((size_t)P, sizeof *thc);
    double complex *J = lcn_malloc_array((size_t)k * (size_t)P, sizeof *J);
    lcn_arch_mu_d(r, arch, theta);
    for (int i = 0; i < k; i++) r[i] -= u[i];
    for (int i = 0; i < k; i++) {
        double s = 0;
        for (int j = 0; j < k; j++) s += T[(size_t)i * k + j] * r[j];
        Tr[i] = s;
    }
    for (int a = 0; a < P; a++) thc[a] = theta[a];
    lcn_arch_mu_jacobian(J, arch, thc);
    for (int a = 0; a < P; a++) {
        double s = 0;
        for (int i = 0; i < k; i++) s += creal(J[(size_t)a * k + i]) * Tr[i];
        g[a] = 2 * s;
    }
    if (H) {
        /* Gauss-Newton part 2 J^T T J. */
        double *TJ = lcn_malloc_array((size_t)k * (size_t)P, sizeof *TJ);
        for (int a = 0; a < P; a++)
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += T[(size_t)i * k + j] * creal(J[(size_t)a * k + j]);
                TJ[(size_t)a * k + i] = s;
            }
        for (int a = 0; a < P; a++)
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < k; i++) s += creal(J[(size_t)a * k + i]) * TJ[(size_t)b * k + i];
                H[(size_t)a * P + b] = H[(size_t)b * P + a] = 2 * s;
            }
        /* Curvature of µ: mixed second derivatives across two layers are µ
         * with those layers replaced by unit vectors (multilinearity). */
        double *e = lcn_malloc_array((size_t)P, sizeof *e), *d2 = lcn_malloc_array((size_t)k, sizeof *d2);
        for (int a = 0; a < P; a++) {
            int la = layer_of(arch, a);
            for (int b = 0; b < a; b++) {
                int lb = layer_of(arch, b);
                if (la == lb) continue;
                memcpy(e, theta, (size_t)P * sizeof *e);
                for (int j = 0; j < arch->k[la]; j++) e[arch->off[la] + j] = 0;
                for (int j = 0; j < arch->k[lb]; j++) e[arch->off[lb] + j] = 0;
                e[a] = 1;
                e[b] = 1;
                lcn_arch_mu_d(d2, arch, e);
                double s = 0;
                for (int i = 0; i < k; i++) s += Tr[i] * d2[i];
                H[(size_t)a * P + b] += 2 * s;
                H[(size_t)b * P + a] += 2 * s;
            }
        }
        lcn_free(e);
        lcn_free(d2);
        lcn_free(TJ);
    }
    lcn_free(r);
    lcn_free(Tr);
    lcn_free(thc);
    lcn_free(J);
}

lcn_err_t lcn_param_classify_hessian(lcn_crit_info_struct *info, const lcn_arch_t arch, const double *theta,
                                     const double *H, double tol)
{
    int P = arch->nparams, L = arch->L, q = L - 1, dim = P - q;
    memset(info, 0, sizeof *info);
    info->dim = dim;
    for (int l = 0; l < L; l++) {
        double nl = 0;
        for (int j = 0; j < arch->k[l]; j++) nl += theta[arch->off[l] + j] * theta[arch->off[l] + j];
        if (!(nl > 0)) return LCN_ERR_ARG;
    }
    double *Q = lcn_calloc((size_t)P * (size_t)P, sizeof *Q); /* column-major P × P */
    double *tau = lcn_malloc_array((size_t)P, sizeof *tau);
    double *HQ = lcn_malloc_array((size_t)P * (size_t)dim, sizeof *HQ);
    double *R = lcn_malloc_array((size_t)dim * (size_t)dim, sizeof *R);
    double *ev = lcn_malloc_array((size_t)(dim > 0 ? dim : 1), sizeof *ev);
    lcn_err_t err = LCN_OK;
    /* The orbit's tangent: z_l − z_L (l < L), z_l = θ restricted to layer l.
     * A full QR of these q columns gives, in Q's last P − q columns, an
     * orthonormal basis of their complement. */
    for (int l = 0; l < q; l++) {
        double *col = Q + (size_t)l * P;
        for (int j = 0; j < arch->k[l]; j++) col[arch->off[l] + j] = theta[arch->off[l] + j];
        for (int j = 0; j < arch->k[L - 1]; j++) col[arch->off[L - 1] + j] = -theta[arch->off[L - 1] + j];
    }
    if (q > 0) {
        if (LAPACKE_dgeqrf(LAPACK_COL_MAJOR, P, q, Q, P, tau) != 0 ||
            LAPACKE_dorgqr(LAPACK_COL_MAJOR, P, P, q, Q, P, tau) != 0) {
            err = LCN_ERR_NUMERIC;
            goto done;
        }
    } else {
        for (int a = 0; a < P; a++) Q[(size_t)a * P + a] = 1;
    }
    if (dim == 0) {
        info->type = LCN_CRIT_DEGENERATE;
        goto done;
    }
    /* R = Q2^T H Q2 with Q2 = Q[:, q..P). */
    for (int c = 0; c < dim; c++)
        for (int a = 0; a < P; a++) {
            double s = 0;
            for (int b = 0; b < P; b++) s += H[(size_t)a * P + b] * Q[(size_t)(q + c) * P + b];
            HQ[(size_t)c * P + a] = s;
        }
    for (int c = 0; c < dim; c++)
        for (int d = 0; d < dim; d++) {
            double s = 0;
            for (int a = 0; a < P; a++) s += Q[(size_t)(q + c) * P + a] * HQ[(size_t)d * P + a];
            R[(size_t)d * dim + c] = s;
        }
    for (int c = 0; c < dim; c++)
        for (int d = 0; d < c; d++) R[(size_t)d * dim + c] = R[(size_t)c * dim + d] = 0.5 * (R[(size_t)d * dim + c] + R[(size_t)c * dim + d]);
    if (LAPACKE_dsyev(LAPACK_COL_MAJOR, 'N', 'U', dim, R, dim, ev) != 0) {
        err = LCN_ERR_NUMERIC;
        goto done;
    }
    double mx = 0;
    for (int c = 0; c < dim; c++) mx = fmax(mx, fabs(ev[c]));
    double thr = tol * fmax(1.0, mx);
    for (int c = 0; c < dim; c++) {
        if (ev[c] < -thr) info->index++;
        else if (ev[c] <= thr) info->nzero++;
    }
    info->eig_min = ev[0];
    info->eig_max = ev[dim - 1];
    info->type = info->index > 0 ? LCN_CRIT_SADDLE : info->nzero > 0 ? LCN_CRIT_DEGENERATE : LCN_CRIT_MINIMUM;
done:
    lcn_free(Q);
    lcn_free(tau);
    lcn_free(HQ);
    lcn_free(R);
    lcn_free(ev);
    return err;
}

lcn_err_t lcn_param_classify(lcn_crit_info_struct *info, const lcn_arch_t arch, const double *theta, const double *u,
                             const double *T, double tol)
{
    int P = arch->nparams;
    double *g = lcn_malloc_array((size_t)P, sizeof *g), *H = lcn_malloc_array((size_t)P * (size_t)P, sizeof *H);
    lcn_param_derivs(g, H, arch, theta, u, T);
    lcn_err_t err = lcn_param_classify_hessian(info, arch, theta, H, tol);
    double gn = 0;
    for (int a = 0; a < P; a++) gn += g[a] * g[a];
    info->grad_norm = sqrt(gn);
    lcn_free(g);
    lcn_free(H);
    return err;
}

void lcn_param_normalize(double *theta, const lcn_arch_t arch)
{
    int L = arch->L;
    double nrm[LCN_ARCH_MAX_LAYERS], logmean = 0;
    for (int l = 0; l < L; l++) {
        double s = 0;
        for (int j = 0; j < arch->k[l]; j++) s += theta[arch->off[l] + j] * theta[arch->off[l] + j];
        nrm[l] = sqrt(s);
        if (!(nrm[l] > 0)) return;
        logmean += log(nrm[l]);
    }
    double G = exp(logmean / L);
    /* Signs: flip every layer but the last whose first significant
     * coefficient is negative; the last layer absorbs the product of flips. */
    double sgn_last = 1;
    for (int l = 0; l < L; l++) {
        double f = G / nrm[l], *v = theta + arch->off[l];
        if (l + 1 < L) {
            for (int j = 0; j < arch->k[l]; j++)
                if (fabs(v[j]) > 1e-12 * nrm[l]) {
                    if (v[j] < 0) {
                        f = -f;
                        sgn_last = -sgn_last;
                    }
                    break;
                }
        } else {
            f *= sgn_last;
        }
        for (int j = 0; j < arch->k[l]; j++) v[j] *= f;
    }
}
