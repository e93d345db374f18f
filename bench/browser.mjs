// Full-mode measurements in Chromium: interaction latency under 4x CPU throttling, long tasks,
// memory across repeated walks, and Lighthouse (mobile, default simulated throttling) on the
// standalone page, the page without JavaScript, and an article with and without the embed.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const WIDGET = 8093;
const ARTICLES = 8094;
/** The earlier build the interaction budgets compare with (scripts/bench --full builds it). */
const BASELINE = 8095;
const BASELINE_DIST = "target/bench-baseline-dist";
export const CHROMIUM = "/usr/bin/chromium";
const REPEATS = 30;
/** The phone every interaction is measured on. */
export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, isMobile: true, hasTouch: true };
const LIGHTHOUSE_RUNS = 3;

export const serve = (root, port, ...args) => spawn("node", ["tests/e2e/serve.mjs", root, String(port), ...args], { stdio: "ignore" });
export const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
export const ms = (n) => `${n.toFixed(1)} ms`;

/** Writes the article fixture twice, with and without the explainer, into a temporary dir. */
function articles() {
  const dir = mkdtempSync(join(tmpdir(), "article-"));
  const template = readFileSync("bench/article.html", "utf8");
  const paragraph = (i) =>
    `<p>Paragraph ${i + 1} of the article. Court filings, company statements and reporting from 2018 are set out here at length, as a long-form news story would, so the page has real text to lay out and paint before and after the embed.</p>`;
  const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join("\n");
  const embed = `<div data-inbox-explainer-embed data-src="http://127.0.0.1:${WIDGET}/" data-height="1400" style="height:1400px"></div>`;
  // As the README tells publishers to include it.
  const loader = `<script src="http://127.0.0.1:${WIDGET}/embed.js" async></script>`;
  const page = (withEmbed) =>
    template
      .replaceAll("<!-- paragraphs -->", text)
      .replace("<!-- explainer -->", withEmbed ? embed : "")
      .replace("<!-- loader -->", withEmbed ? loader : "");
  writeFileSync(join(dir, "with.html"), page(true));
  writeFileSync(join(dir, "without.html"), page(false));
  return dir;
}

/** The built page with its start script replaced by `script` (none if empty) and `rewrite`
 * applied, written with `files` into a temporary directory named after `name`. */
function rewrittenPage(name, { script = "", rewrite = (html) => html, check, files = {} }) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const html = rewrite(readFileSync("dist/index.html", "utf8").replace(/<script type="module" src="[^"]*start\.js"[^>]*><\/script>/, script));
  if (/<script[^>]*start\.js/.test(html) || !check(html)) throw new Error(`bench: could not make the ${name} page`);
  writeFileSync(join(dir, "index.html"), html);
  for (const [name, path] of Object.entries(files)) writeFileSync(join(dir, name), readFileSync(path));
  return dir;
}

/** The built page as a browser without JavaScript gets it: no start script, the noscript
 * stylesheet applied. (Lighthouse cannot run with scripts disabled in the browser itself.) */
const withoutJavaScript = () =>
  rewrittenPage("nojs", {
    rewrite: (html) => html.replace('<noscript><link rel="stylesheet" href="noscript.css" /></noscript>', '<link rel="stylesheet" href="/noscript.css" />'),
    check: (html) => html.includes('href="/noscript.css"'),
  });

/** The built page with the app replaced by bench/plain/swap.js (see there). */
const plainDom = () =>
  rewrittenPage("plain", {
    script: '<script type="module" src="/plain/swap.js"></script>',
    check: (html) => html.includes("/plain/swap.js"),
    files: { "swap.js": "bench/plain/swap.js" },
  });

/** A phone-sized page at `url` that records, for every click, the time from input to just
 * after the next paint, and the long tasks; the CPU is throttled 4x once `ready` is there. */
export async function throttledPhone(browser, url, ready) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
    window.latencies = [];
    addEventListener("click", (event) => {
      requestAnimationFrame(() => setTimeout(() => window.latencies.push(performance.now() - event.timeStamp), 0));
    }, true);
  });
  await page.goto(url);
  await page.locator(ready).waitFor({ state: "attached" });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.evaluate(() => (window.longTasks = []));
  return { context, page };
}

/** The latencies of REPEATS clicks made by `act(i)`, each waited for until it is painted. */
async function clickLatencies(page, act, repeats = REPEATS) {
  await page.evaluate(() => (window.latencies = []));
  for (let i = 0; i < repeats; i++) {
    await act(i);
    await page.waitForFunction((n) => window.latencies.length >= n, i + 1);
  }
  return page.evaluate(() => window.latencies);
}

