#pragma once

#include <string>
#include <utility>
#include <variant>

namespace factcheck {

// The error side of an Expected: a message that says what failed in the world
// (an HTTP status, a malformed row, a missing recording). Lowercase, no
// trailing period, ready to be shown in a verdict.
struct Unexpected
{
  std::string message;
};

inline Unexpected
unexpected(std::string message)
{
  return Unexpected{std::move(message)};
}

// A value or the reason there is none. World failures travel as values of
// this type and end as `error` verdicts; caller mistakes throw factcheck::Error
// instead. The API is a subset of C++23 std::expected<T, std::string>, so it
// can be swapped for it later.
template <typename T>
class Expected
{
public:
  Expected(T value) : m_data(std::in_place_index<0>, std::move(value))
  {}

  Expected(Unexpected error) : m_data(std::in_place_index<1>, std::move(error.message))
  {}

  bool
  has_value() const
  {
    return m_data.index() == 0;
  }

  explicit operator bool() const
  {
    return has_value();
  }

  // Precondition for the accessors below: has_value().
  T&
  value()
  {
    return std::get<0>(m_data);
  }

  const T&
  value() const
  {
    return std::get<0>(m_data);
  }

  T&
  operator*()
  {
    return value();
  }

  const T&
  operator*() const
  {
    return value();
  }

  T*
  operator->()
  {
    return &value();
  }

  const T*
  operator->() const
  {
    return &value();
  }

  // Precondition: !has_value().
  const std::string&
  error() const
  {
    return std::get<1>(m_data);
  }

private:
  std::variant<T, std::string> m_data;
};

} // namespace factcheck

// Evaluates an Expected expression and returns its error from the enclosing
// function (which must return an Expected) when it holds one.
#define FACTCHECK_TRY(expr)                                                                        \
  do {                                                                                             \
    auto&& fc_try_result_ = (expr);                                                                \
    if (!fc_try_result_) {                                                                         \
      return ::factcheck::unexpected(fc_try_result_.error());                                      \
    }                                                                                              \
  } while (false)
