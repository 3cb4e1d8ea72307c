/* The certifier's private buffers: ball registers, points, linear algebra
 * at the working precision, and the degree analysis that sizes the
 * majorants (done once per system). */
#include "impl.h"

static mpc_t *mpc_array(size_t count, mpfr_prec_t prec)
{
    mpc_t *a = lcn_malloc_array(count ? count : 1, sizeof(mpc_t));
    for (size_t i = 0; i < count; i++) {
        mpc_init2(a[i], prec);
        mpc_set_ui(a[i], 0, MPC_RNDNN);
    }
    return a;
}

static void mpc_array_free(mpc_t *a, size_t count)
{
    for (size_t i = 0; i < count; i++) mpc_clear(a[i]);
    lcn_free(a);
}

static void mpc_array_prec(mpc_t *a, size_t count, mpfr_prec_t prec)
{
    for (size_t i = 0; i < count; i++) mpc_set_prec(a[i], prec);
}

static mpfr_t *rad_array(size_t count)
{
    mpfr_t *a = lcn_malloc_array(count ? count : 1, sizeof(mpfr_t));
    for (size_t i = 0; i < count; i++) {
        mpfr_init2(a[i], LCN_CERT_RAD_PREC);
        mpfr_set_zero(a[i], 1);
    }
    return a;
}

static void rad_array_free(mpfr_t *a, size_t count)
{
    for (size_t i = 0; i < count; i++) mpfr_clear(a[i]);
    lcn_free(a);
}

/* Degree bounds of the registers of program 0: a variable has degree 1,
 * constants and parameters 0, and + - * ^ combine the bounds as for
 * polynomials. The majorants are truncated at the largest output bound D,
 * which is exact for the outputs since their true degree is at most D. */
#define LCN_CERT_MAX_DEG 200

static void degree_analysis(lcn_cert_priv *w, const lcn_system_struct *sys)
{
    const lcn_program_struct *prog = &sys->prog[0];
    w->deg = lcn_malloc_array(prog->nins ? prog->nins : 1, sizeof *w->deg);
    for (size_t k = 0; k < prog->nins; k++) {
        const lcn_instr_struct *in = &prog->ins[k];
        long d = 0;
        switch (in->op) {
        case LCN_OP_CONST: case LCN_OP_PARAM: d = 0; break;
        case LCN_OP_VAR: d = 1; break;
        case LCN_OP_ADD: case LCN_OP_SUB:
            d = w->deg[in->a] > w->deg[in->b] ? w->deg[in->a] : w->deg[in->b];
            break;
        case LCN_OP_MUL: d = (long)w->deg[in->a] + w->deg[in->b]; break;
        case LCN_OP_NEG: d = w->deg[in->a]; break;
        case LCN_OP_POW: d = (long)w->deg[in->a] * in->b; break;
        default: LCN_ASSERT(0 && "certify: unknown op");
        }
        w->deg[in->dst] = (int)(d > 100000 ? 100000 : d);
    }
    int D = 0;
    for (size_t i = 0; i < prog->nout; i++)
        if (w->deg[prog->out[i]] > D) D = w->deg[prog->out[i]];
    w->maxdeg = D > LCN_CERT_MAX_DEG ? -1 : D;
    size_t width = (size_t)(w->maxdeg < 0 ? 1 : w->maxdeg + 1);
    w->maj = lcn_malloc_array((prog->nins ? prog->nins : 1) * width, sizeof *w->maj);
    w->S = lcn_malloc_array((size_t)(sys->n ? sys->n : 1) * width, sizeof *w->S);
}

void lcn_cert_temps_init(lcn_cert_priv *w, mpfr_prec_t prec)
{
    w->prec = prec;
    for (int i = 0; i < 4; i++) {
        mpc_init2(w->tm[i], prec);
        mpfr_init2(w->tr[i], LCN_CERT_RAD_PREC);
    }
    for (int i = 0; i < 6; i++) mpfr_init2(w->t[i], LCN_CERT_RAD_PREC);
    for (int i = 0; i < 8; i++) mpfr_init2(w->u[i], prec);
}

