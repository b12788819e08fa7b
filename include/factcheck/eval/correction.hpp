#pragma once

#include <factcheck/model/claim.hpp>
#include <factcheck/model/verdict.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::eval {

// The correction of a contradicted verdict, in the article's language and in
// English: the claim's own `correction` where the catalogue gives one, else
// the template of the claim's check family filled in with the claim's
// subject, what the record says and what the claim said
// ("輝達單日市值蒸發約5927億美元,未逾6000億美元" / "NVIDIA lost about
// $592.7bn, not more than $600bn"). Returns std::nullopt for any other
// verdict. A language with no template and no override gives "". Pure: the
// same claim, verdict and catalogue always give the same text.
std::optional<Correction>
correction_for(const Claim& claim, const Verdict& verdict, const Catalogue& catalogue);

// The languages the templates are written in ("zh-Hant", "zh-Hans", "en").
std::vector<std::string_view> correction_languages();

} // namespace factcheck::eval
