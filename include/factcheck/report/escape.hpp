#pragma once

#include <string>
#include <string_view>

namespace factcheck::report {

// Escapes text for XML 1.0 character data and attribute values: the five
// markup characters, and CR, LF and TAB as character references so they
// survive attribute normalisation. Control characters XML 1.0 cannot carry
// at all become U+FFFD.
std::string xml_escape(std::string_view text);

// Escapes the message of a GitHub Actions workflow command as the Actions
// toolkit does: '%' -> %25, CR -> %0D, LF -> %0A.
std::string github_escape_data(std::string_view text);

// Escapes a workflow command property (file=, title=): the data rules plus
// ':' -> %3A and ',' -> %2C, which would otherwise end the property.
std::string github_escape_property(std::string_view text);

// Escapes text for Markdown prose, so a quote such as "*S&P 500*" or "[1]"
// shows as written instead of being read as markup ("$" too: GitHub reads
// "$...$" as maths). Line breaks become spaces.
std::string markdown_escape(std::string_view text);

} // namespace factcheck::report
