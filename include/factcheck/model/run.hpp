#pragma once

#include <factcheck/model/claim.hpp>
#include <factcheck/model/document.hpp>
#include <factcheck/model/series.hpp>
#include <factcheck/model/verdict.hpp>
#include <factcheck/util/expected.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  Fetched(Data data_, SourceEvidence evidence_)
      : data(std::move(data_)),
        evidence(std::make_shared<const SourceEvidence>(std::move(evidence_)))
  {}

  Data data;
  // Shared by the verdicts that rest on this response (Evidence::sources).
  std::shared_ptr<const SourceEvidence> evidence;
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

// One trading day of a series as a chart draws it: the day and the value of
// the field the claim was judged on.
struct SeriesPoint
{
  Date date{};
  double value = 0;
};

// The rows around a market claim's date of the series it was judged on, for
// the reports that draw it (html): about a month of trading days either side
// as far as the data goes, and for largest_move_since the whole window back
// to the earlier move. Taken from the data the verdict read, so every point
// is a recorded or fetched row.
struct SeriesWindow
{
  std::string series; // "stooq:nvda.us"
  std::string field;  // "close", "volume"
  std::vector<SeriesPoint> points;
};

// Everything a reporter needs: the catalogue (the claims reported, in
// catalogue order), one verdict per claim in the same order, and the counts
// of the claims reported.
struct RunReport
{
  Catalogue catalogue;
  Mode mode = Mode::automatic;
  std::vector<Verdict> verdicts;
  Summary summary;
  // By claim id, the series window of each reported market claim whose
  // series was read; only the html format draws them.
  std::map<std::string, SeriesWindow> windows;
  // The article's text (`--article`, or `article: {text: FILE}`), which the
  // html format shows with the claims marked; empty when none was given.
  std::string article_text;
};

// Adds one verdict of `kind` to `summary`.
void count_verdict(Summary& summary, VerdictKind kind);

// The counts of the distinct article statements among the reported claims:
// a claim `same_as` another is counted with it, once, as contradicted if
// either is, else error, else unverifiable, else supported
// (docs/catalogue.md).
Summary count_statements(const RunReport& report);

// For each claim, by position, the position of the claim that first states
// its statement: its `same_as` followed to the end (the loader has refused
// cycles), or its own. Linear in the catalogue.
std::vector<std::size_t> statement_roots(const Catalogue& catalogue);

// The statement id of a root from statement_roots: the claim's id, or, for a
// chain that ends in a link to a claim not in the catalogue, the id linked.
std::string statement_root_id(const Catalogue& catalogue, std::size_t root);

// Whether the run's statements are fewer than its claims (some claim
// repeats another): reports then give both counts.
bool has_repeats(const RunReport& report);

} // namespace factcheck
