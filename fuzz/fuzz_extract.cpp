// factcheck extract on arbitrary text: a draft, or nothing, never a crash
// or a hang; the draft is valid UTF-8 and the catalogue loader reads it or
// refuses it with file:line.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/extract/extract.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  namespace extract = factcheck::extract;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  extract::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  options.review_keys = true;
  const auto draft = extract::extract(text, extract::EntityTable::builtin(), options);
  const auto yaml = extract::to_yaml(draft, options);
  if (factcheck::util::first_invalid_utf8(yaml)) {
    std::abort();
  }
  try {
    (void)factcheck::catalogue::parse(yaml, "draft.yaml");
  } catch (const factcheck::Error&) {
  }
  return 0;
}
