# SPDX-License-Identifier: MPL-2.0
# Fails when the committed docs/checks.md differs from what the table of
# finding kinds renders now. Run with -DTOOL= -DCOMMITTED= -DOUT=.
execute_process(COMMAND "${TOOL}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msoko-checks-doc failed (${rc})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${COMMITTED}" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "docs/checks.md is stale: regenerate it with "
                      "`cmake --build build --target checks-doc` and commit it")
endif()
