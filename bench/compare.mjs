// Side by side with an earlier build: Next and the view switch on a phone under 4x CPU
// throttling, this build against the earlier one and against itself, in interleaved rounds
// whose order alternates, with the clicks of every round pooled. Each click is timed from
// input to just after the next paint, and the main thread's task time it caused is read from
// the DevTools Protocol (Performance.getMetrics, TaskDuration). The self-against-self ratio,
// measured in the same run, says how far a ratio can move on noise alone.
//
//   node bench/compare.mjs DIST BASELINE_DIST BASELINE_NAME
// (scripts/bench --against COMMIT builds the commit and runs this.)
import { chromium } from "@playwright/test";
import { serve, throttledPhone } from "./browser.mjs";

const [ours, theirs, name = "baseline"] = process.argv.slice(2);
const PORTS = { ours: 8096, theirs: 8097 };
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 6);
const CLICKS = 9;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n) => `${n.toFixed(1)} ms`;

/** Times `CLICKS` clicks made by `act(i)` on a throttled phone page of the build at `port`. */
async function measure(browser, port) {
  // The full mode's throttled phone, which records each click's latency.
  const { context, page } = await throttledPhone(browser, `http://127.0.0.1:${port}/`, "[data-ready]");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value * 1000;
  const clicks = async (act) => {
    const latencies = [];
    const tasks = [];
    for (let i = 0; i < CLICKS; i++) {
      await page.evaluate(() => (window.latencies = []));
      const before = await taskTime();
      await act(i);
      await page.waitForFunction(() => window.latencies.length >= 1);
      // The fade-in after a step change is part of what the click costs.
      await page.waitForTimeout(250);
      tasks.push((await taskTime()) - before);
      latencies.push(await page.evaluate(() => window.latencies[0]));
    }
    return { latencies, tasks };
  };
  await page.locator(".ia-progress__step").first().click();
  const next = await clicks(() => page.locator(".ia-interactive .ia-button--next").click());
  await page.locator(".ia-progress__step").first().click();
  const views = ["meta", "side-by-side", "alleged"];
  const view = await clicks((i) => page.locator(`.ia-interactive [data-view='${views[i % 3]}']`).click());
  await context.close();
  return { "Next": next, "view switch": view };
}

const servers = [serve(ours, PORTS.ours, "--csp"), serve(theirs, PORTS.theirs, "--csp")];
await new Promise((resolve) => setTimeout(resolve, 800));
const pooled = { ours: {}, again: {}, theirs: {} };
const pool = (into, from) => {
  for (const [metric, { latencies, tasks }] of Object.entries(from)) {
    into[metric] ??= { latencies: [], tasks: [] };
    into[metric].latencies.push(...latencies);
    into[metric].tasks.push(...tasks);
  }
};
try {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ["ours", "theirs", "again"] : ["theirs", "again", "ours"];
    for (const side of order) pool(pooled[side], await measure(browser, side === "theirs" ? PORTS.theirs : PORTS.ours));
  }
  await browser.close();
} finally {
  for (const server of servers) server.kill();
}

const clicks = ROUNDS * CLICKS;
console.log(`| ${ROUNDS} interleaved rounds, ${clicks} clicks pooled per side, phone, 4x throttling | this build | ${name} | ratio | this build against itself |`);
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const metric of Object.keys(pooled.ours)) {
  for (const [what, key] of [["median latency", "latencies"], ["median task time per click", "tasks"]]) {
    const a = median(pooled.ours[metric][key]);
    const b = median(pooled.theirs[metric][key]);
    const self = median(pooled.again[metric][key]);
    console.log(`| ${metric}, ${what} | ${ms(a)} | ${ms(b)} | ${(a / b).toFixed(2)}× | ${(a / self).toFixed(2)}× |`);
  }
}
