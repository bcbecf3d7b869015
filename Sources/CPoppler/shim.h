#ifndef DOSSIER_POPPLER_SHIM_H
#define DOSSIER_POPPLER_SHIM_H
#include <poppler.h>
#endif
