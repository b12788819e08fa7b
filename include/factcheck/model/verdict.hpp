#pragma once

#include <factcheck/model/claim.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck {

enum class VerdictKind { supported, contradicted, unverifiable, error };

std::string_view to_string(VerdictKind kind);

// Where one piece of data came from, as a reader needs it to check us.
struct SourceEvidence
{
  std::string ref;          // "stooq:nvda.us"
  std::string url;          // the canonical request URL
  std::string origin;       // "recording", "cache" or "network"
  std::string retrieved_at; // when fetched or recorded
  std::string sha256;       // of the response body
  std::string provenance;   // "verbatim" / "reconstructed" (recordings)
  std::string provenance_detail;
};

// One value a verdict rests on.
struct UsedRow
{
  std::string series; // "stooq:nvda.us"
  Date date{};
  std::string field; // "close", "volume", "shares"
  double value = 0;
};

struct Evidence
{
  std::string series; // the primary series, "fred:NASDAQCOM"
  std::string field;  // the price field used: "close" (raw) or "adjclose"
  std::vector<UsedRow> rows;
  std::string arithmetic; // "(118.42 - 142.62) / 142.62 = -16.97%"
  // Shared with the response they describe and every other verdict that
  // rests on it: one copy of each URL, sha256 and provenance a run.
  std::vector<std::shared_ptr<const SourceEvidence>> sources;
  std::vector<std::string> notes; // corroboration, share count used, ...
};

// What a contradicted claim should have said, in the article's language and
// in English (eval/correction.hpp). Either text is empty when no template or
// override exists for that language.
struct Correction
{
  std::string article_language;
  std::string en;
};

struct Verdict
{
  std::string claim_id;
  VerdictKind kind = VerdictKind::error;
  std::optional<double> observed; // in the claim's base unit (signed moves)
  quantity::Unit unit = quantity::Unit::none;
  std::string observed_text; // "-16.97%", "$592.66bn fall", "2024-12-18"
  std::string accepted;      // what would have held: "16.5% to 17.5% fall"
  std::string message;       // one line: why this verdict
  // Why an unverifiable claim could not be settled: the catalogue's
  // category, or data_gap from a judge; none for the other verdicts.
  UnverifiableCategory category = UnverifiableCategory::none;
  Evidence evidence;
  // What the record says, for a correction: the date observed (date kinds,
  // and the day of the larger move for largest_move_since), and for a list
  // the names it holds and the claimed names it lacks.
  std::optional<PartialDate> observed_date;
  std::vector<std::string> listed;
  std::vector<std::string> missing;
  // Set for contradicted verdicts only (verify fills it in).
  std::optional<Correction> correction;
};

} // namespace factcheck
