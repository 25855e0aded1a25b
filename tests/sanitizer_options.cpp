// SPDX-License-Identifier: MPL-2.0
// Defaults of the sanitizer runtimes in the sanitized build (build-sanitize):
// a stack for every report of undefined behaviour, symbolized by llvm's
// symbolizer when it was found. ASAN_OPTIONS and UBSAN_OPTIONS still override.

extern "C" __attribute__((visibility("default"), used)) const char* __asan_default_options() {
#ifdef MSOKO_LLVM_SYMBOLIZER
    return "detect_leaks=1:external_symbolizer_path=" MSOKO_LLVM_SYMBOLIZER;
#else
    return "detect_leaks=1";
#endif
}

extern "C" __attribute__((visibility("default"), used)) const char* __ubsan_default_options() {
    return "print_stacktrace=1";
}
