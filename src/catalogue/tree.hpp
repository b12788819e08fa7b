#pragma once

// The catalogue as a plain tree of scalars, lists and mappings with the line
// of each node: what the loader's schema checks read, whichever reader
// (YAML, or strict JSON) produced it. Private to src/catalogue/.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::catalogue::detail {

struct Node
{
  enum class Type : std::uint8_t { null, scalar, sequence, mapping };

  Type type = Type::null;
  // 1-based line where the node starts.
  int line = 1;
  // A scalar's text, as written (quotes and escapes resolved).
  std::string value;
  // A sequence's items; a mapping's keys and values, alternating, in the
  // order written (duplicates kept, so that the loader can name them).
  std::vector<Node> items;

  bool
  is_null() const
  {
    return type == Type::null;
  }
  bool
  is_scalar() const
  {
    return type == Type::scalar;
  }
  bool
  is_sequence() const
  {
    return type == Type::sequence;
  }
  bool
  is_map() const
  {
    return type == Type::mapping;
  }

  // Items of a sequence, pairs of a mapping.
  std::size_t
  size() const
  {
    return is_map() ? items.size() / 2 : items.size();
  }

  // The value of the first key `key` of a mapping, or nullptr.
  const Node*
  find(std::string_view key) const
  {
    if (!is_map()) {
      return nullptr;
    }
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      if (items[i].is_scalar() && items[i].value == key) {
        return &items[i + 1];
      }
    }
    return nullptr;
  }
};

// A syntax error of the text: its 1-based line (and column, 0 when unknown)
// and the reader's message.
struct SyntaxError
{
  int line = 1;
  int column = 0;
  std::string message;
};

// Reads YAML text with libyaml (the first document of the stream; an empty
// stream is a null root; plain ~, null and empty are null, as in yaml-cpp).
// Aliases are expanded, within a budget of nodes. Returns false and fills
// `error` on a syntax error, or on nesting deeper than 64.
bool read_yaml(std::string_view text, Node& root, SyntaxError& error);

// Reads strict JSON (RFC 8259: no trailing commas, comments or single
// quotes). Numbers keep their text (integers as their value prints).
// Returns false on a syntax error, with `error_offset` the count of bytes
// read when it was found (nlohmann/json's position: the mistake is the byte
// before).
bool read_json(std::string_view text, Node& root, std::size_t& error_offset);

} // namespace factcheck::catalogue::detail
