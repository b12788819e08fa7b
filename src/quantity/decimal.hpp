// An exact decimal for the quantity reader: numerals are combined section by
// section (一萬五千億 = (1 × 10⁴ + 5 × 10³) × 10⁸) without binary rounding, and
// converted to double once, correctly rounded.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string>

namespace factcheck::quantity::detail {

// mantissa × 10^exponent. The mantissa keeps the digits as written, trailing
// zeros included ("5.60" is 560 × 10⁻²), because they carry precision.
struct Decimal
{
  __extension__ typedef __int128 Mantissa; // NOLINT(modernize-use-using)

  Mantissa mantissa = 0;
  int exponent = 0;

  // Mantissas stay below 10^36, well inside __int128, so that adding two of
  // them or scaling one by ten never overflows.
  static constexpr int k_max_digits = 36;

  static Mantissa
  pow10(int n)
  {
    Mantissa out = 1;
    for (int i = 0; i < n; ++i) {
      out *= 10;
    }
    return out;
  }

  static int
  digit_count(Mantissa m)
  {
    int count = 1;
    for (; m >= 10; m /= 10) {
      ++count;
    }
    return count;
  }

  static bool
  fits(Mantissa m)
  {
    return m < pow10(k_max_digits);
  }

  bool
  is_zero() const
  {
    return mantissa == 0;
  }

  Decimal
  shifted(int places) const
  {
    return {mantissa, exponent + places};
  }

  // Appends one decimal digit to the mantissa (the reader's digit loop).
  bool
  push_digit(int digit)
  {
    const Mantissa next = mantissa * 10 + digit;
    if (!fits(next)) {
      return false;
    }
    mantissa = next;
    return true;
  }

  // The sum, exact, or nullopt when it would need more than k_max_digits.
  static std::optional<Decimal>
  add(const Decimal& a, const Decimal& b)
  {
    if (a.is_zero() && b.is_zero()) {
      // Zero keeps the coarser place: 0億 is zero to the 億.
      return a.exponent >= b.exponent ? a : b;
    }
    if (a.is_zero()) {
      return b;
    }
    if (b.is_zero()) {
      return a;
    }
    const int exponent = a.exponent < b.exponent ? a.exponent : b.exponent;
    const int a_shift = a.exponent - exponent;
    const int b_shift = b.exponent - exponent;
    if (digit_count(a.mantissa) + a_shift > k_max_digits
        || digit_count(b.mantissa) + b_shift > k_max_digits) {
      return std::nullopt;
    }
    const Mantissa sum = a.mantissa * pow10(a_shift) + b.mantissa * pow10(b_shift);
    if (!fits(sum)) {
      return std::nullopt;
    }
    return Decimal{sum, exponent};
  }

  std::string
  mantissa_digits() const
  {
    if (mantissa == 0) {
      return "0";
    }
    std::string out;
    for (Mantissa m = mantissa; m > 0; m /= 10) {
      out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    }
    return out;
  }

  double
  to_double() const
  {
    const std::string text = fmt::format("{}e{}", mantissa_digits(), exponent);
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }

  // The power of ten of the last significant digit as written: every
  // written decimal counts; trailing zeros of an integer of three or more
  // digits do not, unless `every_digit_counts` (percentages).
  int
  last_significant_place(bool every_digit_counts) const
  {
    if (exponent < 0) {
      return exponent;
    }
    std::string digits = mantissa_digits();
    digits.append(static_cast<std::size_t>(exponent), '0');
    if (every_digit_counts || digits.size() < 3) {
      return 0;
    }
    const auto last_nonzero = digits.find_last_not_of('0');
    if (last_nonzero == std::string::npos) {
      return 0; // "000": the last digit stays significant
    }
    return static_cast<int>(digits.size() - 1 - last_nonzero);
  }
};

} // namespace factcheck::quantity::detail
