#pragma once

#include <factcheck/model/check.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcheck {

// The figure the article asserts: a quantity for most checks, a date for
// largest_move_since ("2022": the largest since 2022), document_date and
// entity_property ("2023-03": March 2023); document_list keeps the text.
struct Claimed
{
  std::string text;
  std::optional<quantity::Quantity> quantity;
  std::optional<PartialDate> since;
  std::optional<PartialDate> date;
};

// A short text in several languages, by language code ("zh-Hant", "en").
using Localized = std::map<std::string, std::string>;

// One claim of a catalogue, with where it was written (for file:line
// messages, SARIF and annotations).
struct Claim
{
  std::string id;
  std::string quote;
  std::string statement;
  std::string note;
  std::vector<std::string> tags;
  Check check;
  std::optional<Claimed> claimed;
  std::optional<quantity::Tolerance> tolerance;
  std::string tolerance_text;
  // Where the quote is in the article, in code points [begin, end), as
  // `factcheck extract` writes it; reports highlight it.
  std::optional<std::pair<std::size_t, std::size_t>> span;
  // How a drafted claim was made: "resolved" (the check was filled in from
  // the words) or "needs_review"; empty for a claim written by hand.
  std::string drafted;
  // `same_as`: the id of the claim that first states the statement this
  // claim's passage repeats; the summary counts the two as one statement.
  std::string same_as;
  // `input: true`: not an article statement but a figure a derived claim
  // takes (the parameters active per token); judged for the claims that use
  // it, never reported or counted unless selected by id.
  bool input = false;
  // Who or what the claim is about, for its correction ("輝達" / "NVIDIA");
  // empty: the catalogue's `subjects` entry for the check's source, if any.
  Localized subject;
  // The catalogue's own correction, replacing the template's.
  Localized correction;
  std::string file;
  int line = 0;
};

// The article a catalogue was taken from.
struct Article
{
  std::string title;
  std::string language;
  std::string published;
  std::string url;
  std::string author;
  // `text:` the file holding the article's plain text, resolved against the
  // catalogue's folder; empty when the catalogue names none.
  std::string text_file;
  std::string text_written; // as the catalogue writes it
  int text_line = 0;        // where
};

struct Catalogue
{
  std::string path; // as given ("-" for stdin)
  Article article;
  std::string recordings_dir;     // resolved against the catalogue's folder
  std::string recordings_written; // as the catalogue writes it
  int recordings_line = 0;        // where
  // Short names of what a source reference is about, for corrections:
  // "stooq:nvda.us" -> {zh-Hant: 輝達, en: NVIDIA}.
  std::map<std::string, Localized> subjects;
  std::vector<Claim> claims;
};

} // namespace factcheck
