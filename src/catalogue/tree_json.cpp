// Strict JSON into the loader's tree, through nlohmann/json's SAX parser (no
// DOM is built), keeping the line of every node. nlohmann/json reports no
// line to its SAX callbacks, so the input goes through an iterator that
// counts the newlines it steps over.
#include "tree.hpp"

#include <nlohmann/json.hpp>

#include <iterator>

namespace factcheck::catalogue::detail {

namespace {

struct LineCount
{
  int newlines = 0;
  // Whether the last byte read was a newline: a number is only known to end
  // when the byte after it has been read, and that byte may be a newline.
  bool last_was_newline = false;
};

class CountingIterator
{
public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, LineCount* count) : m_at(at), m_count(count)
  {}

  reference
  operator*() const
  {
    return *m_at;
  }
  CountingIterator&
  operator++()
  {
    m_count->last_was_newline = *m_at == '\n';
    m_count->newlines += m_count->last_was_newline ? 1 : 0;
    ++m_at;
    return *this;
  }
  CountingIterator
  operator++(int)
  {
    auto before = *this;
    ++*this;
    return before;
  }
  bool
  operator==(const CountingIterator& other) const
  {
    return m_at == other.m_at;
  }
  bool
  operator!=(const CountingIterator& other) const
  {
    return m_at != other.m_at;
  }

private:
  const char* m_at;
  LineCount* m_count;
};

// Builds the tree; `m_open` holds the sequences and mappings being filled.
class TreeBuilder
{
public:
  using json = nlohmann::json;

  TreeBuilder(Node& root, const LineCount& count, const ItemSink& sink)
      : m_root(root), m_count(count), m_stream(root, sink)
  {}

  bool
  null()
  {
    add(Node::Type::null, {}, line());
    finished();
    return true;
  }
  bool
  boolean(bool value)
  {
    add(Node::Type::scalar, value ? "true" : "false", line());
    finished();
    return true;
  }
  bool
  number_integer(json::number_integer_t value)
  {
    add(Node::Type::scalar, std::to_string(value), number_line());
    finished();
    return true;
  }
  bool
  number_unsigned(json::number_unsigned_t value)
  {
    add(Node::Type::scalar, std::to_string(value), number_line());
    finished();
    return true;
  }
  bool
  number_float(json::number_float_t /*value*/, const json::string_t& text)
  {
    add(Node::Type::scalar, text, number_line());
    finished();
    return true;
  }
  bool
  string(json::string_t& value)
  {
    add(Node::Type::scalar, std::move(value), line());
    finished();
    return true;
  }
  bool
  binary(json::binary_t& /*value*/)
  {
    return false; // not in JSON text
  }
  bool
  key(json::string_t& value)
  {
    add(Node::Type::scalar, std::move(value), line());
    finished();
    return true;
  }
  bool
  start_object(std::size_t /*size*/)
  {
    m_open.push_back(&add(Node::Type::mapping, {}, line()));
    return true;
  }
  bool
  end_object()
  {
    // A finished node no longer grows: its spare capacity (up to half of
    // it, grown by doubling) would sit in the tree until the claim is read.
    m_open.back()->items.shrink_to_fit();
    m_open.pop_back();
    finished();
    return true;
  }
  bool
  start_array(std::size_t /*size*/)
  {
    m_open.push_back(&add(Node::Type::sequence, {}, line()));
    return true;
  }
  bool
  end_array()
  {
    m_open.back()->items.shrink_to_fit();
    m_open.pop_back();
    finished();
    return true;
  }
  bool
  parse_error(std::size_t position,
              const std::string& /*last_token*/,
              const nlohmann::detail::exception& /*error*/)
  {
    m_error_offset = position;
    return false;
  }

  std::size_t
  error_offset() const
  {
    return m_error_offset;
  }

private:
  int
  line() const
  {
    return m_count.newlines + 1;
  }
  int
  number_line() const
  {
    return m_count.newlines + (m_count.last_was_newline ? 0 : 1);
  }

  // The node added or closed last is complete.
  void
  finished()
  {
    m_stream.finished(m_open.empty() ? nullptr : m_open.back());
  }

  Node&
  add(Node::Type type, std::string value, int at)
  {
    Node* target = nullptr;
    Node* parent = m_open.empty() ? nullptr : m_open.back();
    if (parent == nullptr) {
      target = &m_root;
    } else {
      // A node's address is kept in m_open only while it is the last item
      // of its parent, and items are only ever added to the innermost open
      // node, so no pointer in m_open is invalidated by this push_back.
      auto& items = m_open.back()->items;
      items.emplace_back();
      target = &items.back();
    }
    target->type = type;
    target->line = at;
    target->value = std::move(value);
    m_stream.added(parent, *target);
    return *target;
  }

  Node& m_root;
  const LineCount& m_count;
  ClaimsStream m_stream;
  std::vector<Node*> m_open;
  std::size_t m_error_offset = 0;
};

} // namespace

bool
read_json(std::string_view text, Node& root, std::size_t& error_offset, const ItemSink& claims)
{
  LineCount count;
  TreeBuilder builder(root, count, claims);
  const CountingIterator first(text.data(), &count);
  const CountingIterator last(text.data() + text.size(), &count);
  if (!nlohmann::json::sax_parse(first, last, &builder)) {
    error_offset = builder.error_offset();
    return false;
  }
  return true;
}

} // namespace factcheck::catalogue::detail
