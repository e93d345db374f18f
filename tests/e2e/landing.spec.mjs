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

test("the loader scrolls only for its own frame's request, never for the page's or a stranger's", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "measured on the phone");
  await page.goto(`${HOST}/loader.html`);
  await page.locator("iframe").scrollIntoViewIfNeeded();
  await page.frameLocator("iframe").locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
  await page.evaluate(() => scrollTo(0, 0));
  const request = JSON.stringify({ type: "inbox-explainer:scroll", top: 900, smooth: false });
  // From the host page itself, and from a frame of the host's own origin that is not the
  // explainer: both ignored.
  await page.evaluate((data) => window.postMessage(data, "*"), request);
  await page.evaluate(async (data) => {
    const stranger = document.createElement("iframe");
    stranger.src = "/blank.html";
    document.body.append(stranger);
    await new Promise((done) => stranger.addEventListener("load", done));
    stranger.contentWindow.eval(`parent.postMessage(${JSON.stringify(data)}, "*")`);
  }, request);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // The same request from the explainer's own frame moves the page.
  await page.frames()[1].evaluate((data) => parent.postMessage(data, "*"), request);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
});

test("heading=hide drops the title and dek, as URL option and as placeholder attribute", async ({ page }) => {
  await openApp(page, "/?heading=hide");
  await expect(page.locator(".ia-header")).toHaveCount(0);
  await expect(page.locator(".ia-interactive .ia-step__title")).toBeVisible();
  await openApp(page, "/");
  await expect(page.locator(".ia-header .ia-title")).toBeVisible();
  // A direct mount with the attribute.
  await page.goto(`${HOST}/blank.html`);
  await page.evaluate(() => {
    const mount = document.createElement("div");
    mount.id = "hidden-heading";
    mount.dataset.inboxExplainer = "";
    mount.dataset.heading = "hide";
    document.body.append(mount);
    const script = document.createElement("script");
    script.type = "module";
    script.src = "http://127.0.0.1:8090/mount.js";
    document.body.append(script);
  });
  await page.locator("#hidden-heading[data-ready]").waitFor({ state: "attached" });
  await expect(page.locator("#hidden-heading .ia-interactive .ia-step__title")).toBeVisible();
  await expect(page.locator("#hidden-heading .ia-header")).toHaveCount(0);
});
