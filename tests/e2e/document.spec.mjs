// The page as built: its HTML already holds the explanation, it works without JavaScript and
// in print, and the app takes it over without moving anything.
import { test, expect } from "./fixtures.mjs";
import { layoutShifts, openApp, recordLayoutShifts, readingOption } from "./helpers.mjs";

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the built document is tested once, on the desktop");
});

/** Every step title, read from the built HTML itself. */
async function stepTitles(request) {
  const html = await (await request.get("/")).text();
  return [...html.matchAll(/<h3 [^>]*class="ia-step__title"[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
}

test("the served HTML carries every step, quote and source before any script runs", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const titles = await stepTitles(request);
  // The interactive first step, then the whole document: eleven steps plus the first again.
  expect(titles.length).toBe(12);
  expect(html).toContain("Step 1 of 11");
  for (const text of ["Shockingly untrue.", "Inbox API", "Did partners get access to messages?", "At no time did we access"]) {
    expect(html).toContain(text);
  }
  expect(html).toContain("All sources");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the reader gets every step as one readable document", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(".ia-interactive")).toBeHidden();
    const steps = page.locator(".ia-document__step");
    await expect(steps).toHaveCount(11);
    for (const step of await steps.all()) {
      await expect(step.locator(".ia-step__title")).toBeVisible();
      expect(await step.locator(".ia-citations li").count()).toBeGreaterThan(0);
    }
    await expect(page.locator(".ia-document .ia-quote--claim").first()).toBeVisible();
    await expect(page.locator(".ia-document .ia-quote--answer").first()).toBeVisible();
    await expectStaticDiagrams(page);
  });

  test("on a phone every diagram of the document shows, both accounts stacked", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/");
    const figures = page.locator(".ia-document .ia-diagram");
    expect(await figures.count()).toBeGreaterThanOrEqual(6);
    for (const figure of await figures.all()) await expect(figure).toBeVisible();
    const pair = page.locator(".ia-document .ia-diagrams--both").first();
    const [alleged, meta] = await pair.locator(".ia-diagram").evaluateAll((f) => f.map((e) => e.getBoundingClientRect().top));
    expect(meta).toBeGreaterThan(alleged);
  });
});

/** The document's diagrams draw every flow their legend lists and no other, with nothing to
 * click or focus: nothing would answer. */
async function expectStaticDiagrams(page) {
  const diagrams = await page.locator(".ia-document .ia-diagram").evaluateAll((figures) =>
    figures.map((figure) => ({
      legend: figure.querySelectorAll(".ia-legend li").length,
      arrows: [...figure.querySelectorAll(".ia-svg")].map((svg) => svg.querySelectorAll(".ia-flow").length),
      hidden: figure.querySelectorAll(".is-hidden").length,
      controls: figure.querySelectorAll("button, [tabindex], [role=button], [data-select], [data-badge]").length,
    })),
  );
  expect(diagrams.length).toBeGreaterThanOrEqual(6);
  for (const diagram of diagrams) {
    expect(diagram.arrows).toEqual([diagram.legend, diagram.legend]);
    expect(diagram).toMatchObject({ hidden: 0, controls: 0 });
  }
}

test("All steps draws the same static diagrams as the built document", async ({ page }) => {
  await openApp(page, "/");
  await (await readingOption(page, ".ia-tool--all-steps")).click();
  await expect(page.locator(".ia-document")).toBeVisible();
  await expectStaticDiagrams(page);
});

test("print shows every step in order with its diagrams and sources, and no controls", async ({ page }) => {
  await openApp(page, "/");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".ia-interactive")).toBeHidden();
  const steps = page.locator(".ia-document__step");
  await expect(steps).toHaveCount(11);
  const titles = await steps.locator(".ia-step__title").allTextContents();
  const expected = (await page.locator(".ia-progress__step").evaluateAll((b) => b.map((e) => e.getAttribute("aria-label")))).map(
    (label) => label.replace(/^[^:]*:\s*/, ""),
  );
  expect(titles).toEqual(expected);
  expect(await page.locator(".ia-document svg:visible").count()).toBeGreaterThanOrEqual(6);
  await expect(page.locator(".ia-document .ia-source-list li").first()).toBeVisible();
});

