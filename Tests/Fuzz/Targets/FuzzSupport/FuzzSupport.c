// Declarations only: LLVMFuzzerRunDriver comes from the libFuzzer runtime linked by -sanitize=fuzzer.
#include "FuzzSupport.h"
