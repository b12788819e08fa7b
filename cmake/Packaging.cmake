# What `cmake --install` puts beside the binary, and the Debian package CPack
# makes of it (`cmake --build build --target package`, scripts/package-check):
#   bin/factcheck, share/man/man1/factcheck.1.gz,
#   the bash, zsh and fish completions (written by `factcheck completions`),
#   share/doc/factcheck: README, docs/, copyright, changelog, and examples/
#   (the DeepSeek catalogue and its recordings, laid out as in the repository
#   so that the catalogue's `recordings: ../fixtures/...` resolves).
include(GNUInstallDirs)

# The completion scripts, from the binary's own command-line definition.
set(completions_dir ${PROJECT_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${completions_dir}/factcheck ${completions_dir}/_factcheck
         ${completions_dir}/factcheck.fish
  COMMAND ${CMAKE_COMMAND} -DFACTCHECK=$<TARGET_FILE:factcheck> -DDIR=${completions_dir} -P
          ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  DEPENDS factcheck ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  COMMENT "Writing the bash, zsh and fish completions")
add_custom_target(factcheck_completions ALL
                  DEPENDS ${completions_dir}/factcheck ${completions_dir}/_factcheck
                          ${completions_dir}/factcheck.fish)
install(FILES ${completions_dir}/factcheck
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${completions_dir}/_factcheck DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${completions_dir}/factcheck.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Documentation and the example, where Debian keeps a package's documents.
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/factcheck)
install(FILES README.md DESTINATION ${doc_dir})
install(DIRECTORY docs/ DESTINATION ${doc_dir}/docs FILES_MATCHING PATTERN "*.md")
install(FILES claims/deepseek-2025-01-27.yaml DESTINATION ${doc_dir}/examples/claims)
install(DIRECTORY fixtures/deepseek-2025-01-27 DESTINATION ${doc_dir}/examples/fixtures)
install(FILES packaging/copyright DESTINATION ${doc_dir})
# Debian policy 12.7: the changelog, compressed, without a timestamp; its
# version is the project's.
configure_file(packaging/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/changelog.gz
  COMMAND gzip -9nkf ${PROJECT_BINARY_DIR}/packaging/changelog
  COMMAND ${CMAKE_COMMAND} -E rename ${PROJECT_BINARY_DIR}/packaging/changelog.gz
          ${PROJECT_BINARY_DIR}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog.in)
add_custom_target(factcheck_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${doc_dir})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME factcheck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "factcheck")
set(CPACK_PACKAGE_CONTACT "Seed e4d46ad8 maintainers <maintainers@users.noreply.r-seed-e4d46ad8.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "check the figures in news articles against public data")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "factcheck reads a catalogue of an article's claims (YAML or JSON), fetches the\n"
    "reference data from the sources that publish it (FRED, Stooq and Yahoo price\n"
    "histories, SEC EDGAR, arXiv, Wikipedia, Wikidata, PDF and HTML documents),\n"
    "computes each figure and prints one verdict per claim: supported,\n"
    "contradicted, unverifiable or error, with the arithmetic and the source.\n"
    "Reports: table, JSON, NDJSON, JUnit, SARIF, GitHub annotations, Markdown and\n"
    "schema.org ClaimReview. The DeepSeek example under\n"
    "/usr/share/doc/factcheck/examples runs offline from its recordings.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # factcheck_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: computed by dpkg-shlibdeps from the libraries the binary links.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl's CA bundle: without it --mode live cannot verify any HTTPS source.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")
include(CPack)
