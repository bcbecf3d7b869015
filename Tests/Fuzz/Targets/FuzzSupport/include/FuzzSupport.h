#ifndef DOSSIER_FUZZ_SUPPORT_H
#define DOSSIER_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs that own `main` (SwiftPM renames an executable's main in debug builds).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
