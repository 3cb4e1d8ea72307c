/* lcncrit locus / segre / params / census: not built yet. */
#include "cli.h"

#define NOT_YET(name)                                                   \
    int cmd_##name(int argc, char **argv)                               \
    {                                                                   \
        (void)argc;                                                     \
        (void)argv;                                                     \
        fprintf(stderr, "lcncrit " #name ": not implemented yet\n");    \
        return CLI_FAIL;                                                \
    }
NOT_YET(locus)
NOT_YET(segre)
NOT_YET(params)
NOT_YET(census)
