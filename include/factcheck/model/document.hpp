#pragma once

#include <map>
#include <string>
#include <vector>

namespace factcheck {

// One page of a document. PDFs number their pages from 1; a document without
// pages (HTML, text, an abstract) is one page numbered 0.
struct Page
{
  int number = 0;
  std::string text; // normalised: see normalise_text
};

// Text from a document source, ready for anchor matching.
struct Document
{
  std::string title;
  std::string url;
  std::string published;     // "2024-12-27" when the source says (arXiv)
  std::string wikibase_item; // Wikipedia summaries: the Wikidata item, "Q94"
  // How the bytes were made into text, when that was not plain UTF-8:
  // "decoded from ISO-8859-1", "3 bytes that were not UTF-8 replaced by U+FFFD".
  std::string decoding;
  std::vector<Page> pages;
};

// One Wikidata statement value. Times keep Wikidata's precision code
// (9 = year, 10 = month, 11 = day).
struct Statement
{
  std::string value; // "+2008-09-23T00:00:00Z", "Q328", or a plain string
  int precision = 0; // times only
  std::string rank;  // "preferred", "normal", "deprecated"
};

// A Wikidata entity: its statements by property id ("P571").
struct Entity
{
  std::string id;
  std::string label; // English label, when present
  std::map<std::string, std::vector<Statement>> statements;
};

// Normalises extracted text for matching: a word hyphenated across a line
// break is joined ("exam-\nple" -> "example"), other single line breaks and
// runs of blanks become one space, and blank-line paragraph breaks become a
// single "\n". Leading and trailing blanks are dropped.
std::string normalise_text(std::string_view text);

} // namespace factcheck
