// Reading without a mouse, without motion, without colour vision, zoomed in: the keyboard
// reaches and shows everything, step changes are announced, motion can be turned off, "All
// steps" gives one document, and diagrams can be read as text and seen in enough contrast.
import { test, expect } from "./fixtures.mjs";
import { countMotion, motionStarted, openApp, readingOption } from "./helpers.mjs";

/** What has focus: a short description, whether it is inside the explainer, and its outline. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { inside: false, name: "body" };
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      inside: !!element.closest(".ia"),
      // Its place in the document too: several disclosures share a label.
      name: `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""}[${element.getAttribute("data-select") ?? element.textContent.trim().slice(0, 30)}]#${[...document.querySelectorAll("*")].indexOf(element)}`,
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      visible: box.width > 0 && box.height > 0,
    };
  });

test("Tab reaches every control of each step with a visible focus ring, and leads out again", async ({ page }) => {
  test.setTimeout(120_000);
  for (let step = 1; step <= 11; step++) {
    // Each step opened afresh, so Tab starts from the top of the page.
    await openApp(page, `/?step=${step}`);
    // Everything a reader can operate on this step, as the page lays it out.
    const expected = await page.locator(".ia").evaluate((root) =>
      [...root.querySelectorAll("button, summary, a[href], [tabindex='0']")]
        .filter((e) => e.getClientRects().length > 0 && !e.disabled && !e.closest("details:not([open]) > :not(summary)"))
        .length,
    );
    await page.evaluate(() => document.activeElement?.blur());
    const seen = new Set();
    let left = false;
    for (let presses = 0; presses < 200; presses++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      if (!now.inside) {
        if (seen.size) {
          left = true;
          break;
        }
        continue;
      }
      expect(now.visible, `${now.name} is visible`).toBe(true);
      expect(now.outline, `${now.name} shows focus`).toBe(true);
      seen.add(now.name);
    }
    expect(left, `step ${step}: Tab leads out of the explainer (no trap)`).toBe(true);
    expect(seen.size, `step ${step}: every control is reached`).toBe(expected);
  }
});

test("a keyboard-only walk: every step announced, focus kept, Home and End jump", async ({ page }) => {
  await openApp(page, "/");
  const live = page.locator(".ia-interactive [aria-live='polite'][aria-atomic='true']");
  const titles = await page.locator(".ia-progress__step").evaluateAll((b) => b.map((e) => e.getAttribute("aria-label").replace(/^[^:]*:\s*/, "")));
  // Only the keyboard from here: Tab to Next, then Enter through the whole story.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(".ia-button--next").evaluate((b) => b === document.activeElement)) break;
  }
  await expect(page.locator(".ia-button--next")).toBeFocused();
  for (let step = 2; step <= titles.length; step++) {
    await page.keyboard.press("Enter");
    await expect(live).toHaveText(`Step ${step} of ${titles.length}: ${titles[step - 1]}`);
    // Focus stays on Next, unless the page had to scroll up to the new step: then it is on
    // the step's title, in the upper half of the screen, and Tab leads on to Next again.
    const title = page.locator(".ia-interactive .ia-step__title");
    if (await title.evaluate((t) => t === document.activeElement)) {
      // A smooth scroll may still be under way when focus arrives.
      const top = () => title.evaluate((t) => t.getBoundingClientRect().top);
      await expect.poll(top).toBeGreaterThanOrEqual(0);
      await expect.poll(top).toBeLessThan(page.viewportSize().height / 2);
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        if (await page.locator(".ia-button--next").evaluate((b) => b === document.activeElement)) break;
      }
    }
    await expect(page.locator(".ia-button--next")).toBeFocused();
  }
  await page.keyboard.press("Home");
  await expect(live).toHaveText(`Step 1 of ${titles.length}: ${titles[0]}`);
  await page.keyboard.press("End");
  await expect(live).toHaveText(`Step ${titles.length} of ${titles.length}: ${titles.at(-1)}`);
  // The shortcuts are listed in the widget.
  await (await readingOption(page, ".ia-shortcuts summary")).click();
  await expect(page.locator(".ia-shortcuts__list li")).toHaveCount(4);
  await expect(page.locator(".ia-shortcuts__list")).toContainText("Home and End");
});

