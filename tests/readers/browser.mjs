// Opens factcheck's html report in a real browser (Debian's chromium,
// headless, driven by puppeteer-core) and checks what a reader would see.
// tests/html_report_test.sh copies this file beside the node_modules that
// scripts/install-ci-readers installs:
//   node browser.mjs CHROMIUM PAGE JSON RECORDINGS SHOTS [--article]
// JSON is the same run's json report; RECORDINGS the catalogue's recordings
// folder (each chart point is compared with the recorded row); SHOTS the
// folder screenshots go to (NAME-390.png, NAME-1280.png). With --article the
// page must show the article with each quote marked or listed as not found.
// The page must also parse with no HTML parse error (parse5).
// Exits 1 with one line per problem.
import fs from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import puppeteer from "puppeteer-core";

const [, , chromium, pagePath, jsonPath, recordingsDir, shotsDir, ...flags] = process.argv;
const withArticle = flags.includes("--article");
const report = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const problems = [];
const problem = (text) => problems.push(`${path.basename(pagePath)}: ${text}`);

// Control characters as factcheck's text formats write them, and what HTML
// cannot carry as U+FFFD (html_escape in src/report/escape.cpp).
function shown(text) {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
      if (c === "\n") return "\\n";
      if (c === "\r") return "\\r";
      if (c === "\t") return "\\t";
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    })
    .replace(/[\ufffe\uffff]/g, "\ufffd");
}

// The recorded rows of a series, by date: { "2025-01-27": {close, volume} }.
// Recordings are matched on their URL, as factcheck matches them.
function recordedRows(url) {
  for (const dirent of fs.readdirSync(recordingsDir, { recursive: true })) {
    const name = String(dirent);
    if (!name.endsWith(".recording.yaml")) continue;
    const file = path.join(recordingsDir, name);
    const yaml = fs.readFileSync(file, "utf8");
    const at = yaml.match(/^url: (.*)$/m);
    if (!at || at[1].trim() !== url) continue;
    const body = yaml.match(/^body: (.*)$/m)[1].trim();
    const lines = fs.readFileSync(path.join(path.dirname(file), body), "utf8").trim().split("\n");
    const header = lines[0].split(",").map((h) => h.trim().toLowerCase());
    const rows = {};
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const row = {};
      header.forEach((h, i) => {
        // FRED's one value column is the close.
        const key = i === 0 ? "date" : header.length === 2 ? "close" : h;
        row[key] = cells[i];
      });
      if (row.close === ".") continue; // FRED's blank days have no row
      rows[row.date] = row;
    }
    return rows;
  }
  return null;
}

const marketKinds = new Set([
  "close",
  "volume",
  "change_pct",
  "change",
  "market_cap",
  "market_cap_change",
  "largest_move_since",
  "average_volume",
]);

