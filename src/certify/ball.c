/* Complex ball arithmetic on top of MPC/MPFR, and the enclosure of F and
 * DF/dx at an exact point by running the system's program 1 on balls.
 *
 * Error model (why these radii are rigorous): mpc_add, mpc_sub, mpc_mul and
 * mpfr_set_q round each part correctly to nearest at precision prec. For a
 * part y rounded to nearest at p bits, |fl(y) - y| <= half an ulp of fl(y)
 * <= 2^-p |fl(y)| (MPFR significands lie in [1/2, 1)), and y = fl(y) when
 * the ternary value is 0. Radii are kept in LCN_CERT_RAD_PREC bits with
 * every operation rounded up. Products use |a b - am bm| <= |am| rb + |bm| ra
 * + ra rb for a in B(am, ra), b in B(bm, rb). The exponent range of MPFR is
 * assumed not to be exhausted (no underflow to 0 / overflow to Inf in the
 * midpoints); an overflow to Inf in a radius only makes the test fail. */
#include "impl.h"

void lcn_cert_round_err(mpfr_t r, const mpc_t m, int inex, lcn_cert_priv *w)
{
    if (MPC_INEX_RE(inex)) {
        mpfr_abs(w->t[0], mpc_realref(m), MPFR_RNDU);
        mpfr_mul_2si(w->t[0], w->t[0], -(long)w->prec, MPFR_RNDU);
        mpfr_add(r, r, w->t[0], MPFR_RNDU);
    }
    if (MPC_INEX_IM(inex)) {
        mpfr_abs(w->t[0], mpc_imagref(m), MPFR_RNDU);
        mpfr_mul_2si(w->t[0], w->t[0], -(long)w->prec, MPFR_RNDU);
        mpfr_add(r, r, w->t[0], MPFR_RNDU);
    }
}

/* m may alias am or bm, and r may alias ar or br. */
void lcn_cert_ball_add(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, const mpc_t bm, const mpfr_t br,
                       int sub, lcn_cert_priv *w)
{
    int inex = sub ? mpc_sub(m, am, bm, MPC_RNDNN) : mpc_add(m, am, bm, MPC_RNDNN);
    mpfr_add(r, ar, br, MPFR_RNDU);
    lcn_cert_round_err(r, m, inex, w);
}

/* t >= |z|, cheaply: |Re z| + |Im z| rounded up at the radius precision (a
 * factor up to sqrt 2 on a term that is itself of relative size 2^-prec). */
static void abs_up_cheap(mpfr_t t, const mpc_t z, mpfr_t tmp)
{
    mpfr_abs(t, mpc_realref(z), MPFR_RNDU);
    mpfr_abs(tmp, mpc_imagref(z), MPFR_RNDU);
    mpfr_add(t, t, tmp, MPFR_RNDU);
}

/* m may alias am or bm (the radius is formed before the midpoint changes). */
void lcn_cert_ball_mul(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, const mpc_t bm, const mpfr_t br,
                       lcn_cert_priv *w)
{
    int ra0 = mpfr_zero_p(ar), rb0 = mpfr_zero_p(br);
    mpfr_set_zero(w->t[1], 1);
    if (!rb0) {
        abs_up_cheap(w->t[2], am, w->t[3]);
        mpfr_mul(w->t[2], w->t[2], br, MPFR_RNDU);
        mpfr_add(w->t[1], w->t[1], w->t[2], MPFR_RNDU);
    }
    if (!ra0) {
        abs_up_cheap(w->t[2], bm, w->t[3]);
        mpfr_mul(w->t[2], w->t[2], ar, MPFR_RNDU);
        mpfr_add(w->t[1], w->t[1], w->t[2], MPFR_RNDU);
    }
    if (!ra0 && !rb0) {
        mpfr_mul(w->t[2], ar, br, MPFR_RNDU);
        mpfr_add(w->t[1], w->t[1], w->t[2], MPFR_RNDU);
    }
    int inex = mpc_mul(m, am, bm, MPC_RNDNN);
    mpfr_set(r, w->t[1], MPFR_RNDU);
    lcn_cert_round_err(r, m, inex, w);
}

