#pragma once

#include <factcheck/model/claim.hpp>
#include <factcheck/model/document.hpp>
#include <factcheck/model/series.hpp>
#include <factcheck/model/verdict.hpp>
#include <factcheck/util/expected.hpp>

#include <map>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace factcheck {

// Where bytes come from (docs/semantics.md, modes).
enum class Mode {
  automatic, // recordings, then the network
  offline,   // recordings only; a miss is an `error` verdict
  live,      // the network only
};

std::string_view to_string(Mode mode);
std::optional<Mode> parse_mode(std::string_view text);

// What a source's parser produces. Later sources add their own types here.
using Data = std::variant<Series, ShareFacts, Document, Entity, ShortSaleDay, XbrlFacts>;

// Data fetched for one source reference, with where it came from.
struct Fetched
{
  Data data;
  SourceEvidence evidence;
};

// Everything fetched for a run, by reference. A reference whose fetch or
// parse failed holds the error, which becomes the claim's `error` verdict.
using Observations = std::map<SourceRef, Expected<Fetched>>;

// Verdict counts of a run.
struct Summary
{
  int supported = 0;
  int contradicted = 0;
  int unverifiable = 0;
  int error = 0;

  int
  total() const
  {
    return supported + contradicted + unverifiable + error;
  }
};

// Everything a reporter needs: the catalogue (the claims reported, in
// catalogue order), one verdict per claim in the same order, and the counts.
struct RunReport
{
  Catalogue catalogue;
  Mode mode = Mode::automatic;
  std::vector<Verdict> verdicts;
  Summary summary;
};

} // namespace factcheck
