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
/* Open the --json destination ("-" is stdout). NULL on failure (message printed). */
FILE *cli_json_open(const char *cmd, const char *path);
void cli_json_close(FILE *f);
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

int cmd_solve(int argc, char **argv);
int cmd_arch(int argc, char **argv);
int cmd_edd(int argc, char **argv);
int cmd_locus(int argc, char **argv);
int cmd_segre(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_census(int argc, char **argv);

#endif
