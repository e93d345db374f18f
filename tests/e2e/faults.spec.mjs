// The built page under a strict Content-Security-Policy, and when things go wrong: the wasm
// cannot load, or the host page is hostile.
import { test, expect, expectConsole } from "./fixtures.mjs";
import { openApp, watchConsole, readingOption } from "./helpers.mjs";
import { STRICT_CSP } from "./policy.mjs";


test("the page works under the strict policy, sent as a header, with no violation", async ({ page }) => {
  const problems = watchConsole(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/");
  expect(response.headers()["content-security-policy"]).toBe(STRICT_CSP);
  await page.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
  // Use it: every step, a view switch, a detail, the reading options.
  await page.locator("[data-view='side-by-side']").click();
  await page.locator(".ia-interactive .ia-svg:visible .ia-actor").first().click();
  await expect(page.locator(".ia-detail")).toBeVisible();
  for (let step = 2; step <= 11; step++) await page.locator(".ia-button--next").click();
  await (await readingOption(page, ".ia-tool--all-steps")).click();
  await (await readingOption(page, ".ia-tool--motion")).click();
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(problems).toEqual([]);
  // No inline script or style anywhere in the built page.
  const html = await (await page.request.get("/")).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle="/);
});

test("if the wasm cannot load, the reader gets the whole explanation and one error", async ({ page }) => {
  const problems = watchConsole(page);
  expectConsole(/inbox-explainer: the interactive version could not start|Failed to load resource/);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/?step=3");
  await page.locator("[data-inbox-explainer][data-failed]").waitFor({ state: "attached" });
  await expect(page.locator(".ia-failure")).toBeVisible();
  await expect(page.locator(".ia-failure")).toContainText("could not start");
  await expect(page.locator(".ia-interactive")).toBeHidden();
  await expect(page.locator(".ia-tools")).toBeHidden();
  await expect(page.locator(".ia-document")).toBeVisible();
  await expect(page.locator(".ia-document__step")).toHaveCount(11);
  await expect(page.locator(".ia-document .ia-step__title").nth(9)).toBeVisible();
  // Our one report, beside the browser's own note of the blocked request.
  const ours = problems.filter((p) => p.includes("inbox-explainer"));
  expect(ours).toHaveLength(1);
  expect(problems.filter((p) => !p.includes("inbox-explainer") && !p.includes("Failed to load resource"))).toEqual([]);
});

test("if a language's story cannot be fetched, the reader gets the built-in one, told why", async ({ page }) => {
  const problems = watchConsole(page);
  expectConsole(/inbox-explainer: |Failed to load resource/);
  await page.route("**/stories/es.story", (route) => route.fulfill({ status: 404, body: "" }));
  await openApp(page, "/?lang=es");
  await expect(page.locator("article.ia")).toHaveAttribute("lang", "en");
  await page.locator(".ia-button--next").click();
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
  expect(problems.filter((p) => p.includes("inbox-explainer"))).toEqual([
    expect.stringMatching(/the story http:\/\/127\.0\.0\.1:8090\/stories\/es\.story was not used: the server answered 404/),
    expect.stringMatching(/no story in language "es"; showing "en"/),
  ]);
});

const HOST = "http://127.0.0.1:8091";

/** How many pixels differ between two PNG screenshots of the same size. The top and bottom
 * rows are left out: an element that sits a fraction of a pixel differently on the two pages
 * (the hostile page's own text moves it) antialiases its edge rows differently. */
async function differingPixels(a, b) {
  const { PNG } = await import("pngjs");
  const { default: pixelmatch } = await import("pixelmatch");
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  expect([y.width, y.height], "same size").toEqual([x.width, x.height]);
  const row = x.width * 4;
  const inner = (png) => png.data.subarray(row, png.data.length - row);
  return pixelmatch(inner(x), inner(y), null, x.width, x.height - 2, { threshold: 0.1 });
}

test("the direct mount and the iframe look the same on a plain page and under hostile CSS", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "compared once, on the desktop");
  const shots = {};
  for (const kind of ["plain", "hostile"]) {
    await page.goto(`${HOST}/compare.html${kind === "hostile" ? "?hostile" : ""}`);
    await page.locator("#direct[data-ready]").waitFor({ state: "attached" });
    const frame = page.frameLocator("#framed iframe");
    await page.locator("#framed iframe").scrollIntoViewIfNeeded();
    await frame.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
    // Let the iframe take its content's height.
    await expect.poll(async () => (await page.locator("#framed iframe").boundingBox()).height).toBeGreaterThan(600);
    await page.evaluate(() => document.fonts.ready);
    shots[kind] = {
      direct: await page.locator("#direct .ia").screenshot({ animations: "disabled" }),
      framed: await page.locator("#framed iframe").screenshot({ animations: "disabled" }),
      frameBox: await page.locator("#framed iframe").boundingBox(),
    };
  }
  expect(shots.hostile.frameBox.width).toBe(shots.plain.frameBox.width);
  for (const which of ["direct", "framed"]) {
    const { PNG } = await import("pngjs");
    const total = PNG.sync.read(shots.plain[which]).width * PNG.sync.read(shots.plain[which]).height;
    const differing = await differingPixels(shots.plain[which], shots.hostile[which]);
    // A small tolerance for antialiasing; a leaked rule changes far more than this.
    expect(differing / total, `${which}: ${differing} of ${total} pixels differ`).toBeLessThan(0.001);
  }
});

test("ten explainers on one hostile page all work, each on its own", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "checked once, on the desktop");
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.goto(`${HOST}/ten.html`);
  const direct = [1, 2, 3, 4, 5].map((n) => page.locator(`#d${n}`));
  const framed = [1, 2, 3, 4, 5].map((n) => page.frameLocator(`#f${n} iframe`));
  const roots = [];
  for (let n = 0; n < 5; n++) {
    await direct[n].scrollIntoViewIfNeeded();
    await page.locator(`#d${n + 1}[data-ready]`).waitFor({ state: "attached" });
    roots.push(direct[n]);
    await page.locator(`#f${n + 1} iframe`).scrollIntoViewIfNeeded();
    await framed[n].locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
    roots.push(framed[n].locator("body"));
  }
  // Each opened with its own options: view, language.
  await expect(roots[2].locator("[data-view='meta']")).toHaveAttribute("aria-pressed", "true");
  await expect(roots[0].locator("[data-view='alleged']")).toHaveAttribute("aria-pressed", "true");
  // Explainer k moves k % 4 steps on (from where its options opened it).
  const starts = [];
  for (const root of roots) starts.push(await root.locator("[aria-current='step']").textContent());
  for (const [k, root] of roots.entries()) {
    for (let i = 0; i < k % 4; i++) await root.locator(".ia-button--next").click();
  }
  for (const [k, root] of roots.entries()) {
    await expect(root.locator("[aria-current='step']"), `explainer ${k + 1}`).toHaveText(String(Number(starts[k]) + (k % 4)));
  }
  await expect(roots[4].locator(".ia-button--next")).toHaveText("Siguiente");
  await expect(roots[5].locator(".ia-button--next")).toHaveText("Siguiente");
  expect(problems).toEqual([]);
});
