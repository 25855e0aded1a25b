# SPDX-License-Identifier: MPL-2.0
# Fails when a committed sample differs from what the generator writes now.
# Run with -DTOOL= -DCATALOGUE= -DSAMPLES= -DOUT=.
set(cases
  "blank|-|msoko-form-blank.fods"
  "fill|data/sample-district.json|sample-district.fods"
  "fill|data/sample-district-mistakes.json|sample-district-mistakes.fods")
foreach(c IN LISTS cases)
  string(REPLACE "|" ";" parts "${c}")
  list(GET parts 0 command)
  list(GET parts 1 data)
  list(GET parts 2 name)
  if(command STREQUAL "blank")
    execute_process(COMMAND "${TOOL}" form blank --catalogue "${CATALOGUE}" "${OUT}/${name}" RESULT_VARIABLE rc)
  else()
    execute_process(COMMAND "${TOOL}" form fill "${SAMPLES}/${data}" --catalogue "${CATALOGUE}" "${OUT}/${name}"
                    RESULT_VARIABLE rc)
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "msoko form failed for ${name} (${rc})")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}/${name}" "${SAMPLES}/${name}"
                  RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "samples/${name} is stale: regenerate the samples with "
                        "`cmake --build build --target samples` and commit them")
  endif()
endforeach()
