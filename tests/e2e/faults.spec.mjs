// The built page under a strict Content-Security-Policy, and when things go wrong: the wasm
// cannot load, or the host page is hostile.
import { test, expect } from "./fixtures.mjs";
import { openApp, watchConsole } from "./helpers.mjs";

const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'";

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
  for (let step = 2; step <= 10; step++) await page.locator(".ia-button--next").click();
  await page.locator(".ia-tool--all-steps").click();
  await page.locator(".ia-tool--motion").click();
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(problems).toEqual([]);
  // No inline script or style anywhere in the built page.
  const html = await (await page.request.get("/")).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle="/);
});

test("if the wasm cannot load, the reader gets the whole explanation and one error", async ({ page }) => {
  const problems = watchConsole(page);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/?step=3");
  await page.locator("[data-inbox-explainer][data-failed]").waitFor({ state: "attached" });
  await expect(page.locator(".ia-failure")).toBeVisible();
  await expect(page.locator(".ia-failure")).toContainText("could not start");
  await expect(page.locator(".ia-interactive")).toBeHidden();
  await expect(page.locator(".ia-tools")).toBeHidden();
  await expect(page.locator(".ia-document")).toBeVisible();
  await expect(page.locator(".ia-document__step")).toHaveCount(10);
  await expect(page.locator(".ia-document .ia-step__title").nth(9)).toBeVisible();
  // Our one report, beside the browser's own note of the blocked request.
  const ours = problems.filter((p) => p.includes("inbox-explainer"));
  expect(ours).toHaveLength(1);
  expect(problems.filter((p) => !p.includes("inbox-explainer") && !p.includes("Failed to load resource"))).toEqual([]);
});
