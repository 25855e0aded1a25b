# SPDX-License-Identifier: MPL-2.0
# Runs one fuzz target for a bounded time: cmake -DFUZZER=<binary>
# -DSEEDS=<seed corpus> -DWORK=<directory in the build> -P run_fuzz.cmake.
# The time is $FUZZ_SECONDS (default 60). Fails when the target finds a
# crash, a sanitizer report, a leak, a broken invariant or a slow input.
set(seconds 60)
if(DEFINED ENV{FUZZ_SECONDS} AND NOT "$ENV{FUZZ_SECONDS}" STREQUAL "")
  set(seconds "$ENV{FUZZ_SECONDS}")
endif()
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
# New inputs go to the first directory (the build's); the seeds are only read.
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${seconds} -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/ "${WORK}/corpus" "${SEEDS}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found "${WORK}/artifacts/*")
  message(FATAL_ERROR "fuzz target failed (exit ${rc}); inputs in ${WORK}/artifacts: ${found}\n"
                      "reproduce with: ${FUZZER} <input>")
endif()
