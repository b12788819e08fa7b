#pragma once

#include <string>
#include <string_view>

namespace factcheck::report {

// Writes the control characters of catalogue or source text as JSON writes
// them, so none reaches a terminal or a log raw: LF -> "\n", CR -> "\r",
// TAB -> "\t", the other C0 controls, DEL and the C1 controls (U+0080 to
// U+009F, which terminals also obey) -> "\u001b" and the like. Everything
// else, including RTL marks and CJK, is kept as it is.
std::string escape_controls(std::string_view text);

// Escapes text for XML 1.0 character data and attribute values: the five
// markup characters, and CR, LF and TAB as character references so they
// survive attribute normalisation. What XML 1.0 cannot carry at all, not
// even as a reference (the other C0 controls, the noncharacters U+FFFE and
// U+FFFF, and bytes that are not UTF-8), becomes U+FFFD.
std::string xml_escape(std::string_view text);

// Escapes the message of a GitHub Actions workflow command as the Actions
// toolkit does: '%' -> %25, CR -> %0D, LF -> %0A.
std::string github_escape_data(std::string_view text);

// Escapes text for HTML character data and attribute values: the five markup
// characters as entities; control characters written visibly as
// escape_controls does ("\u001b", "\n"), so none reaches the page raw; and
// what HTML reads as a parse error (the noncharacters U+FFFE and U+FFFF,
// bytes that are not UTF-8) as U+FFFD.
std::string html_escape(std::string_view text);

// Escapes a workflow command property (file=, title=): the data rules plus
// ':' -> %3A and ',' -> %2C, which would otherwise end the property.
std::string github_escape_property(std::string_view text);

// Escapes text for Markdown prose, so a quote such as "*S&P 500*" or "[1]"
// shows as written instead of being read as markup ("$" too: GitHub reads
// "$...$" as maths, and "&" so that "&amp;" shows as written, not as "&").
// Line breaks become spaces, and other control characters are escaped as
// escape_controls does.
std::string markdown_escape(std::string_view text);

} // namespace factcheck::report
