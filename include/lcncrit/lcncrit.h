/* lcncrit: the whole public API. */
#ifndef LCNCRIT_H
#define LCNCRIT_H

#include "common.h"
#include "rng.h"
#include "slp.h"
#include "system.h"

#endif
