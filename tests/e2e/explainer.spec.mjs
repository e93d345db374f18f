// The built explainer, used the way readers use it: mouse, keyboard and touch, on a desktop
// and on a 360 px phone, in every view. Every test also requires a clean console.
import { test, expect, expectConsole } from "./fixtures.mjs";
import { openApp, swipe, watchConsole } from "./helpers.mjs";

const views = ["alleged", "meta", "side-by-side"];

test.beforeEach(async ({ page }, testInfo) => {
  testInfo.problems = watchConsole(page);
  await open(page, "/");
});

const open = openApp;

test.afterEach(async ({}, testInfo) => {
  const expected = testInfo.expectedWarning;
  const unexpected = testInfo.problems.filter((p) => !(expected && expected.test(p)));
  expect(unexpected, "console errors and warnings").toEqual([]);
  if (expected) expect(testInfo.problems.filter((p) => expected.test(p)), "exactly one expected warning").toHaveLength(1);
});

/** The number of steps, and the title each progress button announces. */
async function stepTitles(page) {
  const labels = await page.locator(".ia-progress__step").evaluateAll((buttons) =>
    buttons.map((b) => b.getAttribute("aria-label")),
  );
  return labels.map((label) => label.replace(/^[^:]*:\s*/, ""));
}

async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

async function expectOnStep(page, index, titles) {
  await expect(page.locator(".ia-progress__text")).toHaveText(new RegExp(`\\b${index + 1}\\b.*\\b${titles.length}\\b`));
  await expect(page.locator(".ia-interactive .ia-step__title")).toHaveText(titles[index]);
  await expect(page.locator("[aria-current='step']")).toHaveText(String(index + 1));
}

for (const view of views) {
  test(`every step can be read with Next in the ${view} view`, async ({ page }) => {
    const titles = await stepTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(10);
    await page.locator(`[data-view='${view}']`).click();
    for (let i = 0; i < titles.length; i++) {
      await expectOnStep(page, i, titles);
      // Every step cites at least one source.
      expect(await page.locator(".ia-interactive .ia-step__sources .ia-citations li").count()).toBeGreaterThan(0);
      const viewSwitch = page.locator(".ia-view-switch");
      if (await viewSwitch.count()) {
        await expect(page.locator(`[data-view='${view}']`)).toHaveAttribute("aria-pressed", "true");
        // Side by side is two diagrams where there is room, one with both accounts on a phone.
        const wide = page.viewportSize().width >= 720;
        const expected = view === "side-by-side" && wide ? 2 : 1;
        await expect(page.locator(".ia-interactive .ia-diagram:visible")).toHaveCount(expected);
        // Each account is drawn in its role's style: the claim's and the answer's.
        const role = { alleged: "claim", meta: "answer" };
        const kind = view === "side-by-side" ? (wide ? "(claim|answer)" : "together") : role[view];
        for (const diagram of await page.locator(".ia-interactive .ia-diagram:visible").all()) {
          await expect(diagram).toHaveClass(new RegExp(`ia-diagram--${kind}`));
        }
      }
      // The diagram on show draws as many numbered flows as its legend lists.
      for (const diagram of await page.locator(".ia-interactive .ia-diagram:visible").all()) {
        const legend = await diagram.locator(".ia-legend li").count();
        const drawn = await diagram.locator(".ia-svg:visible .ia-flow.is-shown").count();
        expect(drawn).toBe(legend);
        await expect(diagram.locator(".ia-svg:visible")).toHaveCount(1);
      }
      await expectNoHorizontalScroll(page);
      await page.locator(".ia-button--next").click();
    }
    // Next on the last step started over.
    await expectOnStep(page, 0, titles);
  });
}

test("flows that appear on a step change fade in with a CSS transition", async ({ page }) => {
  // Steps 4 and 5 both draw the actor diagram, with different flows.
  await page.locator(".ia-progress__step").nth(3).click();
  await expect(page.locator("[aria-current='step']")).toHaveText("4");
  const before = await page.locator(".ia-svg:visible .ia-flow.is-shown").evaluateAll((els) => els.map((e) => e.dataset.select));
  // Record every flow transition as it starts, so a slow machine that finishes
  // the fade before the test looks cannot hide it.
  // Only fades towards being shown count, and only once the jump to step 4 has settled.
  await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    window.__flowTransitions = new Set();
    document.addEventListener("transitionrun", (event) => {
      const flow = event.target.closest?.(".ia-flow");
      if (flow && event.propertyName === "opacity" && flow.classList.contains("is-shown")) {
        window.__flowTransitions.add(flow.dataset.select);
      }
    });
  });
  await page.locator(".ia-button--next").click();
  await expect(page.locator("[aria-current='step']")).toHaveText("5");
  const shown = await page.locator(".ia-svg:visible .ia-flow.is-shown").evaluateAll((els) => els.map((e) => e.dataset.select));
  const appeared = shown.filter((key) => !before.includes(key));
  expect(appeared.length).toBeGreaterThan(0);
  await expect
    .poll(() => page.evaluate(() => [...window.__flowTransitions]))
    .toEqual(expect.arrayContaining(appeared));
});

