#pragma once

#include <factcheck/util/expected.hpp>

#include <map>
#include <string>
#include <string_view>

namespace factcheck::eval {

// Evaluates arithmetic over named values: numbers, names from `values`,
// + - * /, unary minus and parentheses ("cost / 2 / gpus / 24"). Returns an
// error naming an unknown name, a syntax error or a division by zero.
Expected<double> evaluate_formula(std::string_view formula,
                                  const std::map<std::string, double>& values);

} // namespace factcheck::eval
