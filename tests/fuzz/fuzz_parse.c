/* libFuzzer harness for the text system format (src/slp/parse.c).
 *
 * Every input is parsed as a system and as a constant. A parse must either
 * succeed or fail with a position inside the input; a square system that
 * parses is compiled and evaluated (double and MPC) at a fixed point, so the
 * SLP built by the parser is exercised too. Build and run: run-fuzz.sh parse. */
#include <complex.h>
#include <stdint.h>
#include <stdlib.h>
#include "lcncrit/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    lcn_parsed_system_t ps;
    lcn_parse_error_t err;
    lcn_parsed_system_init(ps);
    lcn_err_t e = lcn_parse_system(ps, text, size, err);
    if (e != LCN_OK) {
        if (e != LCN_ERR_PARSE && e != LCN_ERR_LIMIT) abort();
        if (err->line < 1 || err->column < 1 || err->offset > size || !err->msg[0]) abort();
        if (ps->nvars || ps->nparams || ps->neqs) abort();
    } else if (ps->neqs == ps->nvars && ps->nvars >= 1 && ps->nvars <= 8) {
        lcn_system_t sys;
        if (lcn_parsed_system_compile(sys, ps, err) == LCN_OK) {
            double complex x[8], p[64], F[8], J[64], Jp[8 * 64];
            int m = ps->nparams < 64 ? ps->nparams : 0;
            if (m == ps->nparams) {
                for (int i = 0; i < 8; i++) x[i] = 0.5 + 0.25 * i - 0.125 * I * i;
                for (int j = 0; j < m; j++) p[j] = 1.0 - 0.5 * I;
                lcn_system_ws_t ws;
                lcn_system_ws_init(ws, sys);
                lcn_system_eval_d(F, J, Jp, sys, ws, x, p);
                mpc_t xm[8], pm[64], Fm[8];
                for (int i = 0; i < ps->nvars; i++) {
                    mpc_init2(xm[i], 64);
                    mpc_set_dc(xm[i], x[i], MPC_RNDNN);
                    mpc_init2(Fm[i], 64);
                }
                for (int j = 0; j < m; j++) {
                    mpc_init2(pm[j], 64);
                    mpc_set_dc(pm[j], p[j], MPC_RNDNN);
                }
                lcn_system_eval_mp(Fm, NULL, NULL, sys, ws, xm, pm, 64);
                for (int i = 0; i < ps->nvars; i++) {
                    mpc_clear(xm[i]);
                    mpc_clear(Fm[i]);
                }
                for (int j = 0; j < m; j++) mpc_clear(pm[j]);
                lcn_system_ws_clear(ws);
            }
        }
        lcn_system_clear(sys);
    }
    lcn_parsed_system_clear(ps);

    mpq_t re, im;
    mpq_inits(re, im, NULL);
    e = lcn_parse_constant(re, im, text, size, err);
    if (e != LCN_OK && e != LCN_ERR_PARSE && e != LCN_ERR_LIMIT) abort();
    mpq_clears(re, im, NULL);
    return 0;
}
