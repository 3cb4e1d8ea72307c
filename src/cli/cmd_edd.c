/* lcncrit edd: not built yet. */
#include "cli.h"

int cmd_edd(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "lcncrit edd: not implemented yet\n");
    return CLI_FAIL;
}
