# SPDX-License-Identifier: MPL-2.0
# Finds the LibreOffice SDK of Debian's libreoffice-dev and provides
#   LibreOffice::SDK            an interface target: UNO headers, defines, libraries
#   lo_office_headers(DIR)      C++ headers of the office types, generated once
#   lo_idl_library(...)         our IDL -> .rdb -> C++ headers, regenerated only when an IDL changes

set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")
set(LO_INCLUDE_DIR "/usr/include/libreoffice" CACHE PATH "LibreOffice SDK headers")

find_program(LO_UNOIDL_WRITE unoidl-write HINTS "${LO_SDK_DIR}/bin" REQUIRED)
find_program(LO_CPPUMAKER cppumaker HINTS "${LO_SDK_DIR}/bin" REQUIRED)
find_program(LO_SOFFICE soffice.bin HINTS "${LO_PROGRAM_DIR}" REQUIRED)
find_program(LO_UNOPKG unopkg HINTS "${LO_PROGRAM_DIR}" REQUIRED)
set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")
foreach(f IN ITEMS "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}" "${LO_INCLUDE_DIR}/sal/config.h")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "LibreOffice SDK file missing: ${f} (run cmake/setup-debian.sh)")
  endif()
endforeach()

foreach(lib uno_cppuhelpergcc3 uno_cppu uno_sal uno_salhelpergcc3)
  find_library(LO_LIB_${lib} ${lib} HINTS "${LO_SDK_DIR}/lib" NO_DEFAULT_PATH REQUIRED)
endforeach()

# Office type headers (com/sun/star/...): ~3,300 files, generated once per build
# directory; the stamp depends on the installed rdb files only.
set(LO_OFFICE_HEADERS "${CMAKE_BINARY_DIR}/uno/office")
add_custom_command(
  OUTPUT "${LO_OFFICE_HEADERS}.stamp"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${LO_OFFICE_HEADERS}"
  COMMAND "${LO_CPPUMAKER}" -Gc "-O${LO_OFFICE_HEADERS}" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${LO_OFFICE_HEADERS}.stamp"
  DEPENDS "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}"
  COMMENT "cppumaker: office type headers"
  VERBATIM)
add_custom_target(lo_office_headers DEPENDS "${LO_OFFICE_HEADERS}.stamp")

add_library(LibreOffice_SDK INTERFACE)
add_library(LibreOffice::SDK ALIAS LibreOffice_SDK)
add_dependencies(LibreOffice_SDK lo_office_headers)
target_include_directories(LibreOffice_SDK SYSTEM INTERFACE "${LO_INCLUDE_DIR}" "${LO_OFFICE_HEADERS}")
target_compile_definitions(LibreOffice_SDK INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_libraries(LibreOffice_SDK INTERFACE
  ${LO_LIB_uno_cppuhelpergcc3} ${LO_LIB_uno_cppu} ${LO_LIB_uno_salhelpergcc3} ${LO_LIB_uno_sal})

# lo_idl_library(NAME <target> RDB <out.rdb> PREFIX <org.msoko.*> IDL <files...>)
# Builds <out.rdb> from the IDL files and C++ headers for the types under PREFIX;
# an interface target <target> carries their include directory.
function(lo_idl_library)
  cmake_parse_arguments(A "" "NAME;RDB;PREFIX" "IDL" ${ARGN})
  set(hdr "${CMAKE_BINARY_DIR}/uno/${A_NAME}")
  add_custom_command(
    OUTPUT "${A_RDB}"
    COMMAND "${LO_UNOIDL_WRITE}" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}" ${A_IDL} "${A_RDB}"
    DEPENDS ${A_IDL}
    COMMENT "unoidl-write: ${A_RDB}"
    VERBATIM)
  add_custom_command(
    OUTPUT "${hdr}.stamp"
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${hdr}"
    COMMAND "${LO_CPPUMAKER}" -Gc "-O${hdr}" "-T${A_PREFIX}" "-X${LO_TYPES_RDB}" "-X${LO_OFFAPI_RDB}" "${A_RDB}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${hdr}.stamp"
    DEPENDS "${A_RDB}"
    COMMENT "cppumaker: ${A_PREFIX}"
    VERBATIM)
  add_custom_target(${A_NAME}_gen DEPENDS "${A_RDB}" "${hdr}.stamp")
  add_library(${A_NAME} INTERFACE)
  add_dependencies(${A_NAME} ${A_NAME}_gen)
  target_include_directories(${A_NAME} SYSTEM INTERFACE "${hdr}")
  target_link_libraries(${A_NAME} INTERFACE LibreOffice::SDK)
endfunction()
