/* lcncrit census: every critical point an architecture leads to, for a
 * target filter or for training data (SPEC.md, census.h). With no
 * arguments: KMMT22 §7.3, --k 3,2,2 --target 2,0,5,0,2. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "lcncrit/census.h"
#include "lcncrit/data.h"
#include "lcncrit/weights.h"

/* Stream of --target random (the same as locus/segre/params). */
#define TARGET_STREAM 0x54524754u
#define MAXL 32

static void usage(void)
{
    printf("usage: lcncrit census [--k 3,2,2] [--s 1,1,1] (--target U|random | --data X.csv Y.csv)\n"
           "       [--weights identity|bombieri|generic|FILE] [--verify-params] [--no-certify] [--max-paths N]\n"
           "       [--json FILE|-] [--seed S] [--threads N] [--cache DIR|none] [--quiet]\n"
           "       [--checkpoint FILE [--checkpoint-interval SECONDS]]\n"
           "With no arguments: KMMT22 Sec. 7.3, --k 3,2,2 --target 2,0,5,0,2 (identity weights).\n"
           "X.csv is d0 x N (one sample per column), Y.csv is dL x N, d0 = k + (dL-1)*stride.\n");
}

int cmd_census(int argc, char **argv)
{
    const char *cmd = argv[0];
    cli_common co;
    cli_common_init(&co);
    int k[MAXL], nk = 0, s[MAXL], ns = 0, verify = 0, certify = 1, max_paths_seen = 0;
    uint64_t max_paths = CLI_DEFAULT_MAX_PATHS;
    const char *target = NULL, *weights = NULL, *xpath = NULL, *ypath = NULL;
    if (argc <= 1) {
        k[0] = 3, k[1] = 2, k[2] = 2;
        nk = 3;
        target = "2,0,5,0,2";
    }
    for (int i = 1; i < argc; i++) {
        int r = cli_common_parse(&co, argc, argv, &i);
        if (r < 0) return CLI_BAD_INPUT;
        if (r > 0) continue;
        const char *a = argv[i], *v;
        if (!strcmp(a, "--k")) {
            if (nk) return cli_bad(cmd, "option --k given twice");
            if (!(v = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
            if ((nk = cli_parse_int_list(cmd, a, v, k, MAXL, 1)) < 0) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--s")) {
            if (ns) return cli_bad(cmd, "option --s given twice");
            if (!(v = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
            if ((ns = cli_parse_int_list(cmd, a, v, s, MAXL, 1)) < 0) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--target")) {
            if (target) return cli_bad(cmd, "option --target given twice");
            if (!(target = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--weights")) {
            if (weights) return cli_bad(cmd, "option --weights given twice");
            if (!(weights = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--data")) {
            if (xpath) return cli_bad(cmd, "option --data given twice");
            if (i + 2 >= argc) return cli_bad(cmd, "--data needs two files: X.csv Y.csv");
            xpath = argv[++i];
            ypath = argv[++i];
        } else if (!strcmp(a, "--max-paths")) {
            if (max_paths_seen++) return cli_bad(cmd, "option --max-paths given twice");
            if (!(v = cli_value(cmd, argc, argv, &i)) || cli_parse_count(cmd, a, v, &max_paths)) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--verify-params")) {
            verify = 1;
        } else if (!strcmp(a, "--no-certify")) {
            certify = 0;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage();
            return CLI_OK;
        } else {
            return cli_bad(cmd, "unknown option '%s' (try --help)", a);
        }
    }
    if (nk == 0) {
        if (target || xpath) return cli_bad(cmd, "--k is required (e.g. --k 3,2,2)");
        k[0] = 3, k[1] = 2, k[2] = 2;
        nk = 3;
        target = "2,0,5,0,2";
    }
    if (target && xpath) return cli_bad(cmd, "--target and --data exclude each other");
    if (!target && !xpath) return cli_bad(cmd, "--target U|random or --data X.csv Y.csv is required");
    if (xpath && weights) return cli_bad(cmd, "--weights: with --data the weights are the data's (T = A, DESIGN Sec. 1)");
    if (ns && ns != nk) return cli_bad(cmd, "--s: %d strides for %d layers", ns, nk);

    lcn_arch_t arch;
    lcn_arch_init(arch);
    if (lcn_arch_init_set(arch, k, ns ? s : NULL, nk))
        return cli_bad(cmd, "--%s: %s", arch->bad_arg ? arch->bad_arg : "k", arch->msg);
    int kend = arch->kend, rc = CLI_OK;
    if (kend < 2) {
        lcn_arch_clear(arch);
        return cli_bad(cmd, "--k: every layer is a scalar (end-to-end filter of size 1): there is nothing to compute");
    }
    /* Refused before any system is built (limits.c). */
    if ((rc = cli_census_check_size(cmd, arch, max_paths))) {
        lcn_arch_clear(arch);
        return rc;
    }
    /* One spare entry: the --target parser is asked for up to kend + 1
     * numbers so that a too-long list is reported as such. */
    double *u = calloc((size_t)kend + 1, sizeof *u), *T = calloc((size_t)kend * kend, sizeof *T), cst = 0;
    char msg[600];
    const char *wname = weights ? weights : "identity";
    lcn_dmatrix_t X, Y;
    lcn_dmatrix_init(X);
    lcn_dmatrix_init(Y);
    lcn_census_t c;
    lcn_census_init(c);
    FILE *jf = NULL;
    lcn_checkpoint_t ck;
    int have_ck = 0;
    if (xpath) {
        lcn_err_t err;
        if ((err = lcn_dmatrix_read_csv(X, xpath, msg, sizeof msg)) || (err = lcn_dmatrix_read_csv(Y, ypath, msg, sizeof msg))) {
            rc = cli_bad(cmd, "--data: %s", msg);
            goto done;
        }
        if (lcn_data_loss_form(T, u, &cst, arch, X, Y, msg, sizeof msg)) {
            rc = cli_bad(cmd, "--data %s %s: %s", xpath, ypath, msg);
            goto done;
        }
        wname = "data";
    } else {
        if (!strcmp(target, "random")) {
            lcn_rng_t rng;
            lcn_rng_init(rng, co.seed, TARGET_STREAM);
            for (int j = 0; j < kend; j++) u[j] = lcn_rng_normal(rng);
        } else {
            int nu = cli_parse_double_list(cmd, "--target", target, u, kend + 1);
            if (nu < 0) {
                rc = CLI_BAD_INPUT;
                goto done;
            }
            if (nu != kend) {
                rc = cli_bad(cmd, "--target: %d numbers, but the end-to-end filter of this architecture has size %d", nu, kend);
                goto done;
            }
        }
        if (lcn_weights_from_name(T, kend, wname, co.seed, msg, sizeof msg)) {
            rc = cli_bad(cmd, "--weights %s: %s", wname, msg);
            goto done;
        }
    }

    /* Opened before the run: an unwritable --json path is bad input, found
     * before minutes of tracking, not after. */
    if (co.json && !(jf = cli_json_open(cmd, co.json))) {
        rc = CLI_BAD_INPUT;
        goto done;
    }
    lcn_census_opts_t o;
    lcn_census_opts_init(o);
    if (co.checkpoint) {
        /* The run's identity: what the saved state depends on (not the
         * threads: results do not depend on them). */
        char fp[1024];
        int off = snprintf(fp, sizeof fp, "lcncrit %s census k=", lcn_version());
        for (int l = 0; l < nk && off < (int)sizeof fp - 16; l++) off += snprintf(fp + off, sizeof fp - (size_t)off, "%s%d", l ? "," : "", k[l]);
        off += snprintf(fp + off, sizeof fp - (size_t)off, " s=");
        for (int l = 0; l < ns && off < (int)sizeof fp - 16; l++) off += snprintf(fp + off, sizeof fp - (size_t)off, "%s%d", l ? "," : "", s[l]);
        uint64_t h = cli_hash(0, u, sizeof *u * (size_t)kend);
        h = cli_hash(h, T, sizeof *T * (size_t)kend * (size_t)kend);
        h = cli_hash(h, &cst, sizeof cst);
        snprintf(fp + off, sizeof fp - (size_t)off, " seed=%llu weights=%s data=%016llx verify-params=%d host=%s",
                 (unsigned long long)co.seed, wname, (unsigned long long)h, verify, cli_machine());
        have_ck = 1;
        if ((rc = cli_checkpoint_open(ck, cmd, &co, fp))) goto done;
        o->checkpoint = ck;
    }
    o->seed = co.seed;
    o->threads = co.threads;
    o->cache_dir = co.cache;
    o->weights_name = wname;
    o->certify = certify;
    /* Progress and warnings on stderr; the per-component lines only when
     * someone is watching a terminal. */
    o->log.fn = cli_log;
    o->log.data = &co;
    o->log.max_level = (!co.quiet && isatty(2)) ? LCN_LOG_INFO : LCN_LOG_WARN;
    o->track_log = o->log;
    lcn_err_t err = lcn_census_run(c, arch, u, T, cst, o);
    if (!err && verify) {
        if (strcmp(c->route, "stride-one") != 0)
            fprintf(stderr, "lcncrit census: --verify-params applies to stride-one architectures only; skipped\n");
        else
            err = lcn_census_verify_params(c, o);
    }
    if (err == LCN_ERR_INTERRUPTED && have_ck) {
        rc = cli_checkpoint_interrupted(ck, cmd);
        /* No results yet: do not leave an empty --json file behind. */
        if (jf && jf != stdout) {
            cli_json_abandon(jf);
            jf = NULL;
        }
        goto done;
    }
    /* The finished state: the same command again re-uses every path. */
    if (!err && have_ck && lcn_checkpoint_save(ck))
        fprintf(stderr, "lcncrit %s: warning: cannot write the checkpoint %s\n", cmd, co.checkpoint);
    if (err == LCN_ERR_LIMIT) {
        /* Checked by the systems before anything large is allocated. */
        rc = cli_bad(cmd, "--k: the architecture (end-to-end k = %d) is beyond the size limits of the critical-point systems", kend);
        goto done;
    }
    if (err) {
        fprintf(stderr, "lcncrit census: failed: %s\n", lcn_err_string(err));
        rc = CLI_FAIL;
        goto done;
    }
    int to_stdout_json = co.json && !strcmp(co.json, "-");
    if (!to_stdout_json) lcn_census_write_text(stdout, c);
    else if (!co.quiet) lcn_census_write_text(stderr, c);
    if (jf) {
        lcn_census_write_json(jf, c);
        cli_json_close(jf);
        jf = NULL;
    }
    rc = (c->mismatch || !strcmp(c->route, "not-covered")) ? CLI_MISMATCH : CLI_OK;
done:
    if (jf) cli_json_abandon(jf);
    lcn_census_clear(c);
    if (have_ck) lcn_checkpoint_clear(ck);
    lcn_dmatrix_clear(X);
    lcn_dmatrix_clear(Y);
    lcn_arch_clear(arch);
    free(u);
    free(T);
    return rc;
}