/** The app's own markup of every step on a phone, as it renders them, for the plain-DOM swap:
 * the floor is measured on the same markup the app produces. */
async function captureSteps(browser, dir) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${WIDGET}/`);
  await page.locator("[data-ready]").waitFor({ state: "attached" });
  const buttons = page.locator(".ia-progress__step");
  const steps = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    await buttons.nth(i).click();
    await page.waitForTimeout(100);
    steps.push(await page.locator(".ia-interactive .ia-step").evaluate((step) => step.outerHTML));
  }
  writeFileSync(join(dir, "steps.json"), JSON.stringify(steps));
  await context.close();
}

/** Latency of Next on the plain-DOM page. */
async function plainStepLatency(browser) {
  const { context, page } = await throttledPhone(browser, `http://127.0.0.1:${WIDGET}/plain/`, "[data-plain-ready]");
  const values = await clickLatencies(page, () => page.locator(".ia-button--next").click());
  await context.close();
  return values;
}

async function latency(browser, port = WIDGET, repeats = REPEATS) {
  const { context, page } = await throttledPhone(browser, `http://127.0.0.1:${port}/`, "[data-ready]");
  const results = {};
  results["step change (Next)"] = await clickLatencies(page, async (i) => {
    if (i % 9 === 0) await page.locator(".ia-progress__step").first().click();
    await page.locator(".ia-button--next").click();
  }, repeats);
  await page.locator(".ia-progress__step").first().click();
  const views = ["meta", "side-by-side", "alleged"];
  results["view switch"] = await clickLatencies(page, (i) => page.locator(`[data-view='${views[i % 3]}']`).click(), repeats);
  // The boxes the step draws (a step draws only the rows its arrows use).
  const boxes = page.locator(".ia-interactive .ia-svg:visible .ia-actor");
  const count = await boxes.count();
  results["open a diagram detail"] = await clickLatencies(page, (i) => boxes.nth(i % count).click(), repeats);
  const longTasks = await page.evaluate(() => window.longTasks);
  await context.close();
  return { results, longTasks };
}

/** Where the main thread's time goes during Nexts on the page at `url`: self time per click
 * (each trace event's duration less that of the events nested in it), by kind of work. */
const WORK = {
  script: ["EventDispatch", "FunctionCall", "TimerFire", "FireAnimationFrame", "RunMicrotasks", "v8.callFunction"],
  style: ["UpdateLayoutTree", "ParseHTML"],
  layout: ["Layout"],
  paint: ["Paint", "PrePaint", "Layerize", "Commit", "UpdateLayer"],
};
const TRACED_CLICKS = 20;

async function mainThreadWork(browser, url, ready) {
  const { context, page } = await throttledPhone(browser, url, ready);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (data) => events.push(...data.value));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  for (let i = 0; i < TRACED_CLICKS; i++) {
    if (i % 9 === 0) await page.locator(".ia-progress__step, .ia-button--next").first().click();
    await page.locator(".ia-button--next").click();
    await page.waitForTimeout(250);
  }
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  await complete;
  await context.close();
  // The renderer's main thread: the one that dispatched the clicks.
  const dispatches = {};
  for (const e of events) if (e.name === "EventDispatch") dispatches[e.tid] = (dispatches[e.tid] ?? 0) + 1;
  const main = Number(Object.entries(dispatches).sort((a, b) => b[1] - a[1])[0][0]);
  const slices = events.filter((e) => e.ph === "X" && e.tid === main && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = {};
  const open = [];
  for (const e of slices) {
    while (open.length && open.at(-1).end <= e.ts) open.pop();
    if (open.length) self[open.at(-1).name] = (self[open.at(-1).name] ?? 0) - e.dur;
    self[e.name] = (self[e.name] ?? 0) + e.dur;
    open.push({ name: e.name, end: e.ts + e.dur });
  }
  const work = { script: 0, style: 0, layout: 0, paint: 0 };
  for (const [name, us] of Object.entries(self)) {
    const kind = Object.keys(WORK).find((k) => WORK[k].includes(name));
    if (kind) work[kind] += us / 1000 / TRACED_CLICKS;
  }
  return work;
}

