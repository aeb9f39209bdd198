// The header's function is inline; this file only gives the target something to build.
#include "CByteMask.h"
