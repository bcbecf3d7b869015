import FuzzSupport
import Glibc

// Hands control to libFuzzer, which calls LLVMFuzzerTestOneInput (fuzzFrontMatter) for every input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzzFrontMatter(data, size)
})
