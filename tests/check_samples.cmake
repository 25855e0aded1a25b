# SPDX-License-Identifier: MPL-2.0
# Fails when a committed sample differs from what the generator writes now.
# Run with -DTOOL= -DCATALOGUE= -DSAMPLES= -DOUT= [-DMAKE_FORMS= -DREGION_ARGS=] [-DMAKE_VPR= -DPYTHON=].
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

# samples/region: the generator's data files and list (the .ods are Calc's).
if(MAKE_FORMS)
  file(REMOVE_RECURSE "${OUT}/region")
  execute_process(COMMAND "${MAKE_FORMS}" ${REGION_ARGS} --catalogue "${CATALOGUE}" "${OUT}/region"
                  RESULT_VARIABLE rc ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "msoko-make-forms failed for samples/region (${rc})")
  endif()
  file(GLOB made RELATIVE "${OUT}/region" "${OUT}/region/*.json" "${OUT}/region/forms.tsv")
  file(GLOB committed RELATIVE "${SAMPLES}/region" "${SAMPLES}/region/*.json" "${SAMPLES}/region/forms.tsv")
  if(NOT made STREQUAL committed)
    message(FATAL_ERROR "samples/region is stale (other files): regenerate the samples with "
                        "`cmake --build build --target samples` and commit them")
  endif()
  foreach(name IN LISTS made)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}/region/${name}" "${SAMPLES}/region/${name}"
                    RESULT_VARIABLE differ)
    if(NOT differ EQUAL 0)
      message(FATAL_ERROR "samples/region/${name} is stale: regenerate the samples with "
                          "`cmake --build build --target samples` and commit them")
    endif()
  endforeach()
endif()

# samples/vpr: the pupils and plans byte for byte, each xlsx's cells as generated now.
if(MAKE_VPR)
  execute_process(COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/generator/vpr_samples.sh" check "${MAKE_VPR}" "${SAMPLES}"
                          "${PYTHON}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "samples/vpr is stale: regenerate the samples with "
                        "`cmake --build build --target samples` and commit them")
  endif()
endif()
