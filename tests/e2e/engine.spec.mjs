// The engine is not this story's: a second explainer, on a made-up subject with account names
// of its own (tests/fixtures/second-explainer.toml, test data), runs with no change to the code.
// Its views are named by its accounts in links, drawn in their roles' styles, and walked
// through step by step.
import { test, expect, expectConsole } from "./fixtures.mjs";
import { compiledFixture, openApp } from "./helpers.mjs";

let compiled;

test.beforeAll(() => {
  compiled = compiledFixture("second-explainer");
});

test.beforeEach(async ({ page }) => {
  await page.route("**/second.story", (route) => route.fulfill({ body: compiled, contentType: "application/octet-stream" }));
});

const TITLES = ["What the complaint says", "What the company says", "What the permission would allow", "When it happened", "Sources"];

test("a second explainer with its own account names is walked through, its views named by them", async ({ page }) => {
  await openApp(page, "/?story=second.story&view=complaint");
  await expect(page.locator(".ia-title")).toHaveText(/^\[Test data\]/);
  const claim = page.locator("[data-view='complaint']");
  const answer = page.locator("[data-view='company']");
  await expect(claim).toHaveText("As the complaint says");
  await expect(answer).toHaveText("As the company says");
  await expect(claim).toHaveAttribute("aria-pressed", "true");
  // Drawn in the roles' styles: the claim dashed, the answer solid.
  const diagram = page.locator(".ia-interactive .ia-diagram:visible");
  await expect(diagram).toHaveClass(/ia-diagram--claim/);
  await answer.click();
  await expect(diagram).toHaveClass(/ia-diagram--answer/);
  await expect(page).toHaveURL(/view=company/);
  // Every step, by Next, with its sources.
  for (let i = 0; i < TITLES.length; i++) {
    await expect(page.locator(".ia-progress__text")).toHaveText(`Step ${i + 1} of ${TITLES.length}`);
    await expect(page.locator(".ia-interactive .ia-step__title")).toHaveText(TITLES[i]);
    expect(await page.locator(".ia-interactive .ia-step__sources .ia-citations li").count()).toBeGreaterThan(0);
    if (i + 1 < TITLES.length) await page.locator(".ia-button--next").click();
  }
});

test("a link opens the second explainer's answer view by its own name; another story's names fall back", async ({ page }, testInfo) => {
  await openApp(page, "/?story=second.story&view=company");
  await expect(page.locator("[data-view='company']")).toHaveAttribute("aria-pressed", "true");
  testInfo.expectedWarning = /view "meta" is not one of complaint, company, side-by-side; using complaint/;
  expectConsole(testInfo.expectedWarning);
  await openApp(page, "/?story=second.story&view=meta");
  await expect(page.locator("[data-view='complaint']")).toHaveAttribute("aria-pressed", "true");
});