/** Clicks Next, waits for step `step` to show, and counts the motion that started. */
async function nextCountingMotion(page, step) {
  await countMotion(page);
  await page.locator(".ia-button--next").click();
  await expect(page.locator("[aria-current='step']")).toHaveText(String(step));
  return motionStarted(page);
}

test("with reduced motion asked for by the system, nothing animates", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openApp(page, "/");
  await expect(page.locator(".ia-tool--motion")).toHaveAttribute("aria-checked", "true");
  for (let step = 2; step <= 11; step++) expect(await nextCountingMotion(page, step), `step ${step}`).toBe(0);
});

test("the in-widget switch turns motion off, and on again", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await openApp(page, "/");
  const motion = await readingOption(page, ".ia-tool--motion");
  await expect(motion).toHaveAttribute("aria-checked", "false");
  await expect(motion).toHaveAttribute("role", "switch");
  // Motion on: a step change animates the flows that appear (so this test can fail).
  expect(await nextCountingMotion(page, 2)).toBeGreaterThan(0);
  await motion.click();
  await expect(motion).toHaveAttribute("aria-checked", "true");
  for (let step = 3; step <= 11; step++) expect(await nextCountingMotion(page, step), `step ${step}`).toBe(0);
  // On again: back to the first step, and the change to the second animates once more.
  await motion.click();
  await page.locator(".ia-progress__step").first().click();
  await expect(page.locator("[aria-current='step']")).toHaveText("1");
  expect(await nextCountingMotion(page, 2)).toBeGreaterThan(0);
});

test("All steps shows the whole explanation as one document, and returns to the same step", async ({ page }) => {
  await openApp(page, "/?step=4");
  const toggle = await readingOption(page, ".ia-tool--all-steps");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  // The menu closes on the choice and gives focus back to its button.
  await expect(page.locator(".ia-menu__button")).toBeFocused();
  await expect(page.locator(".ia-interactive")).toBeHidden();
  await expect(page.locator(".ia-document")).toBeVisible();
  await expect(page.locator(".ia-document__step")).toHaveCount(11);
  await expect(page.locator(".ia-document .ia-step__title").last()).toBeVisible();
  // Arrow keys have no step to move while everything is on show.
  await page.keyboard.press("ArrowRight");
  await (await readingOption(page, ".ia-tool--all-steps")).click();
  await expect(page.locator(".ia-interactive")).toBeVisible();
  await expect(page.locator(".ia-document")).toBeHidden();
  await expect(page.locator("[aria-current='step']")).toHaveText("4");
});

test("Describe this diagram lists every arrow on show: what, from whom, to whom, in whose account", async ({ page }) => {
  await openApp(page, "/?step=1&view=side-by-side");
  // Two diagrams where there is room, one with both accounts on a phone.
  const diagrams = await page.locator(".ia-interactive .ia-diagram:visible").all();
  expect(diagrams.length).toBeGreaterThan(0);
  for (const diagram of diagrams) {
    // A combined diagram is headed by its own name; its description names both accounts, as
    // the view switch does.
    const together = await diagram.evaluate((d) => d.classList.contains("ia-diagram--together"));
    const named = together ? page.locator(".ia-interactive [data-view='alleged'], .ia-interactive [data-view='meta']") : diagram.locator(".ia-diagram__account");
    const captions = (await named.allTextContents()).map((c) => c.trim());
    const describe = diagram.locator(".ia-describe");
    await describe.locator("summary").click();
    await expect(describe.locator(".ia-describe__caption")).toHaveText(captions);
    const legend = await diagram.locator(".ia-legend__label").allTextContents();
    const sentences = await describe.locator(".ia-describe__flows li").allTextContents();
    expect(sentences).toHaveLength(legend.length);
    for (const [i, sentence] of sentences.entries()) {
      expect(sentence).toMatch(new RegExp(`^${legend[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: from .+ to .+\\. Described by: .+`));
    }
  }
});

