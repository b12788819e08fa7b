#pragma once

#include <factcheck/model/claim.hpp>
#include <factcheck/model/run.hpp>
#include <factcheck/model/verdict.hpp>
#include <factcheck/util/expected.hpp>

#include <map>
#include <string>

namespace factcheck::eval {

// The observation types live in the model, where reporters see them too;
// these names stay for the evaluator's callers.
using factcheck::Fetched;
using factcheck::Observations;

// The source references a claim needs (Check::refs(): series, document or
// entity, then shares and corroborate).
std::vector<SourceRef> needed_refs(const Claim& claim);

// Judges one claim against the data with its check family's judge
// (src/eval/judge_*.cpp; docs/semantics.md for what verdicts mean). Pure: no
// clock, no environment, no I/O. Data the claim needs that is missing from
// `observations` is an `error`; rows the data does not hold make the claim
// `unverifiable`, never `supported`.
Verdict evaluate(const Claim& claim, const Observations& observations);

// Like evaluate, for a claim that may be `derived`: `inputs` holds the
// verdicts of the claims it derives from, by claim id. A derived claim whose
// input has no observed value is unverifiable (or error, if the input is).
Verdict evaluate(const Claim& claim,
                 const Observations& observations,
                 const std::map<std::string, Verdict>& inputs);

} // namespace factcheck::eval