async function memory(browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Keep a handle on the app's linear memory, which the page does not expose.
    const keep = (result) => {
      const instance = result.instance ?? result;
      if (instance.exports?.memory) window.wasmMemory = instance.exports.memory;
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...args) => plain(...args).then(keep);
  });
  await page.goto(`http://127.0.0.1:${WIDGET}/`);
  await page.locator("[data-ready]").waitFor({ state: "attached" });
  const cdp = await context.newCDPSession(page);
  const rows = [];
  for (let repeat = 1; repeat <= 10; repeat++) {
    const total = await page.locator(".ia-progress__step").count();
    for (let step = 0; step < total; step++) await page.locator(".ia-button--next").click();
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    const wasm = await page.evaluate(() => window.wasmMemory?.buffer.byteLength ?? 0);
    rows.push({ repeat, heap, wasm });
  }
  await context.close();
  return rows;
}

/** Lighthouse's figures for `url`: the median of each over LIGHTHOUSE_RUNS runs, since one run
 * on a busy machine can be far off. */
function lighthouse(url) {
  const runs = Array.from({ length: LIGHTHOUSE_RUNS }, () => lighthouseOnce(url));
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, quantile(runs.map((r) => r[key]), 0.5)]));
}

function lighthouseOnce(url) {
  const out = join(mkdtempSync(join(tmpdir(), "lh-")), "report.json");
  execFileSync(
    "bench/.tools/node_modules/.bin/lighthouse",
    [url, "--only-categories=performance", "--output=json", `--output-path=${out}`, "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "ignore" },
  );
  const report = JSON.parse(readFileSync(out, "utf8"));
  const audit = (id) => report.audits[id].numericValue;
  return {
    score: report.categories.performance.score,
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
  };
}

export async function measureInBrowser() {
  const lines = [];
  const failures = [];
  const check = (ok, text) => (ok ? "met" : (failures.push(text), `**missed**: ${text}`));
  const dir = articles();
  const plainDir = plainDom();
  const servers = [
    serve("dist", WIDGET, "--csp", `/nojs/=${withoutJavaScript()}`, `/plain/=${plainDir}`),
    serve(dir, ARTICLES),
    serve(BASELINE_DIST, BASELINE, "--csp"),
  ];
  await new Promise((r) => setTimeout(r, 800));
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--enable-precise-memory-info"] });
    // This build and the baseline build, interleaved in rounds so that the machine's noise
    // falls on both alike; then the plain-DOM floor, on this build's own markup.
    const results = {};
    const baseline = {};
    const longTasks = [];
    const merge = (into, from) => Object.entries(from).forEach(([k, v]) => (into[k] = [...(into[k] ?? []), ...v]));
    for (let round = 0; round < 3; round++) {
      const ours = await latency(browser, WIDGET, REPEATS / 3);
      merge(results, ours.results);
      longTasks.push(...ours.longTasks);
      merge(baseline, (await latency(browser, BASELINE, REPEATS / 3)).results);
    }
    await captureSteps(browser, plainDir);
    const plain = await plainStepLatency(browser);
    const floor = quantile(plain, 0.5);
    lines.push(
      `| Interaction, phone, 4x CPU throttling (${REPEATS} each) | median | worst | compared with the plain-DOM swap (median ${ms(floor)}) | budget |`,
      "| --- | ---: | ---: | ---: | --- |",
    );
    for (const [name, values] of Object.entries(results)) {
      const median = quantile(values, 0.5);
      const worst = Math.max(...values);
      const ratio = median / floor;
      // The swap is a step change; a view switch changes less, so the same floor is strict.
      const budgeted = name !== "open a diagram detail";
      const verdict = budgeted ? check(ratio <= 1.15, `${name}: ${ratio.toFixed(2)}× the plain-DOM swap (≤ 1.15×)`) : "for comparison";
      lines.push(`| ${name} | ${ms(median)} | ${ms(worst)} | ${ratio.toFixed(2)}× | ${budgeted ? "≤ 1.15×, " : ""}${verdict} |`);
    }
    lines.push(`| the plain-DOM swap of the app's own step markup, no app (bench/plain) | ${ms(floor)} | ${ms(Math.max(...plain))} | 1.00× | the browser's share |`);
    // What the difference is made of: a trace of Nexts on each page.
    const work = {
      "this build": await mainThreadWork(browser, `http://127.0.0.1:${WIDGET}/`, "[data-ready]"),
      "plain-DOM swap": await mainThreadWork(browser, `http://127.0.0.1:${WIDGET}/plain/`, "[data-plain-ready]"),
    };
    lines.push("", `| Main thread per Next and the 250 ms after it (${TRACED_CLICKS} traced, self time, 4x throttling) | script | style | layout | paint |`, "| --- | ---: | ---: | ---: | ---: |");
    for (const [name, w] of Object.entries(work)) lines.push(`| ${name} | ${ms(w.script)} | ${ms(w.style)} | ${ms(w.layout)} | ${ms(w.paint)} |`);
    lines.push("", `| Interaction, same conditions, interleaved | this build, median | baseline build (${process.env.BENCH_BASELINE ?? "earlier commit"}), median | ratio | budget |`, "| --- | ---: | ---: | ---: | --- |");
    for (const name of ["step change (Next)", "view switch"]) {
      const ours = quantile(results[name], 0.5);
      const theirs = quantile(baseline[name], 0.5);
      const ratio = ours / theirs;
      lines.push(`| ${name} | ${ms(ours)} | ${ms(theirs)} | ${ratio.toFixed(2)}× | ≤ 0.6×, ${check(ratio <= 0.6, `${name}: ${ratio.toFixed(2)}× the baseline (≤ 0.6×)`)} |`);
    }
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    lines.push("", `Long tasks during this build's interactions: ${longTasks.length}, the longest ${ms(longest)} (budget: none over 50 ms): ${check(longest <= 50, `a long task of ${ms(longest)}`)}.`, "");
    const mem = await memory(browser);
    await browser.close();
    lines.push("| Walk through every step, repeat | JS heap | wasm memory |", "| ---: | ---: | ---: |");
    for (const r of mem) lines.push(`| ${r.repeat} | ${(r.heap / 1e6).toFixed(2)} MB | ${(r.wasm / 1e6).toFixed(2)} MB |`);
    const growth = mem.at(-1).heap - mem[1].heap;
    const wasmGrowth = mem.at(-1).wasm - mem[1].wasm;
    lines.push(`| growth, repeat 2 to 10 | ${(growth / 1e6).toFixed(2)} MB | ${(wasmGrowth / 1e6).toFixed(2)} MB |`, "");
    check(growth < 1e6 && wasmGrowth === 0, `memory grows: heap ${(growth / 1e6).toFixed(2)} MB, wasm ${(wasmGrowth / 1e6).toFixed(2)} MB`);

    const pages = [
      ["standalone page", `http://127.0.0.1:${WIDGET}/`],
      ["standalone, JavaScript off", `http://127.0.0.1:${WIDGET}/nojs/`],
      ["article without the embed", `http://127.0.0.1:${ARTICLES}/without.html`],
      ["article with the embed", `http://127.0.0.1:${ARTICLES}/with.html`],
    ];
    lines.push(`| Lighthouse 12.2.3, mobile (median of ${LIGHTHOUSE_RUNS} runs) | score | FCP | LCP | TBT | CLS |`, "| --- | ---: | ---: | ---: | ---: | ---: |");
    const lh = {};
    for (const [name, url] of pages) {
      const r = (lh[name] = lighthouse(url));
      lines.push(`| ${name} | ${r.score.toFixed(2)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} |`);
    }
    const s = lh["standalone page"];
    const lcpRatio = s.lcp / lh["standalone, JavaScript off"].lcp;
    const a = lh["article with the embed"];
    const b = lh["article without the embed"];
    lines.push(
      "",
      "| Page budget | target | measured | result |",
      "| --- | --- | --- | --- |",
      `| standalone score | ≥ 0.98 | ${s.score.toFixed(2)} | ${check(s.score >= 0.98, `score ${s.score}`)} |`,
      `| standalone CLS | 0 | ${s.cls.toFixed(3)} | ${check(s.cls === 0, `CLS ${s.cls}`)} |`,
      `| standalone TBT | ≤ 50 ms | ${ms(s.tbt)} | ${check(s.tbt <= 50, `TBT ${ms(s.tbt)}`)} |`,
      `| LCP vs JavaScript off | ≤ 1.10× | ${lcpRatio.toFixed(2)}× | ${check(lcpRatio <= 1.1, `LCP ratio ${lcpRatio.toFixed(2)}`)} |`,
      `| article: CLS added | 0 | ${(a.cls - b.cls).toFixed(3)} | ${check(a.cls - b.cls <= 0, `CLS +${(a.cls - b.cls).toFixed(3)}`)} |`,
      `| article: TBT added | ≤ 50 ms | ${ms(a.tbt - b.tbt)} | ${check(a.tbt - b.tbt <= 50, `TBT +${ms(a.tbt - b.tbt)}`)} |`,
    );
  } finally {
    for (const server of servers) server.kill();
  }
  return { lines, failures };
}
