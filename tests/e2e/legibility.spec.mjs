// Legible at every width: the figure's text is drawn at the size the stylesheet sets, never
// scaled down with its diagram, and its glyphs and arrows stay large enough to see. Measured on
// the page as drawn: an SVG text's computed size times the drawing's scale on screen. Also: a
// flow keeps its marker everywhere it appears, boxes keep their places across the views of a
// step, and the touch targets are the size a thumb needs.
import { test, expect } from "./fixtures.mjs";
import { everyState, openApp, readingOption } from "./helpers.mjs";

const WIDTHS = [320, 360, 480, 600, 768, 1024, 1200, 1600];
const GLYPH_UNITS = 20; // scene::GLYPH_SIZE

/** The smallest and largest text, the smallest glyph and the thinnest arrow in the figures on
 * show under `scope`, in CSS px, and where the smallest text is. */
const measure = (page, scope = ".ia-interactive .ia-step__figure") =>
  page.evaluate(([glyphUnits, scope]) => {
    const result = { text: [Infinity, 0], smallest: "", glyph: Infinity, arrow: Infinity };
    for (const figure of document.querySelectorAll(scope)) measureFigure(figure);
    return result;
    function measureFigure(figure) {
    const note = (size, where) => {
      if (size < result.text[0]) [result.text[0], result.smallest] = [size, where];
      result.text[1] = Math.max(result.text[1], size);
    };
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (element.closest("details:not([open]) > :not(summary)")) continue;
      const svg = element.closest("svg");
      const scale = svg ? svg.getScreenCTM().a : 1;
      note(parseFloat(getComputedStyle(element).fontSize) * scale, `${element.className?.baseVal ?? element.className} "${node.textContent.trim().slice(0, 24)}"`);
    }
    for (const svg of figure.querySelectorAll("svg.ia-svg")) {
      if (!svg.checkVisibility()) continue;
      const scale = svg.getScreenCTM().a;
      if (svg.querySelector(".ia-glyph")) result.glyph = Math.min(result.glyph, glyphUnits * scale);
      for (const line of svg.querySelectorAll(".ia-flow:not(.is-hidden) .ia-flow__line"))
        result.arrow = Math.min(result.arrow, parseFloat(getComputedStyle(line).strokeWidth) * scale);
    }
    }
  }, [GLYPH_UNITS, scope]);

/** One row of the legibility table, and the soft checks of its figures. */
function legibilityRow(width, least) {
  expect.soft(least.text[0], `smallest text at ${width} px: ${least.smallest}`).toBeGreaterThanOrEqual(width < 360 ? 12 : 13);
  expect.soft(least.glyph, `smallest glyph at ${width} px`).toBeGreaterThanOrEqual(16);
  expect.soft(least.arrow, `thinnest arrow at ${width} px`).toBeGreaterThanOrEqual(2);
  return `| ${width} px | ${least.text[0].toFixed(1)} px | ${least.text[1].toFixed(1)} px | ${least.glyph.toFixed(1)} px | ${least.arrow.toFixed(1)} px |`;
}
const TABLE_HEAD = "| window width | smallest text | largest text | smallest glyph | thinnest arrow |\n| --- | ---: | ---: | ---: | ---: |";

for (const lang of ["en", "es"]) {
  test(`figure text is at least 13 px (12 px at 320), glyphs 16 px and arrows 2 px, at every width (${lang})`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "widths are set by the test");
    test.setTimeout(300_000);
    const rows = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await openApp(page, `/?lang=${lang}`);
      const least = { text: [Infinity, 0], smallest: "", glyph: Infinity, arrow: Infinity };
      await everyState(page, async (name) => {
        const m = await measure(page);
        if (m.text[0] < least.text[0]) [least.text[0], least.smallest] = [m.text[0], `${name}: ${m.smallest}`];
        least.text[1] = Math.max(least.text[1], m.text[1]);
        least.glyph = Math.min(least.glyph, m.glyph);
        least.arrow = Math.min(least.arrow, m.arrow);
      });
      rows.push(legibilityRow(width, least));
    }
    console.log(`Figure legibility (${lang}), every step and view:\n${TABLE_HEAD}\n${rows.join("\n")}`);
  });
}

