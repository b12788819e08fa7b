#pragma once

// The catalogue as a plain tree of scalars, lists and mappings with the line
// of each node: what the loader's schema checks read, whichever reader
// (YAML, or strict JSON) produced it. Private to src/catalogue/.

#include <cstdint>
#include <functional>
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

// Called with each item of the root mapping's "claims" list as soon as the
// reader has finished it, and with the root as read so far (its keys before
// "claims", and "claims" itself). Returning true drops the item from the
// tree: a 100,000-claim catalogue's tree then never exists whole beside its
// claims (bench/notes.md, "Memory, third round").
using ItemSink = std::function<bool(const Node& root, Node& item)>;

// What both readers share for an ItemSink: which node is the root's "claims"
// list, and handing each of its finished items to the sink.
class ClaimsStream
{
public:
  ClaimsStream(Node& root, const ItemSink& sink) : m_root(root), m_sink(sink)
  {}

  // `node` has just been added to `parent` (nullptr for the root).
  void
  added(const Node* parent, Node& node)
  {
    const auto& items = m_root.items;
    if (m_sink && parent == &m_root && m_root.is_map() && node.is_sequence() && items.size() >= 2
        && &items.back() == &node && items[items.size() - 2].is_scalar()
        && items[items.size() - 2].value == "claims") {
      m_list = &node;
    }
  }

  // The last item of `parent` (the innermost open node) is complete.
  void
  finished(Node* parent)
  {
    if (parent == &m_root) {
      // A value of the root is complete: the list, if it was one, is done
      // (or was an alias's copy, of which nothing is handed on).
      m_list = nullptr;
    } else if (parent != nullptr && parent == m_list && m_sink(m_root, m_list->items.back())) {
      m_list->items.pop_back();
    }
  }

private:
  Node& m_root;
  const ItemSink& m_sink;
  Node* m_list = nullptr;
};

// Reads YAML text with libyaml (the first document of the stream; an empty
// stream is a null root; plain ~, null and empty are null, as in yaml-cpp).
// Aliases are expanded, within a budget of nodes. Returns false and fills
// `error` on a syntax error, or on nesting deeper than 64.
bool read_yaml(std::string_view text, Node& root, SyntaxError& error, const ItemSink& claims = {});

// Reads strict JSON (RFC 8259: no trailing commas, comments or single
// quotes). Numbers keep their text (integers as their value prints).
// Returns false on a syntax error, with `error_offset` the count of bytes
// read when it was found (nlohmann/json's position: the mistake is the byte
// before). `claims` as for read_yaml.
bool read_json(std::string_view text,
               Node& root,
               std::size_t& error_offset,
               const ItemSink& claims = {});

} // namespace factcheck::catalogue::detail
