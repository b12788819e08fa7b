// Reading one number as written: Arabic digits ("16,000", "3.2", ".5"),
// Chinese numerals in ordinary or financial characters ("一萬五千億",
// "壹佰伍拾", "十五點七", "一百五" = 150), English number words ("two
// thousand"), and any mix of these with scale words ("3萬4000", "1.6萬",
// "$5.6 million", "3 bn").
#pragma once

#include "cursor.hpp"
#include "decimal.hpp"

#include <factcheck/util/expected.hpp>

#include <optional>

namespace factcheck::quantity::detail {

struct Number
{
  Decimal value;
  // The value with the trailing run of scale words taken off ("6000" of
  // 6000億, "3" of 3千萬), whose last significant digit sets the precision,
  // and that run's power of ten.
  Decimal significant;
  int run = 0;
  // Set when the words fix the last significant place themselves (三成 is
  // written to the tens of percent); otherwise it follows from `significant`.
  std::optional<int> place;
  bool at_least = false; // 多/余/餘 or 幾 in or after the number
  bool has_scale = false;
};

// Reads a number at the cursor. Nothing read (no number here) is nullopt
// with the cursor unmoved; a number that cannot be held or is malformed
// ("3萬40000") is an error.
Expected<std::optional<Number>> read_number(Cursor& cursor);

// True if a Chinese numeral character (digit, multiplier or 幾) is at the
// cursor.
bool at_chinese_numeral(const Cursor& cursor);

} // namespace factcheck::quantity::detail
