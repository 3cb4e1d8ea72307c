/* lcncrit: dispatch to a command. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "lcncrit %s: critical points of linear convolutional networks\n"
            "\n"
            "usage: lcncrit COMMAND [OPTIONS]\n"
            "\n"
            "  arch   --k 3,2,2 [--s 1,1,1]           architecture facts\n"
            "  edd    --k 4,4 [--s 2,1]               expected counts (formulas only)\n"
            "  locus  --partition 2,1,1 --target U    critical points on a multiple root locus\n"
            "  segre  --k 3,3 --s 2,1 --target U      critical points on the Segre neurovariety\n"
            "  params --k 2,3 --target U              critical points in parameter space\n"
            "  census --k 3,2,2 (--target U | --data X.csv Y.csv)\n"
            "                                         every locus of the architecture\n"
            "  solve  FILE                            a square polynomial system, total degree\n"
            "\n"
            "common options: --weights identity|bombieri|generic|FILE  --json FILE|-\n"
            "                --threads N  --seed S  --quiet  --cache DIR\n"
            "                --checkpoint FILE [--checkpoint-interval S]  (save and resume long runs)\n"
            "exit status: 0 done, counts met; 4 a count differs; 2 bad input; 1 failure;\n"
            "             128+signal: stopped by SIGINT/SIGTERM, progress saved to --checkpoint\n",
            lcn_version());
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_BAD_INPUT;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("lcncrit %s\n", lcn_version());
        return CLI_OK;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {{"solve", cmd_solve},   {"arch", cmd_arch},     {"edd", cmd_edd},
                {"locus", cmd_locus},   {"segre", cmd_segre},   {"params", cmd_params},
                {"census", cmd_census}};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(cmd, cmds[i].name)) return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "lcncrit: unknown command '%s' (try lcncrit --help)\n", cmd);
    return CLI_BAD_INPUT;
}
