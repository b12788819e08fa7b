// The catalogue loader, as YAML and as strict JSON: any bytes load, or fail
// as factcheck::Error (file:line); nothing else may escape.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/util/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"fuzz.yaml", "fuzz.json"}) {
    try {
      (void)factcheck::catalogue::parse(text, path);
    } catch (const factcheck::Error&) {
    }
  }
  return 0;
}