test("text zoomed to 200% reflows without horizontal scrolling, in every step and view", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one width: 1280 px zoomed to 200% is 640 CSS px");
  await page.setViewportSize({ width: 640, height: 900 });
  // The browser's text size setting at 200% (32 px instead of 16).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  for (let step = 1; step <= 11; step++) {
    for (const view of ["alleged", "side-by-side"]) {
      await openApp(page, `/?step=${step}&view=${view}`);
      expect(await page.locator(".ia").evaluate((e) => getComputedStyle(e).fontSize)).toBe("32px");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `step ${step} ${view}`).toBeLessThanOrEqual(0);
      // Nothing is cut off inside the explainer either.
      const clipped = await page.locator(".ia").evaluate((root) =>
        [...root.querySelectorAll("p:not(.ia-visually-hidden), li, button, h2, h3, h4, figcaption")]
          .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
          .map((e) => e.textContent.slice(0, 40)),
      );
      expect(clipped, `step ${step} ${view}`).toEqual([]);
    }
  }
  await (await readingOption(page, ".ia-tool--all-steps")).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("touch targets are at least 24 px, and 44 px for the main controls", async ({ page }) => {
  await openApp(page, "/?step=3");
  const sizes = await page.locator(".ia-interactive button, .ia-tools button, .ia-tools summary").evaluateAll((all) =>
    all.filter((e) => e.getClientRects().length).map((e) => ({ name: e.className, ...e.getBoundingClientRect().toJSON() })),
  );
  for (const { name, width, height } of sizes) {
    expect(Math.min(width, height), name).toBeGreaterThanOrEqual(24);
    if (/ia-button|ia-tool|ia-view-switch__option|ia-switch/.test(name)) expect(height, name).toBeGreaterThanOrEqual(44);
  }
});

/** WCAG relative luminance contrast between two CSS rgb() colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ["light", "dark"]) {
  test(`diagram lines, boxes and focus rings have at least 3:1 contrast in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, "/?step=1&view=side-by-side");
    const colours = await page.evaluate(() => {
      const background = (element) => {
        for (let e = element; e; e = e.parentElement) {
          const colour = getComputedStyle(e).backgroundColor;
          if (!/rgba\(.*, 0\)|transparent/.test(colour)) return colour;
        }
        return "rgb(255, 255, 255)";
      };
      const lines = [...document.querySelectorAll(".ia-interactive .ia-svg .ia-flow.is-shown .ia-flow__line")];
      const boxes = [...document.querySelectorAll(".ia-interactive .ia-svg .ia-actor rect")];
      return [
        ...lines.map((l) => ({ what: `line ${l.parentElement.getAttribute("class")}`, fg: getComputedStyle(l).stroke, bg: background(l.closest("svg")) })),
        ...boxes.map((r) => ({ what: "actor box", fg: getComputedStyle(r).stroke, bg: background(r.closest("svg")) })),
      ];
    });
    expect(new Set(colours.map((c) => c.what.split(" ")[2])).size, "both accounts' lines are checked").toBeGreaterThanOrEqual(2);
    for (const { what, fg, bg } of colours) expect(contrast(fg, bg), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    // The focus ring, on a button and on a diagram element.
    for (const selector of [".ia-button--next", ".ia-interactive .ia-svg .ia-actor"]) {
      await page.locator(selector).first().focus();
      const { ring, bg } = await page.evaluate(() => {
        // The ring is drawn outside the element, so it is seen against what is behind it.
        const e = document.activeElement;
        let bg = "rgb(255, 255, 255)";
        for (let p = e.parentElement; p; p = p.parentElement) {
          const c = getComputedStyle(p).backgroundColor;
          if (!/rgba\(.*, 0\)|transparent/.test(c)) { bg = c; break; }
        }
        return { ring: getComputedStyle(e).outlineColor, bg };
      });
      expect(contrast(ring, bg), `${selector} focus ring ${ring} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
    // Meaning is not carried by colour alone: the accounts' lines differ in pattern too.
    const dashes = await page.locator(".ia-interactive .ia-svg .ia-flow.is-shown .ia-flow__line").evaluateAll((lines) =>
      [...new Set(lines.map((l) => `${l.parentElement.classList[1]} ${getComputedStyle(l).strokeDasharray}`))],
    );
    const alleged = dashes.find((d) => d.startsWith("ia-flow--claim"));
    const meta = dashes.find((d) => d.startsWith("ia-flow--answer"));
    expect(alleged.split(" ").slice(1).join(" ")).not.toEqual(meta.split(" ").slice(1).join(" "));
  });
}
