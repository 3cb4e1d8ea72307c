/* --k and --s, the architecture options of arch and edd: parsed into the
 * lists as given, then checked and turned into an lcn_arch_t once the
 * whole command line is read (cli.h). */
#include <string.h>
#include "cli.h"

void cli_arch_opts_init(cli_arch_opts *a)
{
    a->L = -1;
    a->ns = -1;
}

int cli_arch_opts_parse(cli_arch_opts *a, const char *cmd, int argc, char **argv, int *i)
{
    const char *opt = argv[*i], *v;
    int *n, *list;
    if (!strcmp(opt, "--k")) n = &a->L, list = a->k;
    else if (!strcmp(opt, "--s")) n = &a->ns, list = a->s;
    else return 0;
    if (*n >= 0) return cli_bad(cmd, "option %s given twice", opt), -1;
    if (!(v = cli_value(cmd, argc, argv, i))) return -1;
    if ((*n = cli_parse_int_list(cmd, opt, v, list, LCN_ARCH_MAX_LAYERS, 1)) < 0) return -1;
    return 1;
}

int cli_arch_opts_finish(const cli_arch_opts *a, const char *cmd, const char *example, lcn_arch_t arch)
{
    if (a->L < 0) return cli_bad(cmd, "--k: missing (filter sizes, e.g. --k %s)", example);
    if (a->ns >= 0 && a->ns != a->L)
        return cli_bad(cmd, "--s: %d strides given for %d layers (--k has %d entries)", a->ns, a->L, a->L);
    if (lcn_arch_init_set(arch, a->k, a->ns >= 0 ? a->s : NULL, a->L) != LCN_OK)
        return cli_bad(cmd, "--%s: %s", !strcmp(arch->bad_arg, "s") ? "s" : "k", arch->msg);
    return CLI_OK;
}
