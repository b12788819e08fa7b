#pragma once

#include <stdexcept>
#include <string>

namespace factcheck {

// A caller mistake: a bad catalogue, an unknown source, a bad flag. Thrown,
// and caught once in cli::run, which prints "factcheck: error: <what>" and
// exits 2. Messages read "file:line: what is wrong" when they have a place.
class Error : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

} // namespace factcheck
