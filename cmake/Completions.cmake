# Writes the three completion scripts from the binary's own command line
# (`factcheck completions SHELL`): bash's factcheck, zsh's _factcheck and
# fish's factcheck.fish, into DIR.
# Run as: cmake -DFACTCHECK=bin -DDIR=dir -P Completions.cmake
file(MAKE_DIRECTORY "${DIR}")
foreach(pair "bash;factcheck" "zsh;_factcheck" "fish;factcheck.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(
    COMMAND "${FACTCHECK}" completions ${shell}
    OUTPUT_FILE "${DIR}/${name}.new"
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "factcheck completions ${shell} exited ${result}")
  endif()
  file(RENAME "${DIR}/${name}.new" "${DIR}/${name}")
endforeach()
