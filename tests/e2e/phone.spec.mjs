// A step reads like a step on a phone: measured from the DOM at 360 x 780 with every
// disclosure closed, for every step and view. The figures are printed for the README.
import { test, expect } from "./fixtures.mjs";
import { openApp } from "./helpers.mjs";

const SCREEN = 780;
const HEADER_BUDGET = 300;
const DIAGRAM_BUDGET = 700;
const NEXT_BUDGET = 2 * SCREEN;
/** Where a landed step's point must start at the latest, below its title: well within the
 * first screen after the title has landed near the top. */
const POINT_BUDGET = SCREEN / 3;

/** Positions, in CSS px from the top of the page, of what the targets are about. */
const measure = (page) =>
  page.evaluate(() => {
    const top = (element) => element.getBoundingClientRect().top + scrollY;
    const shown = (element) => element && element.getClientRects().length > 0;
    const root = document.querySelector(".ia");
    const title = document.querySelector(".ia-interactive .ia-step__title");
    const figure = document.querySelector(".ia-interactive .ia-step__figure");
    const candidates = [...figure.querySelectorAll("svg.ia-svg, .ia-comparison, .ia-timeline, .ia-source-list")];
    const diagram = candidates.find(shown);
    const next = document.querySelector(".ia-interactive .ia-button--next");
    const point = document.querySelector(".ia-interactive .ia-step__point");
    return {
      header: Math.round(top(title) - top(root)),
      point: Math.round(top(point) - top(title)),
      pointAboveFigure: point.getBoundingClientRect().bottom <= figure.getBoundingClientRect().top + 0.5,
      diagram: diagram ? Math.round(top(diagram) - top(title)) : null,
      next: Math.round(next.getBoundingClientRect().bottom + scrollY - top(title)),
      openDisclosures: document.querySelectorAll(".ia-interactive details[open]").length,
    };
  });

for (const lang of ["en", "es"]) {
test(`every step and view keeps its title, diagram and Next within reach at 360 x 780 (${lang})`, async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout");
  test.setTimeout(120_000);
  await openApp(page, `/?lang=${lang}`);
  const total = await page.locator(".ia-progress__step").count();
  const rows = [];
  for (let step = 1; step <= total; step++) {
    await openApp(page, `/?lang=${lang}&step=${step}`);
    const views = (await page.locator(".ia-view-switch").count()) > 0 ? ["alleged", "meta", "side-by-side"] : [null];
    for (const view of views) {
      if (view) await openApp(page, `/?lang=${lang}&step=${step}&view=${view}`);
      const m = await measure(page);
      expect(m.openDisclosures, "every disclosure starts closed").toBe(0);
      const name = `step ${step}${view ? ` (${view})` : ""}`;
      rows.push(`${name.padEnd(24)} header ${String(m.header).padStart(4)}  point ${String(m.point).padStart(4)}  diagram ${String(m.diagram ?? "-").padStart(4)}  next ${String(m.next).padStart(5)}`);
      if (step === 1) expect.soft(m.header, `${name}: header above the title`).toBeLessThanOrEqual(HEADER_BUDGET);
      if (step === 1) expect.soft(m.header + m.point, `${name}: the point starts on the first screen`).toBeLessThan(SCREEN - 40);
      expect.soft(m.point, `${name}: the point right under the title`).toBeLessThanOrEqual(POINT_BUDGET);
      expect.soft(m.pointAboveFigure, `${name}: the point comes before the picture`).toBe(true);
      if (m.diagram !== null) expect.soft(m.diagram, `${name}: diagram below the title`).toBeLessThanOrEqual(DIAGRAM_BUDGET);
      // The last step lists every source and is exempt.
      if (step < total) expect.soft(m.next, `${name}: bottom of Next below the title`).toBeLessThanOrEqual(NEXT_BUDGET);
    }
  }
  console.log(`${lang}, 360 x 780, px from the step title's top (budgets: header ${HEADER_BUDGET}, point ${POINT_BUDGET}, diagram ${DIAGRAM_BUDGET}, next ${NEXT_BUDGET}):\n${rows.join("\n")}`);
});
}

// At 1200 px the diagram sits beside the text, and Next is on the first screen of every step
// (the step's top at the top of a 900 px window): no scrolling past the sources to reach it.
for (const lang of ["en", "es"]) {
  test(`at 1200 px the diagram is beside the text and Next is on the first screen (${lang})`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop layout");
    test.setTimeout(120_000);
    await openApp(page, `/?lang=${lang}`);
    const total = await page.locator(".ia-progress__step").count();
    const screen = page.viewportSize().height;
    const rows = [];
    for (let step = 1; step < total; step++) {
      await openApp(page, `/?lang=${lang}&step=${step}`);
      const views = (await page.locator(".ia-view-switch").count()) > 0 ? ["alleged", "meta", "side-by-side"] : [null];
      for (const view of views) {
        if (view) await openApp(page, `/?lang=${lang}&step=${step}&view=${view}`);
        const m = await page.evaluate(() => {
          const box = (selector) => document.querySelector(`.ia-interactive ${selector}`)?.getBoundingClientRect();
          const head = box(".ia-step__head");
          const figure = box(".ia-step__figure");
          const text = box(".ia-step__point");
          const next = box(".ia-button--next");
          return {
            next: Math.round(next.bottom - head.top),
            beside: figure.height > 0 && text ? figure.left >= text.right - 1 || text.left >= figure.right - 1 : null,
          };
        });
        const name = `step ${step}${view ? ` (${view})` : ""}`;
        rows.push(`${name.padEnd(24)} next ${String(m.next).padStart(4)}  ${m.beside === null ? "no figure" : m.beside ? "beside" : "stacked"}`);
        expect.soft(m.next, `${name}: bottom of Next below the step's top`).toBeLessThanOrEqual(screen);
        if (m.beside !== null) expect.soft(m.beside, `${name}: the diagram beside the text`).toBe(true);
      }
    }
    console.log(`${lang}, 1200 x ${screen}, px from the step's top:\n${rows.join("\n")}`);
  });
}

