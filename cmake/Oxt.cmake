# SPDX-License-Identifier: MPL-2.0
# Stages the extension's files and zips them into ${MSOKO_OXT}.
set(MSOKO_OXT "${CMAKE_BINARY_DIR}/msoko.oxt" CACHE INTERNAL "the built extension")
set(stage "${CMAKE_BINARY_DIR}/oxt")

configure_file(registry/description.xml.in "${CMAKE_BINARY_DIR}/generated/description.xml" @ONLY)
configure_file(registry/manifest.xml.in "${CMAKE_BINARY_DIR}/generated/manifest.xml" @ONLY)
configure_file(registry/msoko.components.in "${CMAKE_BINARY_DIR}/generated/msoko.components" @ONLY)

# Each entry: source|path inside the package.
set(oxt_files
  "${CMAKE_BINARY_DIR}/generated/description.xml|description.xml"
  "${CMAKE_BINARY_DIR}/generated/manifest.xml|META-INF/manifest.xml"
  "${CMAKE_BINARY_DIR}/generated/msoko.components|msoko.components"
  "${MSOKO_RDB}|msoko.rdb"
  "${CMAKE_SOURCE_DIR}/registry/description/description-ru.txt|description/description-ru.txt"
  "${CMAKE_SOURCE_DIR}/registry/description/description-en.txt|description/description-en.txt"
  "${CMAKE_SOURCE_DIR}/registry/icons/msoko.png|icons/msoko.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/new-form-16.png|icons/new-form-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/new-form-26.png|icons/new-form-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/clear-marks-16.png|icons/clear-marks-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/clear-marks-26.png|icons/clear-marks-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/package-16.png|icons/package-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/package-26.png|icons/package-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/merge-16.png|icons/merge-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/merge-26.png|icons/merge-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/region-16.png|icons/region-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/region-26.png|icons/region-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/vpr-import-16.png|icons/vpr-import-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/vpr-import-26.png|icons/vpr-import-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/vpr-fill-16.png|icons/vpr-fill-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/vpr-fill-26.png|icons/vpr-fill-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/subforms-16.png|icons/subforms-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/subforms-26.png|icons/subforms-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/migrate-16.png|icons/migrate-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/migrate-26.png|icons/migrate-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/help-16.png|icons/help-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/help-26.png|icons/help-26.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/validate-16.png|icons/validate-16.png"
  "${CMAKE_SOURCE_DIR}/registry/icons/validate-26.png|icons/validate-26.png"
  "${CMAKE_SOURCE_DIR}/registry/ProtocolHandler.xcu|ProtocolHandler.xcu"
  "${CMAKE_SOURCE_DIR}/registry/Addons.xcu|Addons.xcu"
  "${CMAKE_SOURCE_DIR}/registry/CalcWindowState.xcu|CalcWindowState.xcu"
  "${CMAKE_SOURCE_DIR}/registry/msoko-options.xcs|msoko-options.xcs"
  "${CMAKE_SOURCE_DIR}/registry/OptionsDialog.xcu|OptionsDialog.xcu"
  "${CMAKE_SOURCE_DIR}/registry/dialogs/Options.xdl|dialogs/Options.xdl"
  "${CMAKE_SOURCE_DIR}/LICENSE|LICENSE.txt"
  "${MSOKO_CATALOGUE}|catalogue/msoko-267-1.json"
  "${MSOKO_VPR_BOUNDARIES}|catalogue/vpr-boundaries.json")
# The earlier versions of the catalogue (addin/catalogue/history): a form of
# one of them is moved to the current version («Перенести в новую версию формы»).
file(GLOB MSOKO_HISTORY_CATALOGUES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/addin/catalogue/history/*.json")
foreach(old IN LISTS MSOKO_HISTORY_CATALOGUES)
  get_filename_component(name "${old}" NAME)
  list(APPEND oxt_files "${old}|catalogue/history/${name}")
endforeach()

set(copy_commands "")
set(copy_depends "")
set(packaged "")
foreach(entry IN LISTS oxt_files)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 src)
  list(GET parts 1 dst)
  list(APPEND copy_commands COMMAND "${CMAKE_COMMAND}" -E copy "${src}" "${stage}/${dst}")
  list(APPEND copy_depends "${src}")
  list(APPEND packaged "${dst}")
endforeach()

# The help pages (cmake/help.cmake), as the folder «help».
list(APPEND copy_commands COMMAND "${CMAKE_COMMAND}" -E copy_directory "${MSOKO_HELP_DIR}" "${stage}/help")
list(APPEND copy_depends "${MSOKO_HELP_STAMP}")
list(APPEND packaged help)

add_custom_command(
  OUTPUT "${MSOKO_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${stage}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${stage}/META-INF"
  ${copy_commands}
  # The package carries the component without debug information (16 MB → <1 MB);
  # the build directory keeps the full one for gdb.
  COMMAND "${CMAKE_STRIP}" --strip-unneeded -o "${stage}/${MSOKO_COMPONENT_FILE}" "$<TARGET_FILE:msoko_uno>"
  COMMAND "${CMAKE_COMMAND}" -E rm -f "${MSOKO_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E chdir "${stage}"
          "${CMAKE_COMMAND}" -E tar cf "${MSOKO_OXT}" --format=zip -- ${packaged} "${MSOKO_COMPONENT_FILE}"
  DEPENDS ${copy_depends} msoko_uno "$<TARGET_FILE:msoko_uno>" msoko_idl_gen help-pages
  COMMENT "Packaging ${MSOKO_OXT}"
  VERBATIM)
add_custom_target(oxt ALL DEPENDS "${MSOKO_OXT}")
