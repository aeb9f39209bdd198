// The header's functions are inline; this file only gives the target something to build.
#include "CPrefetch.h"
