// World JSON (responses, cache entries): parsed within the depth limit or
// refused with a message; typed reads never throw.
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  namespace util = factcheck::util;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto json = util::parse_json(text)) {
    for (const char* key : {"url", "status", "sha256", "stored_at"}) {
      (void)util::string_field(*json, key);
      (void)util::integer_field(*json, key);
      (void)util::number_field(*json, key);
    }
    if (util::first_invalid_utf8(util::json_excerpt(*json))) {
      std::abort();
    }
  }
  if (util::first_invalid_utf8(util::to_utf8(text))) {
    std::abort();
  }
  return 0;
}
