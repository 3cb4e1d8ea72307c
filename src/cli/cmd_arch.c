/* lcncrit arch: not built yet. */
#include "cli.h"

int cmd_arch(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "lcncrit arch: not implemented yet\n");
    return CLI_FAIL;
}