// The page as an HTML parser reads it: no parse error of parse5's tokenizer
// (a noncharacter, a control character, a bad character reference, a
// missing attribute quote would each be one).
parse(fs.readFileSync(pagePath, "utf8"), {
  onParseError: (error) => problem(`HTML parse error ${error.code} at line ${error.startLine}`),
});

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // Root in a container has no user namespace for the sandbox.
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
try {
  const page = await browser.newPage();
  const pageUrl = "file://" + path.resolve(pagePath);
  const requests = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === pageUrl) {
      request.continue();
    } else {
      requests.push(request.url());
      request.abort();
    }
  });
  page.on("console", (message) => {
    if (["error", "warn", "warning", "assert"].includes(message.type())) {
      problem(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problem(`page error: ${error.message}`));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(pageUrl, { waitUntil: "load" });
  if (requests.length > 0) problem(`${requests.length} network requests: ${requests.slice(0, 3)}`);

  const dom = await page.evaluate(() => {
    const cards = [...document.querySelectorAll("article.card")].map((card) => ({
      id: card.id,
      className: card.className,
      quote: card.querySelector("blockquote")?.textContent,
      statement: card.querySelector(".statement")?.textContent,
      reason: card.querySelector(".reason")?.textContent,
      charts: [...card.querySelectorAll("svg.chart:not(.numberline)")].map((svg) => ({
        series: svg.dataset.series,
        field: svg.dataset.field,
        points: [...svg.querySelectorAll(".pt")].map((pt) => ({
          tag: pt.tagName,
          date: pt.dataset.date,
          value: pt.dataset.value,
          move: pt.dataset.move,
          y: pt.tagName === "circle" ? Number(pt.getAttribute("cy")) : null,
          height: pt.tagName === "rect" ? Number(pt.getAttribute("height")) : null,
          plotted: !pt.classList.contains("unplotted"),
        })),
      })),
    }));
    const marks = [...document.querySelectorAll("mark")].map((m) => ({
      id: m.id,
      claim: m.dataset.claim,
      className: m.className,
    }));
    const unlocated = [...document.querySelectorAll("ul.unlocated li")].map((li) => li.dataset.claim);
    return {
      cards,
      marks,
      unlocated,
      scripts: document.querySelectorAll("script").length,
      text: document.querySelector("#article .text") ? true : false,
      textLang: document.querySelector("#article .text")?.lang,
      title: document.title,
    };
  });

  if (dom.scripts !== 0) problem(`${dom.scripts} <script> elements`);
  if (dom.cards.length !== report.verdicts.length) {
    problem(`${dom.cards.length} cards for ${report.verdicts.length} claims`);
  }
  const cards = new Map(dom.cards.map((card) => [card.id, card]));
  // A quote marked in two parts (it crosses another) has its id on the first.
  const marks = new Map(dom.marks.filter((mark) => mark.id).map((mark) => [mark.claim, mark]));
  const verdictOf = new Map(report.verdicts.map((v) => [v.id, v.verdict]));
  let charted = 0;
  let pointsChecked = 0;
  for (const verdict of report.verdicts) {
    const card = cards.get("c-" + verdict.id);
    if (!card) {
      problem(`no card for ${verdict.id}`);
      continue;
    }
    if (!card.className.split(" ").includes("v-" + verdict.verdict)) {
      problem(`card ${verdict.id} has class "${card.className}", verdict ${verdict.verdict}`);
    }
    // The text as the catalogue wrote it, shown as text.
    if (card.quote !== shown(verdict.quote)) problem(`${verdict.id}: quote shown as ${JSON.stringify(card.quote)}`);
    if (card.statement !== shown(verdict.statement)) {
      problem(`${verdict.id}: statement shown as ${JSON.stringify(card.statement)}`);
    }
    if (!card.reason.includes(shown(verdict.message))) problem(`${verdict.id}: reason not shown as written`);

    if (withArticle) {
      const mark = marks.get(verdict.id);
      if (mark) {
        if (mark.id !== "m-" + verdict.id || mark.className !== "v-" + verdict.verdict) {
          problem(`mark of ${verdict.id}: id ${mark.id}, class ${mark.className}, verdict ${verdict.verdict}`);
        }
      } else if (!dom.unlocated.includes(verdict.id)) {
        problem(`${verdict.id}: neither marked nor listed as not found`);
      }
    }

    // A market claim whose series was read has a chart of recorded rows.
    const series = verdict.evidence.series;
    const field = verdict.evidence.field;
    const used = verdict.evidence.rows.filter((r) => r.series === series && r.field === field);
    if (!marketKinds.has(verdict.check) || verdict.verdict === "error" || used.length === 0) continue;
    const chart = card.charts[0];
    if (!chart) {
      problem(`${verdict.id}: a market claim without a chart`);
      continue;
    }
    charted += 1;
    if (chart.series !== series || chart.field !== field) {
      problem(`${verdict.id}: chart of ${chart.series} ${chart.field}, verdict on ${series} ${field}`);
    }
    const source = verdict.evidence.sources.find((s) => s.ref === series);
    const rows = source && recordedRows(source.url);
    if (!rows) {
      problem(`${verdict.id}: no recording of ${series} to compare the chart with`);
      continue;
    }
    for (const point of chart.points) {
      const row = rows[point.date];
      if (!row || Number(row[field]) !== Number(point.value)) {
        problem(`${verdict.id}: point ${point.date} = ${point.value}, recorded ${row ? row[field] : "no row"}`);
      }
      pointsChecked += 1;
    }
    for (const row of used) {
      if (!chart.points.some((p) => p.date === row.date && Number(p.value) === row.value)) {
        problem(`${verdict.id}: the row used on ${row.date} is not plotted`);
      }
    }
    // Drawn where the values say: a higher level higher up, a bar as tall
    // as its value (the moves' bars have a sign, so only the levels).
    const levels = chart.points.filter((p) => p.tag === "circle");
    for (let i = 1; i < levels.length; i++) {
      const [a, b] = [levels[i - 1], levels[i]];
      const dv = Number(b.value) - Number(a.value);
      if ((dv > 0 && b.y >= a.y) || (dv < 0 && b.y <= a.y)) {
        problem(`${verdict.id}: ${b.date} drawn on the wrong side of ${a.date}`);
      }
    }
    const bars = chart.points.filter((p) => p.tag === "rect" && p.move === undefined);
    const biggest = bars.reduce((m, p) => (Number(p.value) > Number(m.value) ? p : m), bars[0] || {});
    for (const bar of bars) {
      const expected = (Number(bar.value) / Number(biggest.value)) * biggest.height;
      if (Math.abs(bar.height - expected) > 0.25 + biggest.height * 0.01) {
        problem(`${verdict.id}: bar ${bar.date} is ${bar.height} high, ${expected.toFixed(1)} expected`);
      }
    }
  }
  if (withArticle) {
    if (!dom.text) problem("no article text");
    if (dom.textLang !== (report.article.language ?? undefined)) {
      problem(`article text lang "${dom.textLang}", catalogue ${report.article.language}`);
    }
    for (const mark of dom.marks) {
      if (!verdictOf.has(mark.claim)) problem(`a mark of no claim: ${mark.claim}`);
      else if (mark.className !== "v-" + verdictOf.get(mark.claim)) {
        problem(`a mark of ${mark.claim} has class ${mark.className}`);
      }
    }
  }

  // What a reader sees on a phone and on a desktop; nothing wider than
  // the phone's screen.
  const name = path.basename(pagePath, ".html");
  for (const width of [390, 1280]) {
    await page.setViewport({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    if (overflow > width) problem(`at ${width} px the page is ${overflow} px wide`);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${width}.png`) });
  }
  // The text column from the title to the end of the article (the README's
  // picture), at 1280 px.
  const column = await page.evaluate(() => {
    const main = document.querySelector("main").getBoundingClientRect();
    const last = (document.querySelector("#article") || document.querySelector("#summary")).getBoundingClientRect();
    return { x: main.left, y: 0, width: main.width, height: Math.min(last.bottom + window.scrollY + 12, 1600) };
  });
  await page.screenshot({ path: path.join(shotsDir, `${name}-column.png`), clip: column });
  if (requests.length > 0) problem(`${requests.length} network requests: ${requests.slice(0, 3)}`);
  console.log(
    `${path.basename(pagePath)}: ${dom.cards.length} cards, ${dom.marks.length} marks, ` +
      `${dom.unlocated.length} quotes not found, ${charted} charts (${pointsChecked} points ` +
      `checked against the recordings), 0 requests, screenshots at 390 and 1280 px`,
  );
} finally {
  await browser.close();
}
if (problems.length > 0) {
  for (const p of problems.slice(0, 40)) console.error("FAIL: " + p);
  process.exit(1);
}
