#include <factcheck/eval/formula.hpp>

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstddef>

namespace factcheck::eval {

namespace {

// A recursive-descent reader: expression := term (('+'|'-') term)*,
// term := factor (('*'|'/') factor)*, factor := '-' factor | number | name
// | '(' expression ')'. Errors are thrown as strings and caught once below.
class Reader
{
public:
  Reader(std::string_view text, const std::map<std::string, double>& values)
      : m_text(text), m_values(values)
  {}

  double
  whole()
  {
    const double value = expression();
    skip_blanks();
    if (m_pos != m_text.size()) {
      throw fmt::format("unexpected \"{}\" at column {}", m_text.substr(m_pos), m_pos + 1);
    }
    return value;
  }

private:
  void
  skip_blanks()
  {
    while (m_pos < m_text.size() && m_text[m_pos] == ' ') {
      ++m_pos;
    }
  }

  bool
  accept(char c)
  {
    skip_blanks();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  double
  expression()
  {
    double value = term();
    while (true) {
      if (accept('+')) {
        value += term();
      } else if (accept('-')) {
        value -= term();
      } else {
        return value;
      }
    }
  }

  double
  term()
  {
    double value = factor();
    while (true) {
      if (accept('*')) {
        value *= factor();
      } else if (accept('/')) {
        const double divisor = factor();
        if (divisor == 0) {
          throw std::string("division by zero");
        }
        value /= divisor;
      } else {
        return value;
      }
    }
  }

  // Brackets and signs nest; a formula is a line of arithmetic, so a depth
  // far past any a person writes is refused rather than recursed into.
  static constexpr int k_max_depth = 64;

  struct Deeper
  {
    explicit Deeper(int& depth) : m_depth(depth)
    {
      if (++m_depth > k_max_depth) {
        throw fmt::format("brackets or signs nested deeper than {}", k_max_depth);
      }
    }
    ~Deeper()
    {
      --m_depth;
    }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

  private:
    int& m_depth;
  };

  double
  factor()
  {
    const Deeper deeper(m_depth);
    if (accept('-')) {
      return -factor();
    }
    if (accept('(')) {
      const double value = expression();
      if (!accept(')')) {
        throw fmt::format("missing \")\" at column {}", m_pos + 1);
      }
      return value;
    }
    skip_blanks();
    if (m_pos >= m_text.size()) {
      throw std::string("unexpected end");
    }
    const char c = m_text[m_pos];
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.') {
      double value = 0;
      const auto* begin = m_text.data() + m_pos;
      const auto [end, error] = std::from_chars(begin, m_text.data() + m_text.size(), value);
      if (error != std::errc()) {
        throw fmt::format("bad number at column {}", m_pos + 1);
      }
      m_pos += static_cast<std::size_t>(end - begin);
      return value;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_') {
      const std::size_t start = m_pos;
      while (m_pos < m_text.size()
             && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) != 0
                 || m_text[m_pos] == '_')) {
        ++m_pos;
      }
      const std::string name(m_text.substr(start, m_pos - start));
      const auto it = m_values.find(name);
      if (it == m_values.end()) {
        throw fmt::format("unknown name \"{}\" (not among the inputs)", name);
      }
      return it->second;
    }
    throw fmt::format("unexpected \"{}\" at column {}", c, m_pos + 1);
  }

  std::string_view m_text;
  int m_depth = 0;
  const std::map<std::string, double>& m_values;
  std::size_t m_pos = 0;
};

} // namespace

Expected<double>
evaluate_formula(std::string_view formula, const std::map<std::string, double>& values)
{
  try {
    return Reader(formula, values).whole();
  } catch (const std::string& message) {
    return unexpected(message);
  }
}

} // namespace factcheck::eval
