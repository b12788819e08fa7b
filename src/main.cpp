#include "cli/cli.hpp"

int
main(int argc, char** argv)
{
  return factcheck::cli::run(argc, argv);
}
