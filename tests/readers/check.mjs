// Reads factcheck's reports with the programs their users read them with
// (tests/report_readers_test.sh copies this file beside the node_modules that
// scripts/install-ci-readers installs, so that the packages resolve):
//   node check.mjs github      REPORT NDJSON   @actions/core's escaping, byte for byte
//   node check.mjs claimreview REPORT NDJSON CONTEXT   parse5 (an HTML page) and jsonld
//   node check.mjs markdown    REPORT NDJSON   markdown-it, then parse5 for the text shown
//   node check.mjs junit       REPORT NDJSON   junit2json
// NDJSON is the same run's ndjson report: the text as the catalogue wrote it,
// which each reader must show as it was. Exits 1 with one line per problem.
import fs from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

const require = createRequire(import.meta.url);
const [, , format, reportPath, ndjsonPath, extra] = process.argv;
const report = fs.readFileSync(reportPath, "utf8");
const verdicts = fs
  .readFileSync(ndjsonPath, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line));
const problems = [];
const problem = (text) => problems.push(text);

// Control characters as factcheck's text formats write them (escape_controls
// in src/report/escape.cpp): as JSON writes them, visibly.
function controls(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  });
}

function textOf(node) {
  if (node.nodeName === "#text") return node.value;
  return (node.childNodes || []).map(textOf).join("");
}

