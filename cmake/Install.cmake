# SPDX-License-Identifier: MPL-2.0
# `cmake --install build --prefix P` and the Debian package (`make deb`):
#   P/bin/msoko
#   P/share/msoko/msoko.oxt, P/share/msoko/catalogue/<catalogue>.json, vpr-boundaries.json and history/
#   P/share/doc/msoko/README.md, LICENSE, docs/*.md, docs/images/*.png
# msoko finds the .oxt and the catalogue beside its own executable
# (cli/install_paths.hxx), so the tree works wherever it is put.
include(GNUInstallDirs)
# `make install` and CPack install what is built: they do not build the whole
# project first (the Debian package test runs after the build, in seconds).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
set(MSOKO_SHARE_DIR "${CMAKE_INSTALL_DATADIR}/msoko")
set(MSOKO_DOC_DIR "${CMAKE_INSTALL_DATADIR}/doc/msoko")

install(TARGETS msoko RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES "${MSOKO_OXT}" DESTINATION "${MSOKO_SHARE_DIR}")
install(FILES "${MSOKO_CATALOGUE}" "${MSOKO_VPR_BOUNDARIES}" DESTINATION "${MSOKO_SHARE_DIR}/catalogue")
install(DIRECTORY "${CMAKE_SOURCE_DIR}/addin/catalogue/history" DESTINATION "${MSOKO_SHARE_DIR}/catalogue"
  FILES_MATCHING PATTERN "*.json")
install(FILES "${CMAKE_SOURCE_DIR}/README.md" "${CMAKE_SOURCE_DIR}/LICENSE" DESTINATION "${MSOKO_DOC_DIR}")
install(DIRECTORY "${CMAKE_SOURCE_DIR}/docs/" DESTINATION "${MSOKO_DOC_DIR}/docs"
  FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "*.png")

# The Debian package: `make deb` → build/msoko_<version>_<arch>.deb, installed
# with `apt install ./msoko_*.deb`. The dependencies are what `ldd
# build/cli/msoko` and `dpkg -S` name (the UNO runtime, Boost.Program_options,
# libcrypto), and the office msoko drives.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "msoko")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "МСОКО для Calc")
set(CPACK_PACKAGE_CONTACT "МСОКО для Calc <msoko@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "МСОКО для Calc: проверка и свод форм мониторинга / MSOKO for Calc: checking and consolidating monitoring forms")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
# Without the build's line tables: 10 MB less to download.
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "МСОКО для Calc <msoko@example.org>")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libreoffice-calc (>= 4:7.4), libreoffice-core (>= 4:7.4), libuno-cppu3, libuno-sal3, libuno-cppuhelpergcc3-3, libuno-salhelpergcc3-3, libboost-program-options1.81.0, libssl3, libstdc++6, libc6, util-linux")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libreoffice-l10n-ru")
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Командная строка msoko для муниципальных органов управления образованием и
региональных центров мониторинга: создаёт форму сбора данных мониторинга
механизмов управления качеством образования (МСОКО) из каталога показателей,
проверяет заполненные формы перед отправкой, считает показатели, готовит
пакет для отправки, раздаёт формы организациям и собирает их. Пакет содержит
расширение LibreOffice Calc (msoko.oxt), каталог показателей и документацию.

The msoko command line for municipal education authorities and regional
monitoring centres: makes the data-collection form of the monitoring of
education-quality management from the indicator catalogue, checks filled
forms before submission, computes the indicators, prepares the submission
package, and makes and merges the organisations' sub-forms. The package holds
the LibreOffice Calc extension (msoko.oxt), the catalogue and the docs.")
include(CPack)
