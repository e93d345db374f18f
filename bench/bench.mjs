// The benchmark: sizes against budgets and the Yew floor (quick mode), plus Lighthouse,
// interaction latency under 4x CPU throttling and memory growth (full mode). Run through
// scripts/bench, which builds the release site and the floor first. Prints one table.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const full = process.argv.includes("--full");
const KB = 1000;
// Sizes are compared with the Yew floor built in the same run, with the same profile.
const BUDGET = { totalGzip: 135 * KB, wasmFloorRatio: 2.0, loaderGzip: 3 * KB };
/** How far a size may grow over its recorded figure before the run fails. */
const GUARD_GROWTH = 0.02;

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const file = (dir, test) => readdirSync(dir).filter((f) => test.test(f)).map((f) => join(dir, f));

/** What a browser fetches before the reader's first interaction. */
function firstInteraction(dir, { css }) {
  const assets = [
    ["HTML", file(dir, /^index\.html$/)],
    ["JS", [...file(dir, /^start\.js$/), ...file(dir, /\.js$/).filter((f) => !/(start|embed|mount|publisher)\.js$/.test(f))]],
    ["wasm", file(dir, /\.wasm$/)],
  ];
  if (css) assets.push(["CSS", file(dir, /^inbox-explainer\.css$/)]);
  return assets.map(([kind, files]) => ({ kind, files, ...sum(files.map((f) => sizes(readFileSync(f)))) }));
}

const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(" | ")} |`);
const failures = [];
const check = (ok, text) => (ok ? "met" : (failures.push(text), `**missed**: ${text}`));

const ours = firstInteraction("dist", { css: true });
const floor = firstInteraction("bench/floor/dist", { css: false });
// The built-in story is inside the wasm; the others are served beside it (dist/stories/) and
// fetched only by readers of that language, so they are not part of the total.
const story = mkdtempSync(join(tmpdir(), "story-"));
const servedApart = new Set(readdirSync("dist/stories").map((f) => f.replace(/\.story$/, "")));
const storyRows = readdirSync("content")
  .filter((f) => f.endsWith(".toml"))
  .map((f) => {
    const name = f.replace(".toml", "");
    const out = join(story, `${name}.story`);
    execFileSync("cargo", ["run", "--quiet", "--bin", "check-story", "--", "--compile", join("content", f), out]);
    const where = servedApart.has(name) ? `fetched only with lang=${name}, not in the total` : "inside the wasm";
    return { kind: `story ${name} (${where})`, ...sizes(readFileSync(out)) };
  });
const total = sum(ours);
const floorTotal = sum(floor);
const loader = sizes(readFileSync("dist/embed.js"));
// The story desk's own bundle (desk/), for editors: never part of a reader's download.
const desk = sum(file("dist/desk", /\.(js|wasm)$/).map((f) => sizes(readFileSync(f))));

lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}.`, "");
row("Asset (first interaction)", "raw", "gzip", "brotli");
row("---", "---:", "---:", "---:");
for (const r of ours) row(r.kind, kb(r.raw), kb(r.gzip), kb(r.brotli));
row("**Total**", kb(total.raw), `**${kb(total.gzip)}**`, kb(total.brotli));
for (const r of storyRows) row(r.kind, kb(r.raw), kb(r.gzip), kb(r.brotli));
row("Yew floor (HTML + JS + wasm)", kb(floorTotal.raw), kb(floorTotal.gzip), kb(floorTotal.brotli));
row("Loader `embed.js` (host page)", kb(loader.raw), kb(loader.gzip), kb(loader.brotli));
row("Story desk `desk/` (JS + wasm, editors only)", kb(desk.raw), kb(desk.gzip), kb(desk.brotli));
lines.push("");
const wasm = ours.find((r) => r.kind === "wasm");
const floorWasm = floor.find((r) => r.kind === "wasm");
const ratio = wasm.gzip / floorWasm.gzip;
row("Budget", "target", "measured", "compared with", "result");
row("---", "---", "---", "---", "---");
row("First interaction (HTML, CSS, JS, wasm), gzip", `≤ ${kb(BUDGET.totalGzip)}`, kb(total.gzip), "", check(total.gzip <= BUDGET.totalGzip, `${kb(total.gzip - BUDGET.totalGzip)} over`));
row("wasm / Yew floor's wasm, gzip", `≤ ${BUDGET.wasmFloorRatio}×`, `${ratio.toFixed(2)}× (${kb(wasm.gzip)})`, `floor wasm ${kb(floorWasm.gzip)}`, check(ratio <= BUDGET.wasmFloorRatio, `${(ratio - BUDGET.wasmFloorRatio).toFixed(2)}× over`));
row("Loader, gzip", `≤ ${kb(BUDGET.loaderGzip)}`, kb(loader.gzip), "", check(loader.gzip <= BUDGET.loaderGzip, `${kb(loader.gzip - BUDGET.loaderGzip)} over`));
// Regression guards: the figures recorded in bench/recorded.json, which a commit raises only
// on purpose and says why. Growing more than 2 % over either fails the run, --report-only too.
const recorded = JSON.parse(readFileSync("bench/recorded.json", "utf8"));
const guards = [
  ["wasm, gzip, against the recorded figure", wasm.gzip, recorded.wasm_gzip],
  ["First interaction, gzip, against the recorded figure", total.gzip, recorded.first_interaction_gzip],
];
const guardMissed = [];
for (const [name, measured, figure] of guards) {
  const limit = Math.floor(figure * (1 + GUARD_GROWTH));
  const ok = measured <= limit;
  if (!ok) guardMissed.push(name);
  row(name, `≤ ${kb(limit)} (+${GUARD_GROWTH * 100} %)`, `${kb(measured)} (${measured} B)`, `recorded ${kb(figure)}`, check(ok, `${kb(measured - limit)} over: raise bench/recorded.json only on purpose, saying why`));
}

if (full) {
  const { measureInBrowser } = await import("./browser.mjs");
  const results = await measureInBrowser();
  lines.push("", ...results.lines);
  failures.push(...results.failures);
}

console.log(lines.join("\n"));
if (process.argv.includes("--json")) writeFileSync(process.argv[process.argv.indexOf("--json") + 1], JSON.stringify({ total, floorTotal, ratio, loader }, null, 2));
if (failures.length) {
  console.log(`\nBudgets missed: ${failures.length}`);
  // The loader's budget and the regression guards fail the run even with --report-only (as
  // the test suite runs it).
  const loaderMissed = loader.gzip > BUDGET.loaderGzip;
  process.exitCode = process.argv.includes("--report-only") && !loaderMissed && guardMissed.length === 0 ? 0 : 1;
}
