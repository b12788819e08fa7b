#pragma once

// JSON from the world (responses, cache entries) read without letting
// nlohmann/json's exceptions or its recursion loose: a body nested deeper
// than a limit is refused before it is parsed, a parse error or a number
// beyond double is a message, and text quoted from a document in a message
// is cut short and never invalid UTF-8.

#include <factcheck/util/expected.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace factcheck::util {

// Deeper than any response a source sends (Yahoo's chart is 6 levels).
inline constexpr std::size_t k_max_json_depth = 128;

// The deepest nesting of arrays and objects in `text`, outside strings.
std::size_t json_depth(std::string_view text);

// Parses `text`; failures are messages: "a parse error at byte 17",
// "a number out of range at byte 3", "nesting deeper than 128 levels".
Expected<nlohmann::json> parse_json(std::string_view text,
                                    std::size_t max_depth = k_max_json_depth);

// `value` as compact JSON for a message, at most `max_bytes` long (cut with
// "…"), invalid UTF-8 replaced.
std::string json_excerpt(const nlohmann::json& value, std::size_t max_bytes = 200);

// Typed reads of an object's field: the value when `object` is an object
// holding `key` with a value of that type, else nullopt (missing, null, or
// of another type). Never throws.
std::optional<std::string> string_field(const nlohmann::json& object, std::string_view key);
std::optional<std::int64_t> integer_field(const nlohmann::json& object, std::string_view key);
std::optional<double> number_field(const nlohmann::json& object, std::string_view key);

} // namespace factcheck::util
