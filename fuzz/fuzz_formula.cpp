// Derived claims' formulas: a value or an error, never a crash or a deep
// recursion.
#include <factcheck/eval/formula.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)factcheck::eval::evaluate_formula(text, {{"a", 2}, {"usd", 5.576e6}, {"gpus", 2048}});
  return 0;
}