void lcn_cert_ball_abs_up(mpfr_t out, const mpc_t m, const mpfr_t r, lcn_cert_priv *w)
{
    (void)w;
    mpc_abs(out, m, MPFR_RNDU);
    mpfr_add(out, out, r, MPFR_RNDU);
}

/* Constants as balls at the working precision, rounded from their exact
 * rational values once per precision. */
static void set_constants(lcn_cert_priv *w, const lcn_system_struct *sys)
{
    if (w->prec_c == w->prec) return;
    for (size_t c = 0; c < sys->nconst; c++) {
        int ire = mpfr_set_q(mpc_realref(w->cm[c]), sys->cre[c], MPFR_RNDN);
        int iim = mpfr_set_q(mpc_imagref(w->cm[c]), sys->cim[c], MPFR_RNDN);
        mpfr_set_zero(w->cr[c], 1);
        lcn_cert_round_err(w->cr[c], w->cm[c], MPC_INEX(ire, iim), w);
    }
    w->prec_c = w->prec;
}

/* Ball power by repeated squaring; e >= 0. dst must not alias the base. */
void lcn_cert_ball_pow(mpc_t m, mpfr_t r, const mpc_t am, const mpfr_t ar, unsigned long e, lcn_cert_priv *w)
{
    mpc_set_ui(m, 1, MPC_RNDNN);
    mpfr_set_zero(r, 1);
    if (e == 0) return;
    int inex = mpc_set(w->tm[0], am, MPC_RNDNN);
    mpfr_set(w->tr[0], ar, MPFR_RNDU);
    lcn_cert_round_err(w->tr[0], w->tm[0], inex, w);
    for (;;) {
        if (e & 1) {
            lcn_cert_ball_mul(w->tm[1], w->tr[1], m, r, w->tm[0], w->tr[0], w);
            mpc_swap(m, w->tm[1]);
            mpfr_swap(r, w->tr[1]);
        }
        e >>= 1;
        if (!e) break;
        lcn_cert_ball_mul(w->tm[1], w->tr[1], w->tm[0], w->tr[0], w->tm[0], w->tr[0], w);
        mpc_swap(w->tm[0], w->tm[1]);
        mpfr_swap(w->tr[0], w->tr[1]);
    }
}

void lcn_cert_ball_eval(lcn_cert_priv *w, const lcn_system_struct *sys, const mpc_t *x, const mpc_t *pm)
{
    const lcn_program_struct *prog = &sys->prog[1];
    set_constants(w, sys);
    mpc_t *bm = w->bm;
    mpfr_t *br = w->br;
    for (size_t k = 0; k < prog->nins; k++) {
        const lcn_instr_struct *in = &prog->ins[k];
        int d = in->dst, a = in->a, b = in->b, inex;
        switch (in->op) {
        case LCN_OP_CONST:
            mpc_set(bm[d], w->cm[a], MPC_RNDNN);
            mpfr_set(br[d], w->cr[a], MPFR_RNDU);
            break;
        case LCN_OP_VAR:
        case LCN_OP_PARAM:
            inex = mpc_set(bm[d], in->op == LCN_OP_VAR ? x[a] : pm[a], MPC_RNDNN);
            mpfr_set_zero(br[d], 1);
            lcn_cert_round_err(br[d], bm[d], inex, w);
            break;
        case LCN_OP_ADD:
        case LCN_OP_SUB:
            lcn_cert_ball_add(bm[d], br[d], bm[a], br[a], bm[b], br[b], in->op == LCN_OP_SUB, w);
            break;
        case LCN_OP_MUL:
            lcn_cert_ball_mul(bm[d], br[d], bm[a], br[a], bm[b], br[b], w);
            break;
        case LCN_OP_NEG:
            mpc_neg(bm[d], bm[a], MPC_RNDNN); /* exact at equal precision */
            mpfr_set(br[d], br[a], MPFR_RNDU);
            break;
        case LCN_OP_POW:
            lcn_cert_ball_pow(bm[d], br[d], bm[a], br[a], (unsigned long)b, w);
            break;
        default: LCN_ASSERT(0 && "certify: unknown op");
        }
    }
}
