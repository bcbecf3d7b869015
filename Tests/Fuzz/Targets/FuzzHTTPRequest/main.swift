import FuzzSupport
import Glibc

// Hands control to libFuzzer, which calls LLVMFuzzerTestOneInput (fuzzHTTPRequest) for every input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzzHTTPRequest(data, size)
})
