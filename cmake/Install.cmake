# Installation and the Debian package (docs/ARCHITECTURE.md, "Packaging").
#
#   cmake --install build [--prefix /usr/local]   the files below, under the prefix
#   cd build && cpack -G DEB                       jamsos_<version>-1_<arch>.deb, under /usr
#
# bin/jamsos                                   the program
# bin/jamsos-bulanan                           the monthly cron/systemd job (tools/cron/, docs/cron.md)
# share/man/man1/jamsos.1.gz                   jamsos(1) in Bahasa Indonesia, the program's default language
# share/man/en/man1/jamsos.1.gz                jamsos(1) in English, for an en_* locale
# share/bash-completion/completions/jamsos     completion, loaded on demand by bash-completion
# share/jamsos/profiles/*.toml                 the built-in profiles, for reference and as models
# share/jamsos/samples/                        the fictional sample files the guides practise on
# share/doc/jamsos/                            README, panduan.md, guide.md, cron.md, berita-acara.png
include(GNUInstallDirs)

# jamsos(1), generated from the binary just built: its --help texts inside the hand-written
# frames tools/man/jamsos.{id,en}.1.in. gzip -n: no name or time stamp, the same bytes
# from the same input. The date honours SOURCE_DATE_EPOCH.
string(TIMESTAMP JAMSOS_MAN_DATE "%Y-%m-%d" UTC)
set(JAMSOS_MAN_PAGES)
foreach(lang IN ITEMS id en)
  set(page ${PROJECT_BINARY_DIR}/man/${lang}/jamsos.1)
  add_custom_command(
    OUTPUT ${page} ${page}.gz
    COMMAND bash ${PROJECT_SOURCE_DIR}/tools/man/make-man.sh $<TARGET_FILE:jamsos> ${lang}
            ${PROJECT_SOURCE_DIR}/tools/man/jamsos.${lang}.1.in ${JAMSOS_MAN_DATE} ${page}
    COMMAND gzip -9nf -k ${page}
    DEPENDS jamsos ${PROJECT_SOURCE_DIR}/tools/man/make-man.sh ${PROJECT_SOURCE_DIR}/tools/man/help2troff.awk
            ${PROJECT_SOURCE_DIR}/tools/man/jamsos.${lang}.1.in
    COMMENT "Generating jamsos(1) (${lang}) from --help"
    VERBATIM)
  list(APPEND JAMSOS_MAN_PAGES ${page}.gz)
endforeach()
add_custom_target(jamsos_man ALL DEPENDS ${JAMSOS_MAN_PAGES})

install(TARGETS jamsos RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${PROJECT_SOURCE_DIR}/tools/cron/jamsos-bulanan.sh
        DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME jamsos-bulanan)
install(FILES ${PROJECT_BINARY_DIR}/man/id/jamsos.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/man/en/jamsos.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/en/man1)
install(FILES ${PROJECT_SOURCE_DIR}/tools/completion/jamsos.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME jamsos)
install(FILES ${JAMSOS_PROFILE_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/jamsos/profiles)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jamsos/samples)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/panduan.md
              ${PROJECT_SOURCE_DIR}/docs/guide.md ${PROJECT_SOURCE_DIR}/docs/cron.md
              ${PROJECT_SOURCE_DIR}/docs/berita-acara.png   # shown in the guides
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package. Depends: from dpkg-shlibdeps on the installed binary (libc6, libfmt9,
# libstdc++6, libtomlplusplus3, ...), so it follows whatever the build linked; the cron job
# needs only bash, coreutils and util-linux's flock, all Essential.
set(JAMSOS_PACKAGE_MAINTAINER "jamsos maintainers <jamsos@localhost>" CACHE STRING
    "Maintainer field of the .deb: the team that answers for this build")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jamsos)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${JAMSOS_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "premium-assistance lists for BPJS Ketenagakerjaan (JKK+JKM) for vulnerable workers")
# CPack puts the summary on the first line and indents every line of this text by one space.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "jamsos builds a region's yearly decree list of vulnerable informal workers
whose work-accident and death insurance premiums the local government pays
(validate, dedupe, consolidate), and every month the roster and the
reconciliation with BPJS Ketenagakerjaan's invoice (terminate, reconcile),
article by article as Balikpapan's Perwali 3/2025, Balangan's Perbup 5/2024
or a region's own TOML profile says. Man page, bash completion, user guides
in Bahasa Indonesia and English, sample files and a monthly cron job are
included.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # jamsos_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)                 # debug info stays in the build tree
include(CPack)
