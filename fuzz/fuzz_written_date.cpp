// Dates as written, against a fixed published date.
#include <factcheck/model/date.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const factcheck::DateContext context{factcheck::parse_date("2025-01-28")};
  if (const auto date = factcheck::parse_written_date(text, context)) {
    if (date->date.month > 12 || date->date.day > 31) {
      std::abort();
    }
  }
  (void)factcheck::parse_partial_date(text);
  return 0;
}
