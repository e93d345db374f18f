// Every Next lands on the next step's top, in every delivery: on a 360 x 780 phone the reader
// presses Next at the bottom of a step, and the new step's title must be in the upper half of
// the screen, focused, whenever the page had to move to show it. When it was in view already,
// nothing moves and focus stays on Next.
import { test, expect } from "./fixtures.mjs";
import { openApp } from "./helpers.mjs";

const HOST = "http://127.0.0.1:8091";

/** Where the explainer lives, and how to reach its document from the page. */
const deliveries = {
  standalone: { open: (page) => openApp(page, "/"), frame: null, root: null },
  "direct mount": {
    open: async (page) => {
      await page.goto(`${HOST}/direct.html`);
      await page.locator("#first[data-ready]").waitFor({ state: "attached" });
    },
    frame: null,
    root: "#first",
  },
  loader: { open: (page) => page.goto(`${HOST}/loader.html`), frame: "iframe", root: null },
  "Pym.js": { open: (page) => page.goto(`${HOST}/pym.html`), frame: "#explainer iframe", root: null },
};

/** The title's top in the top-level viewport, the page's scroll, and whether it has focus. */
async function where(page, delivery) {
  const offset = delivery.frame ? (await page.locator(delivery.frame).boundingBox()).y : 0;
  const scope = delivery.frame ? page.frameLocator(delivery.frame) : page.locator(delivery.root ?? "body");
  const title = scope.locator(".ia-interactive .ia-step__title");
  const inside = await title.evaluate((t) => ({
    top: t.getBoundingClientRect().top,
    focused: (t.getRootNode().activeElement ?? document.activeElement) === t,
    onNext: (t.getRootNode().activeElement ?? document.activeElement)?.classList.contains("ia-button--next") ?? false,
  }));
  return { ...inside, top: Math.round(offset + inside.top) };
}

for (const [name, delivery] of Object.entries(deliveries)) {
  test(`every Next lands on the next step's title (${name})`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "measured on the phone");
    await delivery.open(page);
    const scope = delivery.frame ? page.frameLocator(delivery.frame) : page.locator(delivery.root ?? "body");
    if (delivery.frame) {
      await page.locator(delivery.frame).scrollIntoViewIfNeeded();
      await scope.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
    }
    const progress = scope.locator(".ia-interactive .ia-progress__text");
    const total = Number((await progress.textContent()).match(/of (\d+)/)[1]);
    const viewport = page.viewportSize().height;
    const landed = [];
    for (let step = 1; step < total; step++) {
      const next = scope.locator(".ia-interactive .ia-button--next");
      await next.scrollIntoViewIfNeeded();
      const before = await where(page, delivery);
      await next.click();
      await expect(progress).toHaveText(`Step ${step + 1} of ${total}`);
      // The host page scrolls after the frame's message; give a smooth scroll time to end.
      await expect
        .poll(async () => {
          const now = await where(page, delivery);
          return now.top >= 0 && now.top <= viewport / 2 ? "in the upper half" : `at ${now.top}`;
        }, { timeout: 5000 })
        .toBe("in the upper half");
      const after = await where(page, delivery);
      // The new title takes the old one's place, so the old one's position says whether the
      // page had to move.
      const moved = before.top < 0;
      if (moved) expect(after.focused, `step ${step + 1}: focus on the heading after a scroll`).toBe(true);
      else expect(after.onNext, `step ${step + 1}: focus stays on Next when nothing moved`).toBe(true);
      landed.push(`${step + 1}:${before.top}->${after.top}${moved ? "" : "(in view)"}`);
    }
    testInfo.annotations.push({ type: "title top after Next, px", description: landed.join(" ") });
    console.log(`${name}: title top after each Next: ${landed.join(" ")}`);
  });
}

test("under reduced motion the landing is instant", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "measured on the phone");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openApp(page, "/");
  const next = page.locator(".ia-interactive .ia-button--next");
  await next.scrollIntoViewIfNeeded();
  await next.click();
  // No smooth scroll to wait for: the title is in place on the next frame.
  const top = await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(document.querySelector(".ia-interactive .ia-step__title").getBoundingClientRect().top))),
  );
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThanOrEqual(page.viewportSize().height / 2);
});