// The page without the app draws every figure at once, from the stylesheet alone: the same
// targets hold there, in "All steps" and in print.
for (const form of ["no JavaScript", "All steps", "print"]) {
  test(`the document's figures meet the same sizes at every width (${form})`, async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "widths are set by the test");
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: form !== "no JavaScript" });
    const page = await context.newPage();
    const rows = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      if (form === "no JavaScript") await page.goto("/");
      else await openApp(page, "/");
      if (form === "All steps") await (await readingOption(page, ".ia-tool--all-steps")).click();
      if (form === "print") await page.emulateMedia({ media: "print" });
      await expect(page.locator(".ia-document svg.ia-svg:visible").first()).toBeVisible();
      // Measured as it settles: a line caught in its stroke's transition is not yet drawn.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
      rows.push(legibilityRow(width, await measure(page, ".ia-document .ia-document__step")));
    }
    console.log(`Document legibility (${form}):\n${TABLE_HEAD}\n${rows.join("\n")}`);
    await context.close();
  });
}

test("a flow keeps its marker in every view and step where it appears", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, "/");
  const markers = new Map();
  await everyState(page, async (name) => {
    const seen = await page.locator(".ia-interactive .ia-legend__item").evaluateAll((items) =>
      items.map((i) => [i.dataset.select ?? i.querySelector(".ia-legend__label").textContent, i.querySelector(".ia-badge").textContent]),
    );
    const badges = await page.locator(".ia-interactive .ia-flow__badge.is-shown").evaluateAll((b) =>
      b.filter((e) => e.checkVisibility()).map((e) => [e.dataset.badge, e.querySelector("text").textContent]),
    );
    for (const [flow, marker] of [...seen, ...badges]) {
      if (!markers.has(flow)) markers.set(flow, { marker, where: name });
      const first = markers.get(flow);
      expect.soft(marker, `${flow} in ${name}, first seen as ${first.marker} in ${first.where}`).toBe(first.marker);
    }
  });
  expect(markers.size).toBeGreaterThan(5);
});

for (const width of [360, 1200]) {
  test(`every box keeps its place across the views of a step at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page, "/?step=1");
    const places = async () =>
      page.locator(".ia-interactive .ia-svg").first().evaluate((svg) =>
        Object.fromEntries([...svg.querySelectorAll(".ia-actor")].map((a) => {
          const r = a.querySelector("rect").getBoundingClientRect();
          return [a.dataset.select, [Math.round(r.left), Math.round(r.top - svg.getBoundingClientRect().top)]];
        })),
      );
    await page.locator(".ia-interactive [data-view='alleged']").click();
    const alleged = await places();
    await page.locator(".ia-interactive [data-view='meta']").click();
    const meta = await places();
    expect(Object.keys(alleged).length).toBeGreaterThanOrEqual(4);
    expect(meta).toEqual(alleged);
  });
}

test("touch targets are at least 32 px: progress dots, legend rows, timeline rows and Close", async ({ page }) => {
  await openApp(page, "/?step=timeline");
  await page.locator(".ia-interactive .ia-event__button").first().click();
  const check = async (where) => {
    const sizes = await page.locator(".ia-progress__step, .ia-interactive :is(.ia-legend__item, .ia-event__button, .ia-detail__close, .ia-timeline__more > summary)").evaluateAll((all) =>
      all.filter((e) => e.getClientRects().length).map((e) => ({ name: e.className || e.tagName, ...e.getBoundingClientRect().toJSON() })),
    );
    expect(sizes.length, where).toBeGreaterThan(11);
    for (const { name, width, height } of sizes) expect(Math.min(width, height), `${name} (${where})`).toBeGreaterThanOrEqual(32);
  };
  await check("timeline");
  await page.locator(".ia-progress__step").first().click();
  await check("step 1");
});