function walk(node, visit) {
  visit(node);
  for (const child of node.childNodes || []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

async function checkGithub() {
  const command = require("@actions/core/lib/command");
  // What @actions/core writes, captured from its process.stdout.write.
  const core = (name, properties, message) => {
    const write = process.stdout.write;
    let out = "";
    process.stdout.write = (chunk) => {
      out += chunk;
      return true;
    };
    try {
      command.issueCommand(name, properties, message);
    } finally {
      process.stdout.write = write;
    }
    return out.replace(/\n$/, "");
  };
  const unescape = (text) =>
    text
      .replace(/%2C/g, ",")
      .replace(/%3A/g, ":")
      .replace(/%0A/g, "\n")
      .replace(/%0D/g, "\r")
      .replace(/%25/g, "%");
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const lines = report.split("\n").filter((line) => line !== "");
  const levels = { error: 0, warning: 0, notice: 0 };
  const annotated = new Set();
  let seenOther = false;
  for (const line of lines) {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!m) {
      if (line.startsWith("::")) problem(`github: a command @actions/core would not write: ${line}`);
      continue;
    }
    const [, name, props, message] = m;
    levels[name] += 1;
    if (name === "error" && seenOther) problem("github: an ::error after a ::warning or ::notice");
    if (name !== "error") seenOther = true;
    const properties = {};
    for (const pair of props.split(",")) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    const decoded = unescape(message);
    const again = core(name, properties, decoded);
    if (again !== line) problem(`github: @actions/core writes\n  ${again}\nfactcheck wrote\n  ${line}`);
    // The values themselves, from the ndjson report of the same run.
    const id = properties.title.replace(/^[a-z]+: /, "");
    const v = byId.get(id);
    if (!v) {
      problem(`github: title names no claim: ${properties.title}`);
      continue;
    }
    annotated.add(id);
    const expected = core(
      name,
      { file: v.location.file, line: String(v.location.line), title: `${v.verdict}: ${v.id}` },
      controls(v.statement) + "\n" + decoded.slice(decoded.indexOf("\n") + 1),
    );
    if (expected !== line) problem(`github: ${id}: expected\n  ${expected}\ngot\n  ${line}`);
  }
  for (const [name, n] of Object.entries(levels)) {
    if (n > 10) problem(`github: ${n} ::${name} annotations; GitHub shows 10`);
  }
  const problemsOnly = verdicts.filter((v) => v.verdict !== "supported");
  const left = problemsOnly.length - annotated.size;
  const contradicted = verdicts.filter((v) => v.verdict === "contradicted").length;
  if (levels.error !== Math.min(10, contradicted)) {
    problem(`github: ${levels.error} ::error for ${contradicted} contradicted claims`);
  }
  const summary = lines[lines.length - 1];
  if (left > 0 && !summary.includes(`; ${left} not annotated`)) {
    problem(`github: ${left} claims unannotated, the summary says: ${summary}`);
  }
  if (left === 0 && summary.includes("not annotated")) problem(`github: ${summary}`);
  return `github: ${annotated.size} annotations re-escaped by @actions/core byte for byte, ${left} left unannotated and counted`;
}

async function checkClaimreview() {
  const parse5 = await import("parse5");
  const jsonld = require("jsonld");
  const page =
    '<!DOCTYPE html><html><head><title>review</title><script type="application/ld+json">' +
    report +
    '</script></head><body><p id="after">after the markup</p></body></html>';
  const doc = parse5.parse(page);
  const scripts = [];
  let after = null;
  walk(doc, (node) => {
    if (node.nodeName === "script") scripts.push(node);
    if (node.nodeName === "p") after = node;
  });
  if (scripts.length !== 1) problem(`claimreview: the page has ${scripts.length} <script> elements, not 1`);
  if (!after || textOf(after) !== "after the markup") problem("claimreview: the page's body did not survive the JSON-LD");
  let parsed;
  try {
    parsed = JSON.parse(textOf(scripts[0]));
  } catch (e) {
    problem(`claimreview: the <script> element's text is not JSON (the page ended it early): ${e.message.split("\n")[0]}`);
    return "";
  }
  if (!isDeepStrictEqual(parsed, JSON.parse(report))) problem("claimreview: the script's text is not the report");
  const context = JSON.parse(fs.readFileSync(extra, "utf8"));
  const documentLoader = async (url) => {
    if (/^https?:\/\/schema\.org\/?$/.test(url)) {
      return { contextUrl: null, documentUrl: url, document: context };
    }
    throw new Error(`no network in tests: ${url}`);
  };
  const expanded = await jsonld.expand(parsed, { documentLoader, safe: true });
  const s = "http://schema.org/";
  const reviews = expanded.filter((node) => (node["@type"] || []).includes(s + "ClaimReview"));
  // One review per checked statement: errors are not reviewed, nor is a
  // repeated passage (same_as) judged like the statement it repeats.
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const rootOf = (v) => {
    const seen = new Set([v.id]);
    while (v.same_as && byId.has(v.same_as) && !seen.has(v.same_as)) {
      v = byId.get(v.same_as);
      seen.add(v.id);
    }
    return v;
  };
  const settled = verdicts.filter(
    (v) => v.verdict !== "error" && !(v.same_as && byId.has(v.same_as) && rootOf(v).verdict === v.verdict),
  );
  if (reviews.length !== settled.length) problem(`claimreview: ${reviews.length} ClaimReviews for ${settled.length} checked statements`);
  const value = (node, key) => node[s + key] && node[s + key][0] && node[s + key][0]["@value"];
  for (const review of reviews) {
    const id = value(review, "identifier");
    const v = settled.find((x) => x.id === id);
    if (!v) {
      problem(`claimreview: no settled claim ${id}`);
      continue;
    }
    if (value(review, "claimReviewed") !== v.statement) problem(`claimreview: ${id}: claimReviewed is not the statement`);
    const item = review[s + "itemReviewed"][0];
    if (!item["@type"].includes(s + "Claim")) problem(`claimreview: ${id}: itemReviewed is not a Claim`);
    if (value(item, "text") !== v.quote) problem(`claimreview: ${id}: the Claim's text is not the quote`);
    const rating = review[s + "reviewRating"][0];
    const name = value(rating, "alternateName");
    if (v.verdict === "unverifiable") {
      if (!String(name).startsWith("Unverifiable")) problem(`claimreview: ${id}: rated ${name}`);
      if (rating[s + "ratingValue"]) problem(`claimreview: ${id}: an unverifiable claim has a ratingValue`);
    } else if (name !== (v.verdict === "supported" ? "True" : "False")) {
      problem(`claimreview: ${id}: rated ${name}`);
    }
  }
  // Every term expanded to schema.org: none was dropped as unknown.
  const count = (node) =>
    typeof node !== "object" || node === null
      ? 0
      : Array.isArray(node)
        ? node.reduce((n, x) => n + count(x), 0)
        : Object.entries(node).reduce(
            (n, [k, x]) => n + (k.startsWith("@") ? 0 : 1) + count(x),
            0,
          );
  const compactTerms = count(parsed["@graph"]);
  const expandedTerms = count(expanded);
  if (compactTerms !== expandedTerms) problem(`claimreview: ${compactTerms} terms in the report, ${expandedTerms} after expansion`);
  return `claimreview: one <script> element in parse5, ${reviews.length} ClaimReviews expanded to schema.org by jsonld`;
}

async function checkMarkdown() {
  const parse5 = await import("parse5");
  const MarkdownIt = require("markdown-it");
  const html = new MarkdownIt().render(report);
  const doc = parse5.parseFragment(html);
  const elements = new Set();
  const headings = [];
  walk(doc, (node) => {
    if (node.tagName) elements.add(node.tagName);
    if (node.tagName === "h2") headings.push(node);
  });
  for (const tag of elements) {
    if (!["h1", "h2", "p", "blockquote", "ul", "li", "strong", "code", "a", "table", "thead", "tbody", "tr", "th", "td"].includes(tag)) {
      problem(`markdown: the rendering has a <${tag}> element, from text read as markup`);
    }
  }
  // The text a reader sees, as the catalogue wrote it: line breaks as spaces,
  // other control characters written visibly.
  const shown = (text) => controls(text.replace(/[\r\n]/g, " ")).trim();
  const siblings = (h) => {
    const parent = h.parentNode.childNodes.filter((n) => n.tagName);
    return parent.slice(parent.indexOf(h) + 1);
  };
  for (const v of verdicts) {
    const h = headings.find((x) => textOf(x) === `${v.verdict}: ${v.id}`);
    if (!h) {
      problem(`markdown: no heading for ${v.id}`);
      continue;
    }
    const [quote, claim, verdict] = siblings(h);
    if (quote.tagName !== "blockquote" || textOf(quote).trim() !== shown(v.quote)) {
      problem(`markdown: ${v.id}: the quote shows as ${JSON.stringify(textOf(quote).trim())}, not ${JSON.stringify(shown(v.quote))}`);
    }
    if (textOf(claim).trim() !== "Claim: " + shown(v.statement)) {
      problem(`markdown: ${v.id}: the claim shows as ${JSON.stringify(textOf(claim))}`);
    }
    // An unverifiable verdict names its category's words (docs/catalogue.md).
    const words = {
      paid_data: "needs paid data",
      no_public_record: "no public record",
      unattributed_quote: "unattributed quote",
      projection_or_opinion: "a projection or opinion",
      ambiguous: "ambiguous",
      data_gap: "not in the data read",
    };
    const kind = v.category ? `${v.verdict} (${words[v.category]})` : v.verdict;
    if (textOf(verdict).trim() !== `Verdict: ${kind}. ${shown(v.message)}`) {
      problem(`markdown: ${v.id}: the verdict shows as ${JSON.stringify(textOf(verdict))}`);
    }
  }
  return `markdown: markdown-it shows ${verdicts.length} claims' quote, statement and reason as written`;
}

async function checkJunit() {
  const { parse } = await import("junit2json");
  const parsed = await parse(report);
  const cases = [];
  const collect = (node) => {
    for (const suite of node.testsuite || []) collect(suite);
    for (const c of node.testcase || []) cases.push(c);
  };
  collect(parsed);
  if (cases.length !== verdicts.length) problem(`junit: ${cases.length} testcases for ${verdicts.length} claims`);
  // XML cannot hold U+FFFE or U+FFFF: they become U+FFFD.
  const shown = (text) => controls(text).replace(/[\ufffe\uffff]/g, "\ufffd");
  for (const v of verdicts) {
    const c = cases.find((x) => x.name === v.id);
    if (!c) {
      problem(`junit: no testcase ${v.id}`);
      continue;
    }
    if (c.time === undefined) problem(`junit: ${v.id}: no time`);
    const element = { contradicted: "failure", error: "error", unverifiable: "skipped" }[v.verdict];
    if (!element) continue;
    const got = c[element] && c[element][0];
    if (!got) {
      problem(`junit: ${v.id}: no <${element}>`);
      continue;
    }
    if (got.message !== shown(v.message)) problem(`junit: ${v.id}: message ${JSON.stringify(got.message)}`);
    if (!got.inner || !got.inner.startsWith(shown(v.message))) problem(`junit: ${v.id}: <${element}> has no reason as its text`);
  }
  return `junit: junit2json reads ${cases.length} testcases with their reasons as written`;
}

const checks = { github: checkGithub, claimreview: checkClaimreview, markdown: checkMarkdown, junit: checkJunit };
if (!checks[format]) {
  console.error(`usage: node check.mjs github|claimreview|markdown|junit REPORT NDJSON [CONTEXT]`);
  process.exit(2);
}
const said = await checks[format]();
if (problems.length > 0) {
  for (const p of problems) console.error(`FAIL: ${reportPath}: ${p}`);
  process.exit(1);
}
console.log(said);