test("the app takes over the built page with no layout shift", async ({ page }) => {
  await recordLayoutShifts(page);
  await page.goto("/");
  // The app has started once it records the position in the URL.
  await page.waitForURL(/step=claims/);
  await page.waitForTimeout(1000);
  const shifts = await layoutShifts(page);
  expect(shifts.reduce((sum, value) => sum + value, 0), `layout shifts: ${shifts}`).toBe(0);
  // And it is the working app: Next moves on.
  await page.locator(".ia-button--next").click();
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
});

test("the app's code is fetched only after the built page is painted, and keeps its largest text", async ({ page, request }) => {
  const html = await (await request.get("/")).text();
  expect(html, "no preload competes with the page for the network").not.toMatch(/rel="(module)?preload"/);
  await page.addInitScript(() => {
    window.largest = [];
    new PerformanceObserver((list) => window.largest.push(...list.getEntries().map((e) => e.startTime))).observe({
      type: "largest-contentful-paint",
      buffered: true,
    });
  });
  await openApp(page, "/");
  await page.waitForTimeout(500);
  const timing = await page.evaluate(() => ({
    loaded: performance.getEntriesByType("navigation")[0].loadEventEnd,
    painted: performance.getEntriesByName("first-contentful-paint")[0].startTime,
    code: performance.getEntriesByType("resource").filter((r) => /inbox-explainer-.*\.(js|wasm)$/.test(r.name)).map((r) => r.startTime),
    largest: window.largest,
  }));
  expect(timing.code).toHaveLength(2);
  for (const start of timing.code) expect(start).toBeGreaterThan(Math.max(timing.loaded, timing.painted));
  // The built page's own text is the largest paint; the app replaces it with the same text
  // later, so no largest paint waits for the app's code. (On a loaded machine the page may
  // paint in two passes before any code is fetched: both count as the built page.)
  expect(timing.largest.length).toBeGreaterThan(0);
  for (const largest of timing.largest) expect(largest).toBeLessThan(Math.min(...timing.code));
});

test("the page offers an oEmbed response with a titled, lazy iframe of itself", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator("link[rel='alternate'][type='application/json+oembed']").getAttribute("href");
  const response = await request.get(new URL(href, page.url()).href);
  expect(response.ok()).toBe(true);
  const oembed = await response.json();
  expect(oembed).toMatchObject({ version: "1.0", type: "rich", width: 640, height: 1400 });
  expect(oembed.title).toBe(await page.locator(".ia-title").textContent());
  const frame = iframeAttributes(oembed.html);
  expect(frame.src).toBe(process.env.PUBLIC_URL ?? "http://127.0.0.1:8080/");
  expect(frame.title).toBe(oembed.title);
  expect(frame.loading).toBe("lazy");
});

/** The attributes of the single iframe in an oEmbed `html` string. */
function iframeAttributes(html) {
  expect(html).toMatch(/^<iframe [^<]*><\/iframe>$/);
  const attributes = Object.fromEntries([...html.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2].replaceAll("&quot;", '"').replaceAll("&amp;", "&")]));
  return attributes;
}

/** The dated corrections log, at the end, with its entries: open, or opened with one tap. */
async function expectCorrections(page, { open }) {
  const log = page.locator(".ia-corrections");
  await expect(log).toHaveCount(1);
  await expect(log.locator(".ia-corrections__heading")).toHaveText("Corrections and updates");
  const first = log.locator("li").first();
  if (open) await expect(first).toBeVisible();
  else {
    await expect(first).toBeHidden();
    await log.locator(".ia-corrections__heading").click();
    await expect(first).toBeVisible();
  }
  const dates = await log.locator("li time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")));
  expect(dates.length).toBeGreaterThan(0);
  for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect([...dates].sort().reverse()).toEqual(dates);
  // Nothing below it but the last-updated line.
  const after = await log.evaluate((l) => l.nextElementSibling?.className);
  expect(after).toBe("ia-updated");
}

test("the corrections log is at the end in the app, in print and without JavaScript", async ({ browser }) => {
  const app = await browser.newPage();
  await openApp(app, "/");
  await expectCorrections(app, { open: false });
  await app.reload();
  await app.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
  await app.emulateMedia({ media: "print" });
  await expectCorrections(app, { open: true });
  await app.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto("/");
  await expectCorrections(noScript, { open: false });
  await noScript.emulateMedia({ media: "print" });
  await expect(noScript.locator(".ia-corrections li").first()).toBeVisible();
  // The desk's working notes never reach the page.
  for (const phrase of ["Read via", "read via", "not consulted", "Also read via"]) {
    expect(await noScript.locator("body").innerText()).not.toContain(phrase);
  }
  await context.close();
});
