// The document families: a figure, a date or a list found after an anchor
// phrase in a fetched document (PDF, HTML, text).
#include "judge.hpp"

#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace factcheck::eval::detail {

using quantity::Unit;

namespace {

const Document&
document(Context& ctx, const SourceRef& ref)
{
  const auto& data = ctx.fetched(ref);
  const auto* doc = std::get_if<Document>(&data.data);
  if (doc == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} is not a document", ref.str()));
  }
  ctx.add_source(data.evidence);
  ctx.verdict.evidence.series = ref.str();
  if (!doc->decoding.empty()) {
    ctx.verdict.evidence.notes.push_back(fmt::format("{}: {}", ref.str(), doc->decoding));
  }
  return *doc;
}

// The anchor phrase in the document; not finding it is an error, never a
// pass (the document may have changed, or the anchor is wrong).
AnchorHit
anchor(Context& ctx, const Document& doc, const SourceRef& ref, const std::string& phrase)
{
  const auto hit = find_anchor(doc, phrase);
  if (!hit) {
    ctx.stop(VerdictKind::error, fmt::format("anchor \"{}\" not found in {}", phrase, ref.str()));
  }
  return *hit;
}

// Records the sentence (and page) the verdict rests on.
void
cite(Context& ctx, const AnchorHit& hit, std::size_t end)
{
  auto sentence = sentence_around(hit.page->text, hit.begin, end);
  // A passage can run across a paragraph break (a heading, then its date):
  // show it on one line.
  std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  ctx.verdict.evidence.notes.push_back(hit.page->number > 0
                                           ? fmt::format("p.{}: \"{}\"", hit.page->number, sentence)
                                           : fmt::format("\"{}\"", sentence));
}

std::string
names_of(const std::vector<std::string>& names)
{
  std::string out;
  for (const auto& name : names) {
    out += out.empty() ? name : ", " + name;
  }
  return out;
}

} // namespace

void
judge_check(Context& ctx, const DocumentFigureCheck& check)
{
  const auto& doc = document(ctx, check.document);
  const auto hit = anchor(ctx, doc, check.document, check.anchor);
  const auto figure = find_figure(hit.page->text, hit.end);
  if (!figure) {
    cite(ctx, hit, hit.end);
    ctx.stop(VerdictKind::error, fmt::format("no figure after the anchor \"{}\"", check.anchor));
  }
  cite(ctx, hit, figure->end);
  const auto& q = ctx.claimed_quantity();
  if (figure->unit != Unit::none && q.unit != Unit::none && figure->unit != q.unit) {
    ctx.stop(VerdictKind::error,
             fmt::format("the document gives \"{}\" ({}) where the claim is in {}",
                         figure->text,
                         quantity::to_string(figure->unit),
                         quantity::to_string(q.unit)));
  }
  ctx.verdict.observed = figure->value;
  ctx.verdict.observed_text = quantity::format_value(figure->value, q.unit);
  ctx.verdict.evidence.arithmetic = fmt::format("\"{}\" = {}", figure->text, number(figure->value));
  judge(ctx, figure->value, "");
}

void
judge_check(Context& ctx, const DocumentDateCheck& check)
{
  const auto& doc = document(ctx, check.document);
  const auto hit = anchor(ctx, doc, check.document, check.anchor);
  const auto found = find_date(hit.page->text, hit.end);
  if (!found) {
    cite(ctx, hit, hit.end);
    ctx.stop(VerdictKind::error, fmt::format("no date after the anchor \"{}\"", check.anchor));
  }
  cite(ctx, hit, found->end);
  const auto shown = fmt::format("\"{}\"", found->text);
  if (check.kind == CheckKind::document_age && check.on) {
    judge_age(ctx, found->date, shown, *check.on);
    return;
  }
  if (check.relation == DateRelation::on) {
    judge_date(ctx, found->date, shown);
    return;
  }
  // by: the documented event (a release) had to happen by the claimed date
  // (the claim says something happened then that needs it). Each side is an
  // interval at its precision: the whole of the document's date on or
  // before the claimed period's last day holds, all of it after does not.
  const auto& claimed = *ctx.claim.claimed->date;
  auto& verdict = ctx.verdict;
  verdict.observed_text = format_partial_date(found->date);
  verdict.accepted = fmt::format("on or before {}", format_date(claimed.last_day()));
  if (found->date.last_day() <= claimed.last_day()) {
    verdict.kind = VerdictKind::supported;
    verdict.message = fmt::format(
        "{} is on or before {}, as the claim needs", shown, format_date(claimed.last_day()));
  } else if (found->date.first_day() > claimed.last_day()) {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format("{} is after {}: what the claim says happened by then needs it "
                                  "to have happened first",
                                  shown,
                                  format_date(claimed.last_day()));
  } else {
    verdict.kind = VerdictKind::unverifiable;
    verdict.message =
        fmt::format("{} is given only to the {} and runs past {}",
                    shown,
                    found->date.day == 0 ? (found->date.month == 0 ? "year" : "month") : "day",
                    format_date(claimed.last_day()));
  }
}

void
judge_check(Context& ctx, const DocumentPassageCheck& check)
{
  const auto& doc = document(ctx, check.document);
  const auto hit = anchor(ctx, doc, check.document, check.anchor);
  cite(ctx, hit, hit.end);
  auto& verdict = ctx.verdict;
  verdict.observed_text = "the passage";
  verdict.accepted =
      check.supports ? "a passage that supports the claim" : "no passage that contradicts it";
  verdict.kind = check.supports ? VerdictKind::supported : VerdictKind::contradicted;
  verdict.message = fmt::format("{} says \"{}\", which {} the claim",
                                check.document.str(),
                                check.anchor,
                                check.supports ? "supports" : "contradicts");
}

void
judge_check(Context& ctx, const DocumentListCheck& check)
{
  const auto& doc = document(ctx, check.document);
  const auto hit = anchor(ctx, doc, check.document, check.anchor);
  const auto list = find_list(hit.page->text, hit.end);
  cite(ctx, hit, hit.end);
  if (list.empty()) {
    ctx.stop(VerdictKind::error, fmt::format("no list after the anchor \"{}\"", check.anchor));
  }
  const std::string listed = names_of(list);
  std::string missing;
  auto& verdict = ctx.verdict;
  verdict.listed.assign(list.begin(), list.end());
  for (const auto& name : check.names) {
    if (std::find(list.begin(), list.end(), name) == list.end()) {
      missing += missing.empty() ? name : ", " + name;
      verdict.missing.push_back(name);
    }
  }
  const std::string names = names_of(check.names);
  // The list itself is in the message; the column shows what decided.
  verdict.observed_text =
      missing.empty() ? fmt::format("lists {}", names) : fmt::format("no {}", missing);
  verdict.accepted = fmt::format("a list holding {}", names);
  if (missing.empty()) {
    verdict.kind = VerdictKind::supported;
    verdict.message = fmt::format("{} all in the list: {}", names, listed);
  } else {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format("not in the list ({}): {}", listed, missing);
  }
}

} // namespace factcheck::eval::detail