// A step without a figure has room for all its words: with every disclosure closed, its every
// paragraph and point is on screen (steps 9 and 10, what is not known and what it means for
// the reader, are the story's ending).
for (const lang of ["en", "es"]) {
  test(`text-only steps show all their words with nothing opened (${lang})`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "phone layout");
    await openApp(page, `/?lang=${lang}`);
    const total = await page.locator(".ia-progress__step").count();
    let textOnly = 0;
    for (let step = 1; step <= total; step++) {
      await openApp(page, `/?lang=${lang}&step=${step}`);
      const figure = page.locator(".ia-interactive .ia-step__figure");
      const empty = await figure.evaluate((f) => !f.querySelector("svg, .ia-comparison, .ia-timeline, .ia-source-list, .ia-explorer"));
      if (!empty) continue;
      textOnly += 1;
      await expect(page.locator(".ia-interactive .ia-step__text details.ia-more"), `step ${step}: nothing folded`).toHaveCount(0);
      const points = page.locator(".ia-interactive .ia-step__points li");
      expect(await points.count(), `step ${step}: its points`).toBeGreaterThan(0);
      for (const point of await points.all()) await expect(point).toBeVisible();
    }
    expect(textOnly, "the story's two text-only steps").toBe(2);
  });
}

// The explanation panel's Close keeps its word on one line beside the longest title, and the
// arrow's route sits under the title, not in it.
test("Close stays on one line beside the longest arrow title", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout");
  await openApp(page, "/?step=7");
  const arrows = page.locator(".ia-interactive .ia-legend__item");
  const labels = await arrows.evaluateAll((items) => items.map((i) => i.querySelector(".ia-legend__label").textContent));
  const longest = labels.indexOf(labels.reduce((a, b) => (b.length > a.length ? b : a)));
  await arrows.nth(longest).click();
  const close = page.locator(".ia-detail__close");
  await expect(close).toBeVisible();
  const box = await close.boundingBox();
  const line = await close.evaluate((b) => parseFloat(getComputedStyle(b).lineHeight));
  const text = await close.evaluate((b) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    return range.getClientRects().length;
  });
  expect(text, "Close is one line of text").toBe(1);
  expect(box.width, "Close is a full word wide").toBeGreaterThan(line);
  await expect(page.locator(".ia-detail__heading")).toHaveText(labels[longest]);
  await expect(page.locator(".ia-detail__subline")).toContainText("→");
});

test("on a phone an arrow's explanation opens as a sheet below the diagram, which stays in view", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout");
  for (const step of [1, 5, 7]) {
    await openApp(page, `/?step=${step}`);
    const badge = page.locator(".ia-interactive .ia-svg .ia-flow__badge.is-shown").first();
    await badge.scrollIntoViewIfNeeded();
    await badge.tap();
    const sheet = page.locator(".ia-interactive .ia-detail");
    await expect(sheet).toBeFocused();
    const where = await page.evaluate(() => {
      const drawing = document.querySelector(".ia-interactive .ia-svg").getBoundingClientRect();
      const panel = document.querySelector(".ia-interactive .ia-detail").getBoundingClientRect();
      return { drawing: [drawing.top, drawing.bottom], panel: [panel.top, panel.bottom], screen: innerHeight };
    });
    expect(where.drawing[0], `step ${step}: the diagram's top is on screen`).toBeGreaterThanOrEqual(0);
    expect(where.drawing[1], `step ${step}: the diagram ends above the sheet`).toBeLessThanOrEqual(where.panel[0]);
    expect(where.panel[1], `step ${step}: the sheet ends at the bottom of the screen`).toBeLessThanOrEqual(where.screen + 0.5);
    await expect(page.locator(".ia-interactive .ia-detail__close")).toBeInViewport();
  }
});

// The two accounts' quotes on step 1 show their key words while folded, stacked full width on
// a phone; opening them shows every word.
test("step 1's quote cards show each account's key words, stacked, and open in full", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout");
  await openApp(page, "/");
  const alleged = page.locator(".ia-interactive .ia-quotes--pair .ia-quote--claim");
  const meta = page.locator(".ia-interactive .ia-quotes--pair .ia-quote--answer");
  await expect(alleged.locator(".ia-quote__text")).toContainText("programmatic access to Facebook's user's private message inboxes");
  await expect(alleged.locator(".ia-quote__text")).toContainText("written report every two weeks");
  await expect(meta.locator(".ia-quote__text")).toContainText("Meta didn't share people's private messages with Netflix");
  const [a, m] = [await alleged.boundingBox(), await meta.boundingBox()];
  expect(m.y, "the cards are stacked").toBeGreaterThanOrEqual(a.y + a.height - 1);
  expect(Math.abs(a.width - m.width), "at the same width").toBeLessThan(1);
  await page.locator(".ia-interactive .ia-quotes__toggle").click();
  await expect(meta.locator(".ia-quote__text")).toContainText("Such agreements are commonplace in the industry.");
  await expect(alleged.locator(".ia-quote__text")).toContainText("By 2013, Netflix had begun");
});
