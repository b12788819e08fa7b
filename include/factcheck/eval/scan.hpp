#pragma once

#include <factcheck/model/date.hpp>
#include <factcheck/model/document.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Finding figures, dates and lists in a document's normalised text, after an
// anchor phrase (docs/catalogue.md, "Checks"). Pure functions, tested on literal strings.
namespace factcheck::eval {

// Where an anchor was found: the page and the byte offset just after it.
struct AnchorHit
{
  const Page* page = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The first occurrence of `anchor` in the document, pages in order. Case and
// runs of whitespace in the anchor are ignored; nullopt when absent.
std::optional<AnchorHit> find_anchor(const Document& document, std::string_view anchor);

// A figure written in English text: "$5.576M", "2,048", "37B", "14.8
// trillion", "3.07%". `value` is in base units (5.576e6).
struct FoundFigure
{
  double value = 0;
  quantity::Unit unit = quantity::Unit::none;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The first figure at or after `from`. Digits glued to letters ("H800",
// "V3") are names, not figures, and are skipped.
std::optional<FoundFigure> find_figure(std::string_view text, std::size_t from);

// A date written in text: "2023-07-17", "2025/01/20", "17 July 2023",
// "July 17, 2023", "July 2023", "2023", at the precision written.
struct FoundDate
{
  PartialDate date;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::optional<FoundDate> find_date(std::string_view text, std::size_t from);

// The closed list from `from` to the end of its sentence: "SoftBank, OpenAI,
// Oracle, and MGX." -> {SoftBank, OpenAI, Oracle, MGX}.
std::vector<std::string> find_list(std::string_view text, std::size_t from);

// The sentence holding the bytes [begin, end): from the previous sentence
// end to the next (". ", "。", a line break).
std::string sentence_around(std::string_view text, std::size_t begin, std::size_t end);

// Whether a claimed date agrees with an observed one at the precision both
// have: "2023" agrees with "2023-07"; "2023-03" does not.
bool dates_agree(const PartialDate& claimed, const PartialDate& observed);

// The precision both dates have, as text: "year", "month" or "day".
std::string_view shared_precision(const PartialDate& a, const PartialDate& b);

} // namespace factcheck::eval
