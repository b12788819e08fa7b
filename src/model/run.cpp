#include <factcheck/model/run.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
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
statement_root_id(const Catalogue& catalogue, std::size_t root)
{
  // A chain that ends at a link to a claim not in the report (or, in code,
  // in a cycle) counts under the id that link names.
  const auto& claim = catalogue.claims[root];
  return claim.same_as.empty() ? claim.id : claim.same_as;
}

std::vector<std::size_t>
statement_roots(const Catalogue& catalogue)
{
  // One index of the ids, so that a catalogue of many repeats is resolved in
  // linear time, not a search of every claim for every link.
  std::unordered_map<std::string_view, std::size_t> position;
  position.reserve(catalogue.claims.size());
  for (std::size_t i = 0; i < catalogue.claims.size(); ++i) {
    position.emplace(catalogue.claims[i].id, i);
  }
  std::vector<std::size_t> roots(catalogue.claims.size());
  for (std::size_t i = 0; i < catalogue.claims.size(); ++i) {
    std::size_t at = i;
    // The loader has refused cycles, so a chain is at most as long as the
    // catalogue; a link to a claim not reported ends it where it is.
    for (std::size_t steps = 0; steps < catalogue.claims.size(); ++steps) {
      const auto& next = catalogue.claims[at].same_as;
      const auto found = next.empty() ? position.end() : position.find(next);
      if (found == position.end() || found->second == i) {
        break;
      }
      at = found->second;
    }
    roots[i] = at;
  }
  return roots;
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
  // Keyed by views of the ids the catalogue holds: no copy of an id per
  // claim, no string comparisons of a sorted map.
  std::unordered_map<std::string_view, VerdictKind> by_statement;
  std::vector<std::string_view> order;
  const auto roots = statement_roots(report.catalogue);
  const auto n = std::min(report.verdicts.size(), report.catalogue.claims.size());
  by_statement.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& root_claim = report.catalogue.claims[roots[i]];
    // statement_root_id's id, as a view.
    const std::string_view root = root_claim.same_as.empty() ? root_claim.id : root_claim.same_as;
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
