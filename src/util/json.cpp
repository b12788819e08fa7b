#include <factcheck/util/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace factcheck::util {

std::size_t
json_depth(std::string_view text)
{
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i; // the escaped character, whatever it is
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Expected<nlohmann::json>
parse_json(std::string_view text, std::size_t max_depth)
{
  if (json_depth(text) > max_depth) {
    return unexpected(fmt::format("nesting deeper than {} levels", max_depth));
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return unexpected(fmt::format("a parse error at byte {}", e.byte));
  } catch (const nlohmann::json::out_of_range&) {
    // 1e400: the lexer reads it, but no double holds it.
    return unexpected("a number beyond the range of a double");
  } catch (const nlohmann::json::exception& e) {
    return unexpected(fmt::format("unreadable JSON ({})", e.what()));
  }
}

std::string
json_excerpt(const nlohmann::json& value, std::size_t max_bytes)
{
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() <= max_bytes) {
    return text;
  }
  std::size_t cut = max_bytes;
  // Back to the start of a code point, so the excerpt stays UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(0, cut) + "…";
}

namespace {

const nlohmann::json*
member(const nlohmann::json& object, std::string_view key)
{
  if (!object.is_object()) {
    return nullptr;
  }
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

} // namespace

std::optional<std::string>
string_field(const nlohmann::json& object, std::string_view key)
{
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_string()) {
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t>
integer_field(const nlohmann::json& object, std::string_view key)
{
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_number_integer()) {
    return std::nullopt;
  }
  if (value->is_number_unsigned()
      && value->get<std::uint64_t>()
             > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<double>
number_field(const nlohmann::json& object, std::string_view key)
{
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_number()) {
    return std::nullopt;
  }
  return value->get<double>();
}

} // namespace factcheck::util
