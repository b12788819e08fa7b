#pragma once

#include <factcheck/model/date.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// factcheck extract: from an article's plain text to a draft catalogue
// (docs/extract.md). Everything here is pure: text in, values out, no files,
// no clock, no network; the same text always gives the same draft.
namespace factcheck::extract {

// A clause of the article: a stretch between clause punctuation (，,：:) inside
// a sentence (ended by 。！？；!?; or an English full stop, or a line end).
// Offsets are bytes of the UTF-8 text; `code_point_span` converts.
struct Clause
{
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t sentence = 0; // index of its sentence, counted from 0
  // Its sentence is a whole line with no sentence punctuation (a heading, a
  // table row, a bullet's lead-in): a subject named there carries to the
  // lines below it.
  bool heading_line = false;
};

// Splits `text` into clauses in text order. Leading bullets ("•", "・", "-",
// "*", "1.") and white space are not part of a clause; nothing inside
// 「」『』“” quotes or brackets splits a clause; "Jan.", "U.S." and decimals
// do not end an English sentence. Empty clauses are dropped.
std::vector<Clause> split_clauses(std::string_view text);

// The sentences, as [begin, end) byte ranges, that split_clauses groups
// clauses by.
struct Sentence
{
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Sentence> split_sentences(std::string_view text);

// Converts a byte span of `text` to code points.
std::pair<std::size_t, std::size_t>
code_point_span(std::string_view text, std::size_t begin, std::size_t end);

enum class Direction { none, fall, rise };

// The direction word that ends nearest to the end of `window` (跌/挫/蒸發/流出/
// fell/lost/... -> fall; 漲/升/反彈/rose/gained/... -> rise), or none. English
// words match whole words, any case.
Direction direction_in(std::string_view window);

// A figure found in a sentence, with the words around it read.
struct FigureMention
{
  std::size_t begin = 0; // bytes, including a qualifier and a currency sign
  std::size_t end = 0;   // bytes, including the far end of a range
  std::string claimed;   // as the article wrote it: "逾6000億美元", "8%-15%"
  quantity::Quantity quantity;
  // A fraction ("1/50"), which the quantity reader does not take: `claimed`
  // is its text, `quantity` its numerator only.
  bool fraction = false;
};

// A date found in a sentence.
struct DateMention
{
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  WrittenDate date;
};

// Every figure in `text` (the quantity reader's grammar) with the qualifier
// before it (逾, 超過, 近, 約, 不到, more than, nearly, about, below, under ...)
// and a range after it ("8%-15%", "20%至30%", "20% to 30%") folded into the
// claimed string. Byte ranges in `masked` (entity names such as 標普500) are
// never read as figures; small counts written in Chinese words (三個, 兩張)
// and numbers after 第 are skipped.
std::vector<FigureMention>
find_figures(std::string_view text,
             const std::vector<std::pair<std::size_t, std::size_t>>& masked = {});

// Every date in `text` that parse_written_date reads: "2025年1月27日", "1月27日",
// "2023年3月", "2024年聖誕節", "當天", "周一", "Monday", "Jan. 27, 2025",
// "January 2025", and a year before 以來/起/since.
std::vector<DateMention> find_dates(std::string_view text, const DateContext& context);

// A document that settles one kind of claim about an entity: its founding
// date, or a figure named by one of `words`.
struct EntityDocument
{
  std::string about; // "founded" or "figure"
  std::vector<std::string> words;
  std::optional<quantity::Unit> unit; // a figure's unit; none: any
  std::string document;
  std::string anchor;
};

// One row of the entity table (src/extract/entities.yaml).
struct Entity
{
  std::string id;   // slug for claim ids: "nvda", "nasdaq-composite"
  std::string name; // English name for statements
  std::vector<std::string> aliases;
  std::string ticker;
  std::string series;      // "stooq:nvda.us", "fred:NASDAQCOM"; empty: none known
  std::string corroborate; // a second source of the same series
  std::string shares;      // "sec:CIK"
  bool index = false;      // an index: moves in points, no shares
  std::string unsure;      // why its ids need a person's check; empty: certain
  std::vector<EntityDocument> documents;
};

// The entity table, with every alias findable in text.
class EntityTable
{
public:
  // Parses the table's YAML. Throws factcheck::Error naming the entry and
  // field on a mistake.
  static EntityTable parse(std::string_view yaml);

  // The table compiled into the binary from src/extract/entities.yaml.
  static const EntityTable& builtin();

  struct Match
  {
    std::size_t begin = 0;
    std::size_t end = 0;
    const Entity* entity = nullptr;
  };

  // Every alias occurrence in `text`, longest first at each position, not
  // overlapping, in text order. ASCII aliases match whole words and exactly
  // as written (so "Meta" is not "metal", "Arm" is not "ARM" unless listed).
  std::vector<Match> find(std::string_view text) const;

  const std::vector<Entity>&
  entities() const
  {
    return m_entities;
  }

private:
  std::vector<Entity> m_entities;
};

struct Options
{
  std::optional<Date> published; // --date
  std::string recordings;        // --recordings DIR, written as given
  // Emit span/drafted/needs_review as claim keys (a loader that knows them is
  // needed); by default they go into tags and note so the draft validates.
  bool review_keys = false;
};

// A drafted claim.
struct DraftClaim
{
  std::string id;
  std::string quote;
  std::size_t span_begin = 0; // code points
  std::size_t span_end = 0;
  std::string statement;
  std::string claimed; // empty: none
  bool needs_review = false;
  std::string review_reason;
  // The check as YAML flow-mapping entries in order (kind first), values
  // already typed: {"kind","change_pct"}, {"series","stooq:nvda.us"} ...
  std::vector<std::pair<std::string, std::string>> check;
  std::vector<std::string> notes;
};

struct Draft
{
  std::string title;
  std::string language; // zh-Hant, zh-Hans or en
  std::optional<Date> published;
  std::string recordings;
  std::vector<DraftClaim> claims;
};

// Drafts the catalogue of `text` with `entities`.
Draft extract(std::string_view text, const EntityTable& entities, const Options& options);

// The draft as catalogue YAML (docs/catalogue.md) or JSON.
std::string to_yaml(const Draft& draft, const Options& options);
std::string to_json(const Draft& draft, const Options& options);

} // namespace factcheck::extract