void lcn_cert_temps_clear(lcn_cert_priv *w)
{
    for (int i = 0; i < 4; i++) {
        mpc_clear(w->tm[i]);
        mpfr_clear(w->tr[i]);
    }
    for (int i = 0; i < 6; i++) mpfr_clear(w->t[i]);
    for (int i = 0; i < 8; i++) mpfr_clear(w->u[i]);
}

void lcn_cert_priv_init(lcn_cert_priv *w, const lcn_system_struct *sys, mpfr_prec_t prec)
{
    size_t n = (size_t)sys->n, m = (size_t)sys->m;
    w->prec = prec;
    w->n = sys->n;
    w->m = sys->m;
    w->nregs = sys->prog[1].nins;
    w->bm = mpc_array(w->nregs, prec);
    w->br = rad_array(w->nregs);
    w->cm = mpc_array(sys->nconst, prec);
    w->cr = rad_array(sys->nconst);
    w->prec_c = 0;
    w->nconst = sys->nconst;
    w->cabs_up = lcn_malloc_array(sys->nconst ? sys->nconst : 1, sizeof *w->cabs_up);
    mpfr_t a, b;
    mpfr_init2(a, 64);
    mpfr_init2(b, 64);
    for (size_t c = 0; c < sys->nconst; c++) {
        /* |c| rounded up: each part rounded away from zero, then hypot up. */
        mpfr_set_q(a, sys->cre[c], MPFR_RNDA);
        mpfr_set_q(b, sys->cim[c], MPFR_RNDA);
        mpfr_hypot(a, a, b, MPFR_RNDU);
        w->cabs_up[c] = mpfr_get_d(a, MPFR_RNDU);
    }
    mpfr_clear(a);
    mpfr_clear(b);
    w->x = mpc_array(n, prec);
    w->pm = mpc_array(m, prec);
    w->A = mpc_array(n * n, prec);
    w->b = mpc_array(n, prec);
    w->M = mpc_array(n * n, prec);
    w->piv = lcn_malloc_array(n ? n : 1, sizeof *w->piv);
    lcn_cert_temps_init(w, prec);
    degree_analysis(w, sys);
}

void lcn_cert_priv_set_prec(lcn_cert_priv *w, mpfr_prec_t prec)
{
    if (w->prec == prec) return;
    size_t n = (size_t)w->n, m = (size_t)w->m;
    w->prec = prec;
    mpc_array_prec(w->bm, w->nregs, prec);
    mpc_array_prec(w->cm, w->nconst, prec);
    w->prec_c = 0;
    mpc_array_prec(w->x, n, prec);
    mpc_array_prec(w->pm, m, prec);
    mpc_array_prec(w->A, n * n, prec);
    mpc_array_prec(w->b, n, prec);
    mpc_array_prec(w->M, n * n, prec);
    mpc_array_prec(w->tm, 4, prec);
    for (int i = 0; i < 8; i++) mpfr_set_prec(w->u[i], prec);
}

void lcn_cert_priv_clear(lcn_cert_priv *w)
{
    size_t n = (size_t)w->n, m = (size_t)w->m;
    mpc_array_free(w->bm, w->nregs);
    rad_array_free(w->br, w->nregs);
    mpc_array_free(w->cm, w->nconst);
    rad_array_free(w->cr, w->nconst);
    lcn_free(w->cabs_up);
    mpc_array_free(w->x, n);
    mpc_array_free(w->pm, m);
    mpc_array_free(w->A, n * n);
    mpc_array_free(w->b, n);
    mpc_array_free(w->M, n * n);
    lcn_free(w->piv);
    lcn_cert_temps_clear(w);
    lcn_free(w->deg);
    lcn_free(w->maj);
    lcn_free(w->S);
}
