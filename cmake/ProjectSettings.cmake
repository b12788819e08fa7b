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

if(FACTCHECK_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy-14 clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY ${CLANG_TIDY_EXE})
endif()
