#ifndef HAZARD_CYAML_SHIM_H
#define HAZARD_CYAML_SHIM_H
#include <yaml.h>
#endif
