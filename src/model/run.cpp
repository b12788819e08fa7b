#include <factcheck/model/run.hpp>

namespace factcheck {

std::string_view
to_string(Mode mode)
{
  switch (mode) {
  case Mode::offline:
    return "offline";
  case Mode::live:
    return "live";
  case Mode::automatic:
    break;
  }
  return "auto";
}

std::optional<Mode>
parse_mode(std::string_view text)
{
  if (text == "auto") {
    return Mode::automatic;
  }
  if (text == "offline") {
    return Mode::offline;
  }
  if (text == "live") {
    return Mode::live;
  }
  return std::nullopt;
}

} // namespace factcheck
