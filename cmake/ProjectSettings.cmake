# Flags shared by every factcheck target, through the INTERFACE target
# factcheck_settings (the way ccache's standard_settings works).
add_library(factcheck_settings INTERFACE)

target_compile_options(
  factcheck_settings
  INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
            -Wold-style-cast -Wcast-align -Woverloaded-virtual
            -Wimplicit-fallthrough)

if(FACTCHECK_WERROR)
  target_compile_options(factcheck_settings INTERFACE -Werror)
endif()

if(FACTCHECK_SANITIZE)
  target_compile_options(
    factcheck_settings INTERFACE -fsanitize=${FACTCHECK_SANITIZE}
                                 -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(factcheck_settings INTERFACE -fsanitize=${FACTCHECK_SANITIZE})
endif()

if(FACTCHECK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FACTCHECK_FUZZ needs clang (CXX=clang++): libFuzzer is clang's")
  endif()
  # Every library is instrumented for coverage and checked by ASan and
  # UBSan; only the targets in fuzz/ link libFuzzer's main.
  target_compile_options(
    factcheck_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                 -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(factcheck_settings INTERFACE -fsanitize=address,undefined)
endif()

if(FACTCHECK_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy-14 clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY ${CLANG_TIDY_EXE})
endif()
