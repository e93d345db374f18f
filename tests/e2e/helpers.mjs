// What several end-to-end specs share: console watching, waiting for the app, layout shifts,
// test stories.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Collects console errors and warnings, and uncaught page errors, as strings. */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (message) => {
    if (["error", "warning"].includes(message.type())) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Opens a page and waits until its explainer has taken over the built markup. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
}

/** Starts recording layout shifts on every page opened from now on. */
export async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.layoutShifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout shifts recorded so far. */
export const layoutShifts = (page) => page.evaluate(() => window.layoutShifts);

/** Serves the right-to-left test story, compiled, at `rtl.story` on the explainer's origin. */
export async function rtlStory(page) {
  const compiled = compiledFixture("rtl");
  await page.route("**/rtl.story", (route) => route.fulfill({ body: compiled, contentType: "application/octet-stream" }));
}

const compiledFixtures = new Map();

/** A story from tests/fixtures, compiled by the story checker (once per test worker). */
export function compiledFixture(name) {
  if (!compiledFixtures.has(name)) {
    const out = join(mkdtempSync(join(tmpdir(), "story-")), `${name}.story`);
    execFileSync("cargo", ["run", "--quiet", "--bin", "check-story", "--", "--compile", `tests/fixtures/${name}.toml`, out]);
    compiledFixtures.set(name, readFileSync(out));
  }
  return compiledFixtures.get(name);
}

/** A finger swiping across the step's title from x = `from` to x = `to`, in a few moves a
 * frame apart, through the DevTools Protocol (real touch events). */
export async function swipe(page, from, to) {
  const cdp = await page.context().newCDPSession(page);
  const box = await page.locator(".ia-interactive .ia-step__title").boundingBox();
  const y = box.y + box.height / 2;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
  for (let i = 1; i <= 5; i++) {
    await page.waitForTimeout(16);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: from + ((to - from) * i) / 5, y: y + i }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(50);
  await cdp.detach();
}

/** Counts CSS transitions and animations as they start, from now on. Counting starts rather
 * than inspecting `getAnimations()` later, because a slow machine can finish a fade before the
 * test looks at it. */
export async function countMotion(page) {
  await page.evaluate(async () => {
    if (window.motionStarted === undefined) {
      for (const type of ["transitionrun", "animationstart"]) document.addEventListener(type, () => window.motionStarted++, true);
    }
    // Motion started by what came before reports in the next frames: let it, then start at 0.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    window.motionStarted = 0;
  });
}

/** How many transitions and animations started since `countMotion`, once the next two frames
 * (where any started by the last change would begin) have passed. */
export const motionStarted = (page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.motionStarted)))),
  );

/** The reading option `selector` (all steps, motion, shortcuts), with the reading-options
 * menu opened first if it is closed. */
export async function readingOption(page, selector, scope = page) {
  const menu = scope.locator(".ia-menu").first();
  if (!(await menu.evaluate((details) => details.open))) await menu.locator("summary").first().click();
  return scope.locator(selector).first();
}

/** Walks every step and view of the explainer, and the permission explorer with every
 * permission granted too (its fullest drawing), calling `visit(name)` in each state. */
export async function everyState(page, visit) {
  const total = await page.locator(".ia-progress__step").count();
  for (let step = 1; step <= total; step++) {
    await page.locator(".ia-progress__step").nth(step - 1).click();
    const views = await page.locator(".ia-interactive [data-view]").evaluateAll((b) => b.map((e) => e.dataset.view));
    for (const view of views.length ? views : [null]) {
      if (view) await page.locator(`.ia-interactive [data-view='${view}']`).click();
      const name = `step ${step}${view ? ` (${view})` : ""}`;
      await visit(name);
      if (await page.locator(".ia-interactive .ia-switch").count()) {
        const off = page.locator(".ia-interactive .ia-switch[aria-checked='false']");
        while (await off.count()) await off.first().click();
        await visit(`${name} (every permission)`);
        const on = page.locator(".ia-interactive .ia-switch[aria-checked='true']");
        while (await on.count()) await on.first().click();
      }
    }
  }
}
