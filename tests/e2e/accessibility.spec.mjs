// axe-core finds no WCAG 2.2 A/AA violation in any step, view or theme of the built page.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openApp } from "./helpers.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const scheme of ["light", "dark"]) {
  test(`no axe violations on any step or view in the ${scheme} theme`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "checked once, on the desktop");
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const found = [];
    for (let step = 1; step <= 10; step++) {
      // Every view where the step offers a choice of views; otherwise the one it shows.
      await openApp(page, `/?step=${step}`);
      const views = (await page.locator(".ia-view-switch").count()) ? ["alleged", "meta", "side-by-side"] : ["alleged"];
      for (const view of views) {
        await openApp(page, `/?step=${step}&view=${view}`);
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of violations) for (const node of v.nodes) found.push(`step ${step} ${view}: ${v.id}: ${node.html.slice(0, 120)}`);
      }
    }
    expect(found, `${testInfo.project.name}, ${scheme}`).toEqual([]);
  });
}
