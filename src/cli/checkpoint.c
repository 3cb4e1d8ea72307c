/* --checkpoint in the commands: the run's fingerprint, loading the file,
 * the SIGINT/SIGTERM handlers and the message when a run was stopped
 * (checkpoint.h does the saving). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "cli.h"

/* The signal that asked a checkpointed run to stop (0: none). */
static volatile sig_atomic_t cli_stop_signal = 0;

/* Only a flag: the solver polls it at batch boundaries, saves and stops. A
 * second signal while that is under way ends the process at once (the file
 * on disk is always a complete checkpoint: writes go through a rename). */
static void on_stop_signal(int sig)
{
    if (cli_stop_signal) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    cli_stop_signal = sig;
    /* write() is async-signal-safe; stdio is not. */
    static const char msg[] = "lcncrit: stopping at the next batch boundary to save the checkpoint "
                              "(signal again to stop at once)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
}

const char *cli_machine(void)
{
    static char buf[160];
    struct utsname u;
    const char *mach = uname(&u) == 0 ? u.machine : "unknown";
    unsigned one = 1;
    snprintf(buf, sizeof buf, "%s-%s", mach, *(unsigned char *)&one ? "le" : "be");
    return buf;
}

uint64_t cli_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    if (!h) h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int cli_checkpoint_open(lcn_checkpoint_t ck, const char *cmd, const cli_common *c, const char *fingerprint)
{
    lcn_checkpoint_init(ck, c->checkpoint, fingerprint);
    ck->interval = c->checkpoint_interval;
    ck->stop = &cli_stop_signal;
    ck->log.fn = cli_log;
    ck->log.data = (void *)c;
    ck->log.max_level = c->quiet ? LCN_LOG_WARN : LCN_LOG_INFO;
    char msg[9000];
    int found = 0;
    lcn_err_t err = lcn_checkpoint_load(ck, &found, msg, sizeof msg);
    if (err) return cli_bad(cmd, "--checkpoint %s: %s", c->checkpoint, msg);
    if (found && !c->quiet) fprintf(stderr, "resuming from the checkpoint %s\n", c->checkpoint);
    /* An unwritable FILE is bad input, found now rather than at the first
     * periodic save or, worse, at the signal. */
    if (lcn_checkpoint_save(ck))
        return cli_bad(cmd, "--checkpoint %s: cannot write it (or %s.tmp beside it): %s", c->checkpoint,
                       c->checkpoint, strerror(errno));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    return CLI_OK;
}

int cli_checkpoint_interrupted(const lcn_checkpoint_t ck, const char *cmd)
{
    int sig = cli_stop_signal ? (int)cli_stop_signal : SIGTERM;
    fprintf(stderr, "lcncrit %s: interrupted by %s; %s %s (run the same command again to resume)\n", cmd,
            sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal",
            ck->saves > 0 && !ck->save_error ? "progress saved in" : "progress could NOT be saved to", ck->path);
    return 128 + sig;
}
