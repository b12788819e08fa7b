// Internal to verify.cpp: the rows a chart of a market claim draws.
#pragma once

#include <factcheck/eval/evaluator.hpp>
#include <factcheck/model/claim.hpp>
#include <factcheck/model/run.hpp>

#include <optional>

namespace factcheck::detail {

// Trading days drawn on each side of a market claim's date ("about a
// month").
inline constexpr std::size_t k_window_days = 21;

// The window of the series `claim` was judged on, from `observations` (the
// data the verdict read): k_window_days rows either side of the claim's date
// (and of its base date or averaged days), as far as the data goes; for
// largest_move_since, every row from the day before the claimed period ends
// (or the earlier larger move) to the date. std::nullopt for a claim that is
// not a market claim, or whose series was not read.
std::optional<SeriesWindow>
series_window(const Claim& claim, const Verdict& verdict, const eval::Observations& observations);

} // namespace factcheck::detail
