/* The lcncrit command line: shared option parsing and exit codes.
 * Exit status (SPEC.md): 0 done and every known count met; 4 a count differs
 * from its expectation; 2 bad input; 1 internal failure. */
#ifndef LCN_CLI_H
#define LCN_CLI_H

#include <stdint.h>
#include <stdio.h>
#include "lcncrit/lcncrit.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_BAD_INPUT = 2, CLI_MISMATCH = 4 };

/* Options shared by every command. */
typedef struct {
    uint64_t seed;
    int threads;        /* 0: all */
    int quiet;
    const char *json;   /* NULL, a path, or "-" for stdout */
    const char *cache;  /* cache directory, NULL: default */
    const char *checkpoint;       /* --checkpoint FILE, NULL: none */
    double checkpoint_interval;   /* --checkpoint-interval SECONDS [30] */
    unsigned seen;      /* bit per common option already given (duplicates are refused) */
} cli_common;

void cli_common_init(cli_common *c);
/* Try to consume argv[*i] (and its value) as a common option. Returns 1 if
 * consumed, 0 if not a common option, -1 on a bad value (message printed). */
int cli_common_parse(cli_common *c, int argc, char **argv, int *i);

/* Print "lcncrit CMD: MESSAGE" to stderr; returns CLI_BAD_INPUT. */
int cli_bad(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The value after option argv[*i], or NULL (message printed) if missing. */
const char *cli_value(const char *cmd, int argc, char **argv, int *i);
/* Parse "3,2,2" into at most max positive ints; -1 on error (message names opt). */
int cli_parse_int_list(const char *cmd, const char *opt, const char *s, int *out, int max, int min_value);
/* Parse "2,0,5,0,2" into doubles (finite); returns count or -1. */
int cli_parse_double_list(const char *cmd, const char *opt, const char *s, double *out, int max);
/* --k and --s of arch and edd (arch_opts.c): the lists as given. */
typedef struct {
    int k[LCN_ARCH_MAX_LAYERS], s[LCN_ARCH_MAX_LAYERS];
    int L, ns;          /* entries in k and s; -1: option not given */
} cli_arch_opts;
void cli_arch_opts_init(cli_arch_opts *a);
/* Try to consume argv[*i] (and its value) as --k or --s: 1 if consumed, 0
 * if it is neither, -1 on a bad or repeated value (message printed). */
int cli_arch_opts_parse(cli_arch_opts *a, const char *cmd, int argc, char **argv, int *i);
/* After the command line: refuse a missing --k (the message suggests
 * "--k EXAMPLE"), a --s of another length or an architecture out of range,
 * else set arch (initialised). Returns CLI_OK or CLI_BAD_INPUT. */
int cli_arch_opts_finish(const cli_arch_opts *a, const char *cmd, const char *example, lcn_arch_t arch);

/* Parse a count of at least 1 for OPT (e.g. --max-paths 1e6 or 1000000);
 * -1 on error (message names opt). */
int cli_parse_count(const char *cmd, const char *opt, const char *s, uint64_t *out);
/* Open the --json destination ("-" is stdout): PATH.tmp, renamed over PATH
 * by cli_json_close once everything is written; cli_json_abandon removes it
 * (a failed or interrupted run leaves no partial file). NULL on failure
 * (message printed). */
FILE *cli_json_open(const char *cmd, const char *path);
void cli_json_close(FILE *f);
void cli_json_abandon(FILE *f);
/* --checkpoint: open c->checkpoint with fingerprint (the run's identity:
 * command, inputs, seed, machine), load it when it exists and install the
 * SIGINT/SIGTERM handlers (which only set cli_stop_signal). Returns CLI_OK,
 * or CLI_BAD_INPUT (message printed: another run's file, unreadable,
 * malformed); ck is initialised either way (clear it). */
int cli_checkpoint_open(lcn_checkpoint_t ck, const char *cmd, const cli_common *c, const char *fingerprint);
/* After LCN_ERR_INTERRUPTED: the message and the exit status 128 + signal. */
int cli_checkpoint_interrupted(const lcn_checkpoint_t ck, const char *cmd);
/* The machine part of a fingerprint and a 64-bit FNV-1a hash of bytes. */
const char *cli_machine(void);
uint64_t cli_hash(uint64_t h, const void *data, size_t len);

/* The log callback used by commands: stderr unless quiet. */
void cli_log(void *data, lcn_log_level_t level, const char *line);

/* Size limits of locus, segre, params and census (limits.c, README.md "Size
 * limits"): the end-to-end filter size, and the default of --max-paths, the
 * largest generic count the commands accept to track. */
#define CLI_LCN_MAX_K 64
#define CLI_DEFAULT_MAX_PATHS 1000000
/* Refuse, before anything is built, a system of the given kind for
 * a[0..na) (the partition, or the filter sizes with strides s, NULL: all
 * ones) beyond those limits: returns CLI_BAD_INPUT with a message naming
 * --partition or --k, CLI_OK otherwise. */
int cli_lcn_check_size(const char *cmd, lcn_critsys_kind_t kind, const int *a, const int *s, int na,
                       uint64_t max_paths);
/* The same for census of arch (all its root loci, or its Segre system):
 * a message naming --k. */
int cli_census_check_size(const char *cmd, const lcn_arch_t arch, uint64_t max_paths);

int cmd_solve(int argc, char **argv);
int cmd_arch(int argc, char **argv);
int cmd_edd(int argc, char **argv);
int cmd_locus(int argc, char **argv);
int cmd_segre(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_census(int argc, char **argv);

#endif
