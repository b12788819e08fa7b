#include <factcheck/model/run.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

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

std::string
statement_root(const Catalogue& catalogue, const Claim& claim)
{
  const Claim* at = &claim;
  std::set<std::string> seen{claim.id};
  while (!at->same_as.empty()) {
    const auto next = std::find_if(catalogue.claims.begin(),
                                   catalogue.claims.end(),
                                   [&](const Claim& c) { return c.id == at->same_as; });
    // A catalogue built around the loader may name a claim not reported
    // (or, in code, close a cycle): the chain then ends where it is.
    if (next == catalogue.claims.end() || !seen.insert(next->id).second) {
      return at->same_as;
    }
    at = &*next;
  }
  return at->id;
}

void
count_verdict(Summary& summary, VerdictKind kind)
{
  switch (kind) {
  case VerdictKind::supported:
    ++summary.supported;
    break;
  case VerdictKind::contradicted:
    ++summary.contradicted;
    break;
  case VerdictKind::unverifiable:
    ++summary.unverifiable;
    break;
  case VerdictKind::error:
    ++summary.error;
    break;
  }
}

// (run.hpp) The distinct statements among the reported claims: a claim and those
// `same_as` it are one, contradicted if any of them is, else error, else
// unverifiable, else supported (a repeat that does not hold makes the
// article wrong once, not twice).
Summary
count_statements(const RunReport& report)
{
  const auto rank = [](VerdictKind kind) {
    switch (kind) {
    case VerdictKind::contradicted:
      return 3;
    case VerdictKind::error:
      return 2;
    case VerdictKind::unverifiable:
      return 1;
    case VerdictKind::supported:
      break;
    }
    return 0;
  };
  std::map<std::string, VerdictKind> by_statement;
  std::vector<std::string> order;
  const auto n = std::min(report.verdicts.size(), report.catalogue.claims.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto root = statement_root(report.catalogue, report.catalogue.claims[i]);
    const auto kind = report.verdicts[i].kind;
    const auto [it, inserted] = by_statement.emplace(root, kind);
    if (inserted) {
      order.push_back(root);
    } else if (rank(kind) > rank(it->second)) {
      it->second = kind;
    }
  }
  Summary out;
  for (const auto& root : order) {
    count_verdict(out, by_statement.at(root));
  }
  return out;
}

bool
has_repeats(const RunReport& report)
{
  return count_statements(report).total() != report.summary.total();
}

} // namespace factcheck
