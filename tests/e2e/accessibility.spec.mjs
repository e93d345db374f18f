// axe-core finds no WCAG 2.2 A/AA violation in any state a reader can reach: every step, every
// view it offers, the "All steps" document, with every disclosure open, in both themes, in
// English, Spanish and a right-to-left story on the desktop, and English on a phone.
import { test, expect } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { openApp, rtlStory, readingOption } from "./helpers.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const stories = [
  { name: "English", query: "" },
  { name: "Spanish", query: "&lang=es" },
  { name: "right-to-left", query: "&lang=ar&story=rtl.story" },
];

/** axe's findings for the page as it is, in the light and in the dark theme. */
async function violations(page, state) {
  // Disclosures are part of the page too: open them so axe checks what they hold.
  await page.locator(".ia details").evaluateAll((all) => all.forEach((d) => (d.open = true)));
  const found = [];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    // The whole-story document is hidden while a single step is on show; leaving it out of
    // those runs keeps them fast. It gets its own run in "All steps" mode.
    // Legacy mode runs axe in the page itself: the explainer has no frames for axe to merge,
    // and it saves opening a helper page for every run.
    let axe = new AxeBuilder({ page })
      .include(".ia")
      .withTags(TAGS)
      .options({ resultTypes: ["violations"] })
      .setLegacyMode(true);
    if (state !== "all steps") axe = axe.exclude(".ia-document");
    const { violations } = await axe.analyze();
    found.push(...violations.flatMap((v) => v.nodes.map((node) => `${state}, ${scheme}: ${v.id}: ${node.html.slice(0, 120)}`)));
  }
  // The open reading-options menu would cover the controls the next state is reached by.
  await page.locator(".ia-menu").evaluateAll((all) => all.forEach((d) => (d.open = false)));
  return found;
}

for (const story of stories) {
  test(`no axe violations in any state, ${story.name}, light and dark`, async ({ page }, testInfo) => {
    // Each language and direction on the desktop; on the phone's layout, the English story.
    test.skip(testInfo.project.name === "phone" && story.name !== "English", "phone layout checked in English");
    test.setTimeout(240_000);
    await rtlStory(page);
    await openApp(page, `/?step=1${story.query}`);
    const steps = await page.locator(".ia-progress__step").count();
    const found = [];
    for (let step = 1; step <= steps; step++) {
      await page.locator(".ia-progress__step").nth(step - 1).click();
      // Every view where the step offers a choice of views; otherwise the one it shows.
      const views = (await page.locator(".ia-view-switch").count()) ? ["alleged", "meta", "side-by-side"] : [null];
      for (const view of views) {
        if (view) await page.locator(`[data-view='${view}']`).click();
        found.push(...(await violations(page, `step ${step} ${view ?? ""}`)));
      }
    }
    await (await readingOption(page, ".ia-tool--all-steps")).click();
    found.push(...(await violations(page, "all steps")));
    expect(found, `${testInfo.project.name}, ${story.name}`).toEqual([]);
  });
}