test("the first step sets the allegation and the denial side by side, attributed and dated", async ({ page }) => {
  const quotes = page.locator(".ia-interactive .ia-step__text .ia-quote");
  await expect(quotes).toHaveCount(2);
  await expect(page.locator(".ia-interactive .ia-quote--claim")).toHaveCount(1);
  await expect(page.locator(".ia-interactive .ia-quote--answer")).toHaveCount(1);
  await expect(page.locator(".ia-interactive .ia-quote--claim")).toContainText("Inbox API");
  await expect(page.locator(".ia-interactive .ia-quote--answer")).toContainText("Andy Stone");
  await expect(page.locator(".ia-interactive .ia-quote--answer time")).toHaveAttribute("datetime", "2024-04-02");
  const [a, b] = await quotes.evaluateAll((els) => els.map((e) => getComputedStyle(e.querySelector("blockquote")).fontSize));
  expect(a).toBe(b);
});

test("the keyboard moves between steps, opens a flow and Escape returns focus", async ({ page }) => {
  const titles = await stepTitles(page);
  for (let i = 1; i < titles.length; i++) {
    await page.keyboard.press("ArrowRight");
    await expectOnStep(page, i, titles);
  }
  await page.keyboard.press("ArrowRight");
  await expectOnStep(page, titles.length - 1, titles);
  for (let i = titles.length - 2; i >= 0; i--) await page.keyboard.press("ArrowLeft");
  await expectOnStep(page, 0, titles);

  // Tab to the first flow of the diagram and open it with Enter.
  const flow = page.locator(".ia-svg:visible .ia-flow.is-shown").first();
  const key = await flow.getAttribute("data-select");
  let focused = "";
  for (let presses = 0; presses < 60 && focused !== key; presses++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.getAttribute("data-select") ?? "");
  }
  expect(focused, "a flow is reachable with Tab").toBe(key);
  await page.keyboard.press("Enter");
  await expect(page.locator(".ia-detail")).toBeVisible();
  await expect(page.locator(".ia-detail")).toBeFocused();
  await expect(page.locator(".ia-detail .ia-citations li").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator(".ia-detail")).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-select"))).toBe(key);
});

test("every actor and every flow on show opens an explanation with a source", async ({ page }) => {
  // Flows are clicked on their numbered badge: the middle of a curve's box is often off the curve.
  const targets = page.locator(".ia-svg:visible .ia-actor rect, .ia-svg:visible .ia-flow__badge.is-shown");
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < count; i++) {
    await targets.nth(i).click();
    await expect(page.locator(".ia-detail")).toBeVisible();
    await expect(page.locator(".ia-detail p").first()).not.toBeEmpty();
    expect(await page.locator(".ia-detail .ia-citations li").count()).toBeGreaterThan(0);
    await page.locator(".ia-detail__close").click();
    await expect(page.locator(".ia-detail")).toHaveCount(0);
  }
});

test("the permission explorer shows which flows each permission allows", async ({ page }) => {
  await page.locator(".ia-progress__step").nth(2).click();
  const switches = page.locator("[role='switch'][data-permission]");
  expect(await switches.count()).toBe(4);
  const shown = () => page.locator(".ia-svg:visible .ia-flow.is-shown").count();
  const before = await shown();
  for (const name of ["send", "read", "delete", "participants"]) {
    const toggle = page.locator(`[data-permission='${name}']`);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
  }
  expect(await shown()).toBe(before + 4);
  await expect(page.locator(".ia-interactive .ia-permission__reveals")).toHaveCount(4);
  await page.locator("[data-permission='read']").click();
  expect(await shown()).toBe(before + 3);
});

