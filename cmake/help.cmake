# SPDX-License-Identifier: MPL-2.0
# The extension's help: help/<lang>/*.txt written as LibreOffice help pages
# (.xhp) into ${MSOKO_HELP_DIR}/<lang>/org.msoko.calc/ by msoko-make-help;
# the page of the check's finding kinds comes from the core's table. Oxt.cmake
# packs ${MSOKO_HELP_DIR} as the package's folder «help».
add_executable(msoko-make-help help/make_help.cpp)
target_link_libraries(msoko-make-help PRIVATE msoko_core)

set(MSOKO_HELP_DIR "${CMAKE_BINARY_DIR}/help" CACHE INTERNAL "the generated help pages")
set(MSOKO_HELP_STAMP "${CMAKE_BINARY_DIR}/help.stamp" CACHE INTERNAL "")
file(GLOB MSOKO_HELP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/help/ru/*.txt" "${CMAKE_SOURCE_DIR}/help/en/*.txt")
add_custom_command(
  OUTPUT "${MSOKO_HELP_STAMP}"
  COMMAND msoko-make-help "${CMAKE_SOURCE_DIR}/help" "${MSOKO_HELP_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${MSOKO_HELP_STAMP}"
  DEPENDS msoko-make-help ${MSOKO_HELP_SOURCES}
  COMMENT "Writing the help pages (help/*.txt → .xhp)"
  VERBATIM)
add_custom_target(help-pages DEPENDS "${MSOKO_HELP_STAMP}")
