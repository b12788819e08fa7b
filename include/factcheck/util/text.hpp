#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::util {

// Percent-encodes every byte outside RFC 3986's unreserved set
// (A-Z a-z 0-9 - . _ ~), for identifiers put into URL paths and queries:
// "^IXIC" -> "%5EIXIC".
std::string percent_encode(std::string_view text);

// Splits on `separator`, keeping empty fields.
std::vector<std::string_view> split(std::string_view text, char separator);

// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

// Lowercase hex SHA-256 of `data` (nettle).
std::string sha256_hex(std::string_view data);

// The number of terminal columns `text` (UTF-8) takes: East Asian wide and
// fullwidth characters count 2, combining marks 0, everything else 1.
std::size_t display_width(std::string_view text);

// Parses a decimal number in full ("142.62", "-3", "1e9"). Returns false on
// anything else, including trailing characters.
bool parse_double(std::string_view text, double& out);

// The byte offset of the first byte that does not belong to a well-formed
// UTF-8 sequence (overlong forms, surrogates and code points past U+10FFFF
// included), or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Text from the world as UTF-8: from `charset` (ISO-8859-1, Latin-1 and
// windows-1252 are converted; UTF-8, US-ASCII or none are checked), with
// every ill-formed sequence replaced by U+FFFD. `replaced`, when given,
// counts the replacements.
std::string
to_utf8(std::string_view text, std::string_view charset = "", std::size_t* replaced = nullptr);

// "1 claim", "80 claims": a count with its noun in the right number (the
// plural is the noun with an s).
std::string count_of(std::size_t count, std::string_view noun);

} // namespace factcheck::util
