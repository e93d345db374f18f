// Other languages: the Spanish story in full, and a right-to-left story whose controls,
// progress, diagrams, arrow keys and swipes all follow the reading direction.
import { test, expect } from "./fixtures.mjs";
import { openApp, rtlStory, swipe } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await rtlStory(page);
});

test("only a reader who asks for Spanish fetches it, on its own", async ({ page }) => {
  const stories = [];
  page.on("request", (request) => request.url().endsWith(".story") && stories.push(new URL(request.url()).pathname));
  await openApp(page, "/");
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  expect(stories).toEqual([]);
  await openApp(page, "/?lang=es");
  await expect(page.locator(".ia-progress__text")).toHaveText("Paso 1 de 11");
  expect(stories).toEqual(["/stories/es.story"]);
});

test("lang=es gives the Spanish story, with translated quotes marked and their originals kept", async ({ page }) => {
  await openApp(page, "/?lang=es");
  const article = page.locator("article.ia");
  await expect(article).toHaveAttribute("lang", "es");
  await expect(page.locator(".ia-progress__text")).toHaveText("Paso 1 de 11");
  await expect(page.locator(".ia-button--next")).toHaveText("Siguiente");
  await expect(page.locator(".ia-tool--all-steps")).toHaveText("Todos los pasos");
  // Each quote is our translation, says so, and opens onto the verbatim English words.
  const quotes = page.locator(".ia-interactive .ia-quote");
  expect(await quotes.count()).toBeGreaterThanOrEqual(2);
  // The two accounts' quotes show their first lines until both are opened in full.
  await page.locator(".ia-quotes__toggle").click();
  await expect(page.locator(".ia-quotes__toggle")).toHaveAttribute("aria-expanded", "true");
  for (const quote of await quotes.all()) {
    await expect(quote.locator(".ia-quote__translated")).toHaveText("Traducción propia");
    await quote.locator(".ia-quote__original summary").click();
    const original = quote.locator(".ia-quote__original blockquote");
    await expect(original).toHaveAttribute("lang", "en");
    await expect(original).toBeVisible();
  }
  await expect(page.locator(".ia-interactive .ia-quote__original blockquote").last()).toContainText("Shockingly untrue.");
  // Longer Spanish names still fit their boxes in the diagram, on phones and wide screens.
  for (const svg of await page.locator(".ia-interactive .ia-svg").all()) {
    await svg.evaluate((e) => (e.style.display = "block"));
    const overflowing = await svg.locator(".ia-actor").evaluateAll((actors) =>
      actors
        .map((a) => [a.textContent, a.querySelector("rect").getBoundingClientRect(), a.querySelector("text").getBoundingClientRect()])
        .filter(([, rect, text]) => text.left < rect.left + 2 || text.right > rect.right - 2)
        .map(([label]) => label),
    );
    expect(overflowing).toEqual([]);
    await svg.evaluate((e) => (e.style.display = ""));
  }
  // Dates are written the Spanish way.
  await expect(page.locator(".ia-interactive .ia-quote__who time").last()).toHaveText("2 de abril de 2024");
  // Every step is in Spanish: no English interface word is left on any of them.
  for (let step = 1; step <= 11; step++) {
    // Source titles keep their own language, so only our words are checked.
    const text = await page.locator(".ia-interactive").evaluate((root) => {
      const copy = root.cloneNode(true);
      copy.querySelectorAll(".ia-citations, .ia-source-list, .ia-sources").forEach((e) => e.remove());
      return copy.textContent;
    });
    expect(text, `step ${step}`).not.toMatch(/\b(Step \d|Next|Back|Sources|Whose account|Select any box)\b/);
    await page.locator(".ia-button--next").click();
  }
});

test("a right-to-left story mirrors controls, progress and diagram, and keeps labels inside their boxes", async ({ page }) => {
  // Step 2 draws the first actor (a diagram leaves out rows no arrow on show touches).
  await openApp(page, "/?lang=ar&story=rtl.story&step=2");
  await expect(page.locator("article.ia")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".ia-progress__text")).toHaveText("الخطوة ٢ من ٦");
  const x = async (locator) => (await locator.boundingBox()).x;
  // Back is on the right, Next on the left; step 1 is the rightmost step button.
  expect(await x(page.locator(".ia-button--next"))).toBeLessThan(await x(page.locator(".ia-button--back")));
  const steps = page.locator(".ia-progress__step");
  expect(await x(steps.nth(1))).toBeLessThan(await x(steps.nth(0)));
  // The grid's first column is on the right, and every label fits inside its box.
  const svg = page.locator(".ia-interactive .ia-svg:visible").first();
  const boxes = await svg.locator(".ia-actor").evaluateAll((actors) =>
    actors.map((a) => {
      const rect = a.querySelector("rect").getBoundingClientRect();
      const text = a.querySelector("text").getBoundingClientRect();
      return { id: a.getAttribute("data-select"), rect: rect.toJSON(), text: text.toJSON() };
    }),
  );
  const first = boxes.find((b) => b.id === "actor-0");
  const svgBox = await svg.boundingBox();
  expect(first.rect.x, "the first actor sits on the right").toBeGreaterThan(svgBox.x + svgBox.width / 2);
  for (const { id, rect, text } of boxes) {
    expect(text.left, id).toBeGreaterThanOrEqual(rect.left);
    expect(text.right, id).toBeLessThanOrEqual(rect.right);
  }
});

test("in a right-to-left story the left arrow key moves forward", async ({ page }) => {
  await openApp(page, "/?lang=ar&story=rtl.story");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(".ia-progress__text")).toHaveText("الخطوة ٢ من ٦");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".ia-progress__text")).toHaveText("الخطوة ٢ من ٦");
});

test("in a right-to-left story a swipe to the right moves forward", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "touch is tested on the phone");
  await openApp(page, "/?lang=ar&story=rtl.story");
  await swipe(page, 60, 300);
  await expect(page.locator(".ia-progress__text")).toHaveText("الخطوة ٢ من ٦");
  await swipe(page, 300, 60);
  await expect(page.locator(".ia-progress__text")).toHaveText("الخطوة ١ من ٦");
});
