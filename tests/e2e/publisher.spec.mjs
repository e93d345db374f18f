// The publisher page: its languages and steps come from the stories, and it says whether each
// language is ready to publish, listing the desk checks still open. Desk checks never reach
// readers.
import { readFileSync, readdirSync } from "node:fs";
import { test, expect, expectConsole } from "./fixtures.mjs";

const PAGE = "/publisher.html";

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the publisher page is tested once, on the desktop");
});

/** Each story file's language and number of steps, read from the TOML itself. */
function storyFiles() {
  return readdirSync("content")
    .filter((name) => name.endsWith(".toml"))
    .map((name) => {
      const text = readFileSync(`content/${name}`, "utf8");
      return {
        language: text.match(/^language = "([^"]+)"/m)[1],
        steps: text.match(/^\[\[steps\]\]$/gm).length,
        checks: (text.match(/^\[\[desk_checks\]\]$/gm) || []).length,
        open: (text.match(/^status = "open"$/gm) || []).length,
      };
    });
}

test("the publisher page offers every language and every step of each story", async ({ page }) => {
  await page.goto(PAGE);
  const files = storyFiles();
  const languages = page.locator("select[name='lang'] option");
  await expect(languages).toHaveCount(files.length);
  for (const file of files) {
    await page.locator("select[name='lang']").selectOption(file.language);
    await expect(page.locator("select[name='step'] option"), `${file.language}: one choice per step`).toHaveCount(file.steps);
  }
  // The last step of a story is offered, and the snippet and preview open on it.
  await page.locator("select[name='lang']").selectOption("en");
  const last = String(files.find((f) => f.language === "en").steps);
  await page.locator("select[name='step']").selectOption(last);
  await expect(page.locator(".snippet[data-kind='direct'] textarea")).toHaveValue(new RegExp(`data-step="${last}"`));
  await expect(page.locator("#preview")).toHaveAttribute("src", new RegExp(`step=${last}`));
});

test("the shipped stories are not ready to publish, and the page lists their open desk checks", async ({ page }) => {
  await page.goto(PAGE);
  for (const file of storyFiles()) {
    expect(file.open, `${file.language}: the shipped story carries open desk checks`).toBeGreaterThan(0);
    const block = page.locator(`.readiness[data-language='${file.language}']`);
    await expect(block.locator(".readiness__verdict")).toHaveText(new RegExp(`^Not ready to publish: ${file.open} desk checks are open$`));
    await expect(block.locator("li")).toHaveCount(file.open);
    await expect(block.locator("li code").first()).toHaveText("klein-docket");
  }
});

test("a story whose desk checks are all done shows as ready to publish", async ({ page, request }) => {
  const built = await (await request.get("/publisher.json")).json();
  const done = { stories: built.stories.map((story) => ({ ...story, ready: true, open_checks: [] })) };
  await page.route("**/publisher.json", (route) => route.fulfill({ json: done }));
  await page.goto(PAGE);
  for (const story of done.stories) {
    const block = page.locator(`.readiness[data-language='${story.language}']`);
    await expect(block.locator(".readiness__verdict")).toHaveText("Ready to publish");
    await expect(block.locator("li")).toHaveCount(0);
  }
});

test("without its data the page says so, and still offers a working snippet", async ({ page }) => {
  expectConsole(/404 \(Not Found\)/);
  await page.route("**/publisher.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(PAGE);
  await expect(page.locator(".readiness__error")).toContainText("could not be read (publisher.json answered 404)");
  await expect(page.locator(".snippet[data-kind='iframe'] textarea")).not.toBeEmpty();
});

test("no desk check reaches a reader: not the page without JavaScript, not print", async ({ browser, request }) => {
  const built = await (await request.get("/publisher.json")).json();
  const tasks = built.stories.flatMap((story) => story.open_checks.map((check) => check.task));
  expect(tasks.length).toBeGreaterThan(0);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const screen = await page.locator("body").innerText();
  await page.emulateMedia({ media: "print" });
  const printed = await page.locator("body").innerText();
  for (const task of tasks) {
    expect(screen, "the page without JavaScript").not.toContain(task.slice(0, 40));
    expect(printed, "the printed page").not.toContain(task.slice(0, 40));
  }
  for (const language of built.stories.map((story) => story.language).filter((l) => l !== "en")) {
    const compiled = Buffer.from(await (await request.get(`/stories/${language}.story`)).body()).toString("utf8");
    for (const task of tasks) expect(compiled, `${language}.story`).not.toContain(task.slice(0, 40));
  }
  await context.close();
});
