# SPDX-License-Identifier: MPL-2.0
# Fails when the committed docs/indicators.md differs from what the catalogue
# generates now. Run with -DTOOL= -DCATALOGUE= -DCOMMITTED= -DOUT=.
execute_process(COMMAND "${TOOL}" catalogue doc --catalogue "${CATALOGUE}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msoko catalogue doc failed (${rc})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${COMMITTED}" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "docs/indicators.md is stale: regenerate it with "
                      "`cmake --build build --target indicators-doc` and commit it")
endif()
