#pragma once

#include <factcheck/model/claim.hpp>

#include <string>
#include <string_view>

namespace factcheck::catalogue {

// Parses a catalogue: strict JSON when `path` ends in ".json", YAML
// otherwise; both are read into one tree, so they share one schema and one
// set of line numbers. `path` names the text in messages and anchors a
// relative `recordings:` folder.
//
// Throws factcheck::Error with "path:line: message" for a syntax error, or
// one such line per claim with a mistake: an unknown key, an unknown check
// kind, a bad date or claimed value, a duplicate id, a missing required key.
Catalogue parse(std::string_view text, const std::string& path);

// Reads and parses the file at `path`, or standard input for "-".
// Throws factcheck::Error when the file cannot be read or is invalid.
Catalogue load(const std::string& path);

} // namespace factcheck::catalogue
