# Writes factcheck.1 from the binary's own --help: help2man for the top
# level, plus a SUBCOMMANDS section holding each subcommand's full help (its
# options and examples), so the man page cannot drift from the program.
# Run as: cmake -DFACTCHECK=bin -DHELP2MAN=help2man -DOUTPUT=factcheck.1 -P ManPage.cmake
set(include_file "${OUTPUT}.include")
# The subcommands, as the top-level --help lists them (two spaces, a name).
execute_process(COMMAND "${FACTCHECK}" --help OUTPUT_VARIABLE top RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "factcheck --help exited ${result}")
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" listed "${top}")
string(REGEX REPLACE "\n\n.*" "" listed "${listed}")
string(REGEX MATCHALL "(^|\n)  [a-z]+" subcommands "${listed}")
list(TRANSFORM subcommands STRIP)
if(NOT subcommands)
  message(FATAL_ERROR "no subcommands in factcheck --help")
endif()
set(text "[SUBCOMMANDS]\n")
foreach(sub ${subcommands})
  execute_process(
    COMMAND "${FACTCHECK}" ${sub} --help
    OUTPUT_VARIABLE help
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "factcheck ${sub} --help exited ${result}")
  endif()
  # roff: a backslash is \e; a line starting with '.' or "'" would be a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND text ".SS ${sub}\n.nf\n${help}.fi\n")
endforeach()
# The FILES section, written by hand: roff read as it is.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ManFiles.roff" files)
string(APPEND text "${files}")
file(WRITE "${include_file}" "${text}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --name "check the figures in news articles against public data"
          --include "${include_file}" --output "${OUTPUT}" "${FACTCHECK}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "help2man failed (${result})")
endif()
