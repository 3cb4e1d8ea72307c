/* lcncrit: the whole public API. */
#ifndef LCNCRIT_H
#define LCNCRIT_H

#include "common.h"
#include "rng.h"
#include "json.h"
#include "slp.h"
#include "system.h"
#include "certify.h"
#include "parse.h"
#include "path_result.h"
#include "result.h"
#include "homotopy.h"
#include "solve.h"
#include "tracker.h"
#include "newton.h"
#include "solution_set.h"
#include "arch.h"
#include "partition.h"
#include "rrmp.h"
#include "compat.h"
#include "factor.h"
#include "edd.h"

#include "critsys.h"
#include "weights.h"
#include "monodromy.h"
#include "components.h"
#include "gcache.h"
#include "checkpoint.h"
#include "critpoints.h"
#include "lossdata.h"

#include "data.h"
#include "hessian.h"
#include "census.h"

#endif
