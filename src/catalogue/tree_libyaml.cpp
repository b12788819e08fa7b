// YAML into the loader's tree through libyaml's event parser: about ten
// times the speed of building yaml-cpp's tree (bench/RESULTS.md, "YAML
// libraries"), with the line of every event. Iterative, like libyaml itself,
// so that no nesting of the text can exhaust the stack.
#include "tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>

namespace factcheck::catalogue::detail {

namespace {

// Past any depth a person writes ("- - - - x" nests without brackets, which
// the loader's bracket count does not see); keeps the tree's destructor's
// recursion bounded too.
constexpr std::size_t k_max_depth = 64;

struct Parser
{
  yaml_parser_t parser{};
  Parser()
  {
    yaml_parser_initialize(&parser);
  }
  ~Parser()
  {
    yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event
{
  yaml_event_t event{};
  bool live = false;
  ~Event()
  {
    if (live) {
      yaml_event_delete(&event);
    }
  }
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
};

// A plain scalar that yaml-cpp (and YAML 1.2's core schema) read as null.
bool
is_null_scalar(const yaml_event_t& event)
{
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE || scalar.tag != nullptr) {
    return false;
  }
  const std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::size_t
count_nodes(const Node& node)
{
  std::size_t n = 1;
  for (const auto& item : node.items) {
    n += count_nodes(item);
  }
  return n;
}

class Builder
{
public:
  Builder(Node& root, std::size_t budget, const ItemSink& sink)
      : m_stream(root, sink), m_root(root), m_budget(budget)
  {}

  // Adds a node where the next one goes; returns it.
  Node*
  add(Node::Type type, int line)
  {
    Node* target = &m_root;
    Node* parent = m_open.empty() ? nullptr : m_open.back();
    if (parent != nullptr) {
      // Only the innermost open node grows, so the pointers in m_open (to
      // the last item of each parent) stay valid.
      target = &parent->items.emplace_back();
    }
    target->type = type;
    target->line = line;
    m_stream.added(parent, *target);
    return target;
  }

  // The node added last (a scalar, an alias's copy) or closed last is
  // complete.
  void
  finished()
  {
    m_stream.finished(m_open.empty() ? nullptr : m_open.back());
  }

  bool
  spend(std::size_t nodes)
  {
    if (nodes > m_budget) {
      return false;
    }
    m_budget -= nodes;
    return true;
  }

  std::vector<Node*> m_open;
  std::vector<std::string> m_open_anchors;
  std::map<std::string, Node, std::less<>> m_anchors;
  ClaimsStream m_stream;

private:
  Node& m_root;
  std::size_t m_budget;
};

std::string
anchor_of(const yaml_char_t* anchor)
{
  return anchor == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(anchor));
}

int
line_at_offset(std::string_view text, std::size_t offset)
{
  const auto before = text.substr(0, std::min(offset, text.size()));
  return 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
}

void
syntax_error(const yaml_parser_t& parser, std::string_view text, SyntaxError& error)
{
  error.message = parser.problem != nullptr ? parser.problem : "not valid YAML";
  if (parser.error == YAML_READER_ERROR) {
    error.line = line_at_offset(text, parser.problem_offset);
    return;
  }
  error.line = static_cast<int>(parser.problem_mark.line) + 1;
  error.column = static_cast<int>(parser.problem_mark.column) + 1;
  if (parser.context != nullptr) {
    error.message += " (";
    error.message += parser.context;
    error.message += " that began at line " + std::to_string(parser.context_mark.line + 1) + ")";
  }
}

} // namespace

bool
read_yaml(std::string_view text, Node& root, SyntaxError& error, const ItemSink& claims)
{
  Parser p;
  yaml_parser_set_input_string(
      &p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  // Without aliases a node takes at least a byte of text; the budget lets
  // aliases repeat what they name, not grow without end.
  Builder builder(root, 4 * text.size() + 4096, claims);
  root = Node{};
  for (;;) {
    Event e;
    if (yaml_parser_parse(&p.parser, &e.event) == 0) {
      syntax_error(p.parser, text, error);
      return false;
    }
    e.live = true;
    const auto& event = e.event;
    const int line = static_cast<int>(event.start_mark.line) + 1;
    switch (event.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_NO_EVENT:
      break;
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      // The first document is the catalogue; what follows is not read.
      return true;
    case YAML_SCALAR_EVENT: {
      if (!builder.spend(1)) {
        error = {line, 0, "aliases expand to too many nodes"};
        return false;
      }
      auto* node = builder.add(is_null_scalar(event) ? Node::Type::null : Node::Type::scalar, line);
      if (node->is_scalar()) {
        node->value.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                           event.data.scalar.length);
      }
      if (event.data.scalar.anchor != nullptr) {
        builder.m_anchors[anchor_of(event.data.scalar.anchor)] = *node;
      }
      builder.finished();
      break;
    }
    case YAML_ALIAS_EVENT: {
      const auto found = builder.m_anchors.find(anchor_of(event.data.alias.anchor));
      if (found == builder.m_anchors.end()) {
        error = {line, 0, "the referenced anchor is not defined"};
        return false;
      }
      if (!builder.spend(count_nodes(found->second))) {
        error = {line, 0, "aliases expand to too many nodes"};
        return false;
      }
      const Node copy = found->second;
      auto* node = builder.add(copy.type, line);
      node->value = copy.value;
      node->items = copy.items;
      builder.finished();
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
      if (builder.m_open.size() >= k_max_depth) {
        error = {line, 0, "nested more than 64 deep"};
        return false;
      }
      if (!builder.spend(1)) {
        error = {line, 0, "aliases expand to too many nodes"};
        return false;
      }
      const bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
      builder.m_open.push_back(
          builder.add(sequence ? Node::Type::sequence : Node::Type::mapping, line));
      builder.m_open_anchors.push_back(
          anchor_of(sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor));
      break;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      if (!builder.m_open_anchors.back().empty()) {
        builder.m_anchors[builder.m_open_anchors.back()] = *builder.m_open.back();
      }
      // A finished node no longer grows: its spare capacity (up to half of
      // it, grown by doubling) would sit in the tree until the claim is read.
      builder.m_open.back()->items.shrink_to_fit();
      builder.m_open.pop_back();
      builder.m_open_anchors.pop_back();
      builder.finished();
      break;
    }
  }
}

} // namespace factcheck::catalogue::detail
