// A correction without a rebuild: the explainer loads an updated, compiled story from its own
// origin, and refuses a broken one or one from elsewhere while keeping the built-in story.
import { test, expect, expectConsole } from "./fixtures.mjs";
import { compiledFixture, openApp } from "./helpers.mjs";

let compiled;

test.beforeAll(() => {
  compiled = compiledFixture("minimal");
});

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "tested once, on the desktop");
  testInfo.console = [];
  testInfo.requests = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && testInfo.console.push(`${m.type()}: ${m.text()}`));
  page.on("request", (r) => testInfo.requests.push(r.url()));
  await page.route("**/corrected.story", (route) => route.fulfill({ body: compiled, contentType: "application/octet-stream" }));
  await page.route("**/broken.story", (route) => route.fulfill({ body: "<html>not a story</html>" }));
});

const open = openApp;

test("an updated story on the same origin replaces the built-in one", async ({ page }, testInfo) => {
  await open(page, "/?story=corrected.story");
  await expect(page.locator(".ia-title")).toHaveText("Test story");
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 1 of 6");
  expect(testInfo.console).toEqual([]);
});

test("a broken story file is refused with an error naming the problem; the built-in story stays", async ({ page }, testInfo) => {
  expectConsole(/inbox-explainer: the story .*broken\.story was not used/);
  await open(page, "/?story=broken.story");
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  expect(testInfo.console).toHaveLength(1);
  expect(testInfo.console[0]).toMatch(/^error: inbox-explainer: the story .*broken\.story was not used: not a compiled story file/);
});

test("a story on another origin is never fetched", async ({ page }, testInfo) => {
  expectConsole(/inbox-explainer: story .* is not on this page's origin/);
  await open(page, `/?story=${encodeURIComponent("http://localhost:8090/corrected.story")}`);
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  expect(testInfo.console).toHaveLength(1);
  expect(testInfo.console[0]).toMatch(/^warning: inbox-explainer: story .* is not on this page's origin/);
  expect(testInfo.requests.filter((url) => new URL(url).hostname === "localhost")).toEqual([]);
});
