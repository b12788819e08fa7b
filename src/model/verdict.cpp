#include <factcheck/model/verdict.hpp>

namespace factcheck {

std::string_view
to_string(VerdictKind kind)
{
  switch (kind) {
  case VerdictKind::supported:
    return "supported";
  case VerdictKind::contradicted:
    return "contradicted";
  case VerdictKind::unverifiable:
    return "unverifiable";
  case VerdictKind::error:
    break;
  }
  return "error";
}

} // namespace factcheck
