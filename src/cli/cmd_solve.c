/* lcncrit solve: not built yet. */
#include "cli.h"

int cmd_solve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "lcncrit solve: not implemented yet\n");
    return CLI_FAIL;
}