test("timeline events open in place with their sources", async ({ page }) => {
  const titles = await stepTitles(page);
  const index = titles.findIndex((t) => /timeline/i.test(t));
  expect(index, "a timeline step").toBeGreaterThan(0);
  await page.locator(".ia-progress__step").nth(index).click();
  const events = page.locator(".ia-interactive .ia-event__button");
  expect(await events.count()).toBeGreaterThanOrEqual(10);
  // Each phase lists its key events, then folds the rest; every list runs in date order,
  // and the phases follow one another.
  const lists = await page.locator(".ia-interactive .ia-timeline__events").evaluateAll((ols) =>
    ols.map((ol) => [...ol.querySelectorAll(".ia-event__date")].map((e) => e.getAttribute("datetime"))),
  );
  for (const dates of lists) expect([...dates].sort()).toEqual(dates);
  const phases = await page.locator(".ia-interactive .ia-timeline__phase").evaluateAll((sections) =>
    sections.map((s) => [...s.querySelectorAll(".ia-event__date")].map((e) => e.getAttribute("datetime")).sort()),
  );
  expect(phases.length).toBeGreaterThan(1);
  for (let i = 1; i < phases.length; i++) expect(phases[i][0] >= phases[i - 1][0]).toBe(true);
  const dates = lists.flat().sort();
  expect(dates[0].startsWith("2009")).toBe(true);
  expect(dates.at(-1).startsWith("2025")).toBe(true);
  await events.nth(0).click();
  await expect(events.nth(0)).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(".ia-interactive .ia-event.is-open .ia-citations li").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(events.nth(0)).toHaveAttribute("aria-expanded", "false");
  await expect(events.nth(0)).toBeFocused();
});

test("swiping moves between steps on a touch screen", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "touch is tested on the phone");
  const titles = await stepTitles(page);
  await swipe(page, 300, 60);
  await expectOnStep(page, 1, titles);
  await swipe(page, 300, 60);
  await expectOnStep(page, 2, titles);
  await swipe(page, 60, 300);
  await expectOnStep(page, 1, titles);
  // A short or mostly vertical drag is a scroll, not a swipe.
  await swipe(page, 200, 180);
  await expectOnStep(page, 1, titles);
  // Taps work as clicks.
  await page.locator(".ia-button--next").tap();
  await expectOnStep(page, 2, titles);
});

test("the phone layout fits 320 px without horizontal scrolling in every step and view", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const titles = await stepTitles(page);
  for (const view of views) {
    await page.locator(".ia-progress__step").first().click();
    await page.locator(`[data-view='${view}']`).click();
    for (let i = 0; i < titles.length; i++) {
      await expectOnStep(page, i, titles);
      await expectNoHorizontalScroll(page);
      await page.locator(".ia-button--next").click();
    }
  }
});

test("a link with step and view opens there, and the URL follows the reader through history", async ({ page }) => {
  await open(page, "/?step=timeline&view=meta");
  await expect(page.locator(".ia-interactive .ia-step__title")).toHaveText("Timeline");
  await page.locator(".ia-button--next").click();
  await expect.poll(() => new URL(page.url()).search).toBe("?step=unknowns&view=meta");
  await page.goBack();
  await expect(page.locator(".ia-interactive .ia-step__title")).toHaveText("Timeline");
  await page.goForward();
  await expect.poll(() => new URL(page.url()).searchParams.get("step")).toBe("unknowns");
  await page.locator(".ia-progress__step").first().click();
  await expect(page.locator("[data-view='meta']")).toHaveAttribute("aria-pressed", "true");
  // A step number works as well as an id.
  await open(page, "/?step=3");
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 3 of 11");
});

test("invalid options fall back to the defaults with one warning that names them", async ({ page }, testInfo) => {
  testInfo.expectedWarning = /inbox-explainer: (?=.*"sideways")(?=.*"neon")(?=.*"nope")/;
  expectConsole(testInfo.expectedWarning);
  await open(page, "/?step=nope&view=sideways&theme=neon");
  await expect(page.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  await expect(page.locator("[data-view='alleged']")).toHaveAttribute("aria-pressed", "true");
});

test("the theme option pins light or dark whatever the system prefers", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "/?theme=dark");
  const background = () => page.locator(".ia").evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await background()).toBe("rgb(19, 19, 20)");
  await open(page, "/?theme=auto");
  expect(await background()).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(19, 19, 20)");
  await open(page, "/?theme=light");
  expect(await background()).toBe("rgb(255, 255, 255)");
});
