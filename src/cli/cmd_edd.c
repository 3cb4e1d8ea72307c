/* lcncrit edd: expected counts only (formulas, DESIGN.md §3), no tracking.
 * Strided / mixed architectures: the generic ED degree C_k of the Segre
 * neurovariety of the reduced architecture (Shahverdi Thm 4.1, eq. 4.9).
 * Stride one: the multiple root loci with their ED degrees for identity and
 * Bombieri weights ("unknown" where no formula is known), N(λ), the
 * parameter-space prediction and the upper bound of KMMT22 Ex. 6.7. */
#include <string.h>
#include "cli.h"
#include "lcncrit/weights.h"

/* Larger degrees have thousands of loci: the table is skipped. */
#define TABLE_MAX_N 24

static int parse(const char *cmd, int argc, char **argv, cli_common *common, lcn_arch_t arch, const char **weights)
{
    cli_arch_opts ao;
    cli_arch_opts_init(&ao);
    cli_common_init(common);
    *weights = NULL;
    for (int i = 1; i < argc; i++) {
        int r = cli_common_parse(common, argc, argv, &i);
        if (r == 0) r = cli_arch_opts_parse(&ao, cmd, argc, argv, &i);
        if (r < 0) return CLI_BAD_INPUT;
        if (r > 0) continue;
        const char *v;
        if (!strcmp(argv[i], "--weights")) {
            if (*weights) return cli_bad(cmd, "option --weights given twice");
            if (!(v = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
            *weights = v;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lcncrit %s --k K1,K2,.. [--s S1,S2,..] [--weights W] [--json FILE|-]\n", cmd);
            return -1;
        } else {
            return cli_bad(cmd, "unknown option '%s'", argv[i]);
        }
    }
    return cli_arch_opts_finish(&ao, cmd, "9,9 --s 2,1", arch);
}

static void print_ints(FILE *f, const int *v, int n, const char *open, const char *close)
{
    fputs(open, f);
    for (int i = 0; i < n; i++) fprintf(f, "%s%d", i ? "," : "", v[i]);
    fputs(close, f);
}

/* "12" or "unknown" (text), "12" or "null" (JSON) */
static const char *count_str(char *buf, size_t len, int known, uint64_t v, int json)
{
    if (known == 1) snprintf(buf, len, "%llu", (unsigned long long)v);
    else snprintf(buf, len, "%s", json ? "null" : "unknown");
    return buf;
}

int cmd_edd(int argc, char **argv)
{
    const char *cmd = argv[0], *wname;
    cli_common common;
    lcn_arch_t a;
    lcn_arch_init(a);
    int rc = parse(cmd, argc, argv, &common, a, &wname);
    if (rc < 0) return CLI_OK; /* --help */
    if (rc != CLI_OK) return rc;
    /* no --weights: identity, as for --target (SPEC.md) */
    lcn_edd_weights_t wk = lcn_edd_weights_from_name(wname ? wname : "identity");
    int json_stdout = common.json && !strcmp(common.json, "-");
    FILE *out = common.quiet ? NULL : json_stdout ? stderr : stdout;
    FILE *js = NULL;
    if (wk == LCN_EDD_MATRIX) {
        /* No formula for a weight file, but a file that is not a valid
         * weight matrix is still bad input, not "unknown". k is bounded
         * first: the file is read into a dense k x k matrix. */
        if (a->kend > 400) {
            lcn_arch_clear(a);
            return cli_bad(cmd, "--weights %s: a weight file needs end-to-end k <= 400", wname);
        }
        double *T = lcn_malloc(sizeof *T * (size_t)a->kend * (size_t)a->kend);
        char msg[512];
        lcn_err_t e = lcn_weights_read(T, a->kend, wname, msg, sizeof msg);
        lcn_free(T);
        if (e) {
            lcn_arch_clear(a);
            return cli_bad(cmd, "--weights %s: %s", wname, msg);
        }
    }
    if (common.json && !(js = cli_json_open(cmd, common.json))) {
        lcn_arch_clear(a);
        return CLI_BAD_INPUT;
    }
    int n = a->kend - 1;
    char b1[32], b2[32], b3[32];

    if (out) {
        fprintf(out, "lcncrit %s edd\narchitecture: k = ", lcn_version());
        print_ints(out, a->k, a->L, "(", ")");
        print_ints(out, a->s, a->L, ", s = (", ")");
        fprintf(out, "; end-to-end k = %d, %s; reduced k = ", a->kend, lcn_arch_kind(a));
        print_ints(out, a->red_k, a->red_L, "(", ")");
        fputc('\n', out);
    }
    if (js) {
        fprintf(js, "{\n  \"tool\": \"lcncrit\", \"version\": \"%s\", \"command\": \"edd\",\n  \"architecture\": ",
                lcn_version());
        lcn_arch_write_json(js, a);
        fprintf(js, ",\n  \"weights\": \"%s\"", lcn_edd_weights_name(wk));
    }

    /* Segre neurovariety of the reduced architecture */
    mpz_t C, Cw;
    mpz_inits(C, Cw, NULL);
    int cg = lcn_edd_arch_segre(C, a, LCN_EDD_GENERIC);
    int cw = lcn_edd_arch_segre(Cw, a, wk);
    if (cg < 0) {
        fprintf(stderr, "lcncrit %s: the Segre ED degree is too large to compute (%s)\n", cmd,
                lcn_err_string((lcn_err_t)cg));
    }
    if (out && cg == 1) {
        if (a->red_L > 1) {
            fputs("Segre neurovariety of reduced k = ", out);
            print_ints(out, a->red_k, a->red_L, "(", ")");
            fputs(": generic ED degree C_k = ", out);
            mpz_out_str(out, 10, C);
            fputs(" (Shahverdi Thm 4.1, eq. 4.9)\n", out);
            if (wname && wk != LCN_EDD_GENERIC && wk != LCN_EDD_MATRIX)
                fprintf(out, "  with %s weights: %s\n", lcn_edd_weights_name(wk),
                        cw == 1 ? "as generic" : "unknown (no formula)");
        } else {
            fputs("Zariski closure of the function space: a linear space (ED degree 1)\n", out);
        }
    }
    if (js) {
        fputs(",\n  \"segre\": {\"k\": ", js);
        print_ints(js, a->red_k, a->red_L, "[", "]");
        fputs(", \"generic\": ", js);
        if (cg == 1) mpz_out_str(js, 10, C);
        else fputs("null", js);
        fputs(", \"expected\": ", js);
        if (cw == 1) mpz_out_str(js, 10, Cw);
        else fputs("null", js);
        fputs(", \"source\": \"Shahverdi Thm 4.1, eq. 4.9 (m_j = k_j - 1)\"}", js);
    }
    mpz_clears(C, Cw, NULL);

    if (a->stride_one) {
        if (out) fprintf(out, "multiple root loci of degree %d (KMMT22 Sec. 6.2; generic weights = identity):\n", n);
        if (js) fputs(",\n  \"root_loci\": ", js);
        if (n > TABLE_MAX_N) {
            if (out) fprintf(out, "  (degree %d > %d: table omitted)\n", n, TABLE_MAX_N);
            if (js) fputs("null", js);
        } else {
            lcn_partitions_t p;
            lcn_err_t err = lcn_partitions_init_set(p, n);
            LCN_ASSERT(err == LCN_OK);
            if (out)
                fprintf(out, "  %-16s %-10s %-10s %-9s %-9s\n", "locus", "compatible", "N(lambda)", "identity",
                        "bombieri");
            if (js) fputc('[', js);
            for (size_t i = 0; i < p->count; i++) {
                char pstr[256], name[300];
                uint64_t N = 0, ei = 0, eb = 0;
                const char *src = NULL;
                lcn_partition_get_str(pstr, sizeof pstr, p->parts[i], p->len[i]);
                int nk = lcn_compat_count(&N, p->parts[i], p->len[i], a) == LCN_OK;
                int ki = lcn_edd_root_locus(&ei, p->parts[i], p->len[i], LCN_EDD_IDENTITY, &src);
                int kb = lcn_edd_root_locus(&eb, p->parts[i], p->len[i], LCN_EDD_BOMBIERI, NULL);
                if (out) {
                    snprintf(name, sizeof name, "Delta(%s)", pstr);
                    fprintf(out, "  %-16s %-10s %-10s %-9s %-9s\n", name, !nk ? "?" : N ? "yes" : "no",
                            count_str(b1, sizeof b1, nk, N, 0), count_str(b2, sizeof b2, ki, ei, 0),
                            count_str(b3, sizeof b3, kb, eb, 0));
                }
                if (js) {
                    fprintf(js, "%s\n    {\"partition\": [%s], \"compatible\": %s, \"N\": %s, ", i ? "," : "", pstr,
                            !nk ? "null" : N ? "true" : "false", count_str(b1, sizeof b1, nk, N, 1));
                    fprintf(js, "\"identity\": %s, \"bombieri\": %s, \"source\": ",
                            count_str(b2, sizeof b2, ki, ei, 1), count_str(b3, sizeof b3, kb, eb, 1));
                    if (src) fprintf(js, "\"%s\"}", src);
                    else fputs("null}", js);
                }
            }
            if (js) fputs("]", js);
            lcn_partitions_clear(p);
        }
        /* totals for identity and Bombieri, and for the chosen weights */
        uint64_t pi = 0, pb = 0, ui = 0, ub = 0, pw = 0, uw = 0;
        int kpi = 0, kpb = 0, kui = 0, kub = 0, kpw = 0, kuw = 0;
        if (n <= TABLE_MAX_N) {
            kpi = lcn_edd_params_prediction(&pi, a, LCN_EDD_IDENTITY);
            kpb = lcn_edd_params_prediction(&pb, a, LCN_EDD_BOMBIERI);
            kpw = lcn_edd_params_prediction(&pw, a, wk);
            kui = lcn_edd_upper_bound(&ui, a, LCN_EDD_IDENTITY);
            kub = lcn_edd_upper_bound(&ub, a, LCN_EDD_BOMBIERI);
            kuw = lcn_edd_upper_bound(&uw, a, wk);
        }
        if (out) {
            fprintf(out, "parameter space, nonzero critical points (sum EDdeg * N): identity %s, bombieri %s\n",
                    count_str(b1, sizeof b1, kpi, pi, 0), count_str(b2, sizeof b2, kpb, pb, 0));
            fprintf(out, "upper bound on distinct mu(theta) (KMMT22 Ex. 6.7): identity %s, bombieri %s\n",
                    count_str(b1, sizeof b1, kui, ui, 0), count_str(b2, sizeof b2, kub, ub, 0));
        }
        if (js) {
            fprintf(js, ",\n  \"params_prediction\": {\"identity\": %s, ", count_str(b1, sizeof b1, kpi, pi, 1));
            fprintf(js, "\"bombieri\": %s, ", count_str(b1, sizeof b1, kpb, pb, 1));
            fprintf(js, "\"expected\": %s},\n", count_str(b1, sizeof b1, kpw, pw, 1));
            fprintf(js, "  \"upper_bound\": {\"identity\": %s, ", count_str(b1, sizeof b1, kui, ui, 1));
            fprintf(js, "\"bombieri\": %s, ", count_str(b1, sizeof b1, kub, ub, 1));
            fprintf(js, "\"expected\": %s}", count_str(b1, sizeof b1, kuw, uw, 1));
        }
    }
    if (js) {
        fputs("\n}\n", js);
        cli_json_close(js);
    }
    lcn_arch_clear(a);
    return cg < 0 ? CLI_FAIL : CLI_OK;
}
