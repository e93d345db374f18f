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
const CHROMIUM = "/usr/bin/chromium";
const REPEATS = 30;
const LIGHTHOUSE_RUNS = 3;

const serve = (root, port, ...args) => spawn("node", ["tests/e2e/serve.mjs", root, String(port), ...args], { stdio: "ignore" });
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (n) => `${n.toFixed(1)} ms`;

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
  const html = rewrite(readFileSync("dist/index.html", "utf8").replace(/<script type="module" src="[^"]*"><\/script>/, script));
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
async function throttledPhone(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, isMobile: true, hasTouch: true });
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
async function clickLatencies(page, act) {
  await page.evaluate(() => (window.latencies = []));
  for (let i = 0; i < REPEATS; i++) {
    await act(i);
    await page.waitForFunction((n) => window.latencies.length >= n, i + 1);
  }
  return page.evaluate(() => window.latencies);
}

/** Latency of Next on the plain-DOM page. */
async function plainStepLatency(browser) {
  const { context, page } = await throttledPhone(browser, `http://127.0.0.1:${WIDGET}/plain/`, "[data-plain-ready]");
  const values = await clickLatencies(page, () => page.locator(".ia-button--next").click());
  await context.close();
  return values;
}

async function latency(browser) {
  const { context, page } = await throttledPhone(browser, `http://127.0.0.1:${WIDGET}/`, "[data-ready]");
  const results = {};
  results["step change (Next)"] = await clickLatencies(page, async (i) => {
    if (i % 9 === 0) await page.locator(".ia-progress__step").first().click();
    await page.locator(".ia-button--next").click();
  });
  await page.locator(".ia-progress__step").first().click();
  const views = ["meta", "side-by-side", "alleged"];
  results["view switch"] = await clickLatencies(page, (i) => page.locator(`[data-view='${views[i % 3]}']`).click());
  results["open a diagram detail"] = await clickLatencies(page, (i) =>
    page.locator(".ia-interactive .ia-svg:visible .ia-actor").nth(i % 6).click(),
  );
  const longTasks = await page.evaluate(() => window.longTasks);
  await context.close();
  return { results, longTasks };
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
    for (let step = 0; step < 10; step++) await page.locator(".ia-button--next").click();
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
  const servers = [serve("dist", WIDGET, "--csp", `/nojs/=${withoutJavaScript()}`, `/plain/=${plainDom()}`), serve(dir, ARTICLES)];
  await new Promise((r) => setTimeout(r, 800));
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--enable-precise-memory-info"] });
    const { results, longTasks } = await latency(browser);
    lines.push(`| Interaction, 4x CPU throttling (${REPEATS} each) | median | worst | budget |`, "| --- | ---: | ---: | --- |");
    for (const [name, values] of Object.entries(results)) {
      const median = quantile(values, 0.5);
      const worst = Math.max(...values);
      lines.push(`| ${name} | ${ms(median)} | ${ms(worst)} | ${check(median <= 16 && worst <= 50, `${name}: median ${ms(median)}, worst ${ms(worst)} (≤ 16 / ≤ 50 ms)`)} |`);
    }
    const plain = await plainStepLatency(browser);
    lines.push(`| for comparison: the same step change in plain DOM, no app (bench/plain) | ${ms(quantile(plain, 0.5))} | ${ms(Math.max(...plain))} | the browser's share |`);
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    lines.push(`| long tasks during the interactions | ${longTasks.length} | ${ms(longest)} | ${check(longest <= 50, `a long task of ${ms(longest)}`)} |`, "");
    const mem = await memory(browser);
    await browser.close();
    lines.push("| Walk of all 10 steps, repeat | JS heap | wasm memory |", "| ---: | ---: | ---: |");
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
