// Diagrams a desk would publish, checked in the browser as drawn (the native geometry test in
// src/scene/check.rs checks the layout itself): in every step and view, at 360 px and 1200 px,
// no two arrows cross, and no badge or label sits on a box, on another badge or label, or on
// another arrow.
import { test, expect } from "./fixtures.mjs";
import { everyState, openApp } from "./helpers.mjs";

/** Every clash in the visible diagrams, measured in CSS px from the rendered SVG. */
const clashes = (page) =>
  page.evaluate(() => {
    const found = [];
    const overlap = (a, b, slack = 0.5) =>
      a.left + slack < b.right && b.left + slack < a.right && a.top + slack < b.bottom && b.top + slack < a.bottom;
    const inside = (p, r, slack = 1) => p.x > r.left + slack && p.x < r.right - slack && p.y > r.top + slack && p.y < r.bottom - slack;
    const cross = (p1, p2, q1, q2) => {
      const d = (a, b, c) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
      const d1 = d(q1, q2, p1), d2 = d(q1, q2, p2), d3 = d(p1, p2, q1), d4 = d(p1, p2, q2);
      return d1 * d2 < 0 && d3 * d4 < 0;
    };
    for (const svg of document.querySelectorAll(".ia-interactive svg.ia-svg")) {
      if (!svg.getClientRects().length) continue;
      const boxes = [...svg.querySelectorAll(".ia-actor rect")].map((r) => ({ id: r.parentNode.dataset.select ?? "box", rect: r.getBoundingClientRect() }));
      const matrix = svg.getScreenCTM();
      const arrows = [...svg.querySelectorAll(".ia-flow.is-shown .ia-flow__line")].map((line) => {
        const length = line.getTotalLength();
        const points = [];
        for (let at = 0; at <= length; at += 2) {
          const p = line.getPointAtLength(at);
          points.push(new DOMPoint(p.x, p.y).matrixTransform(matrix));
        }
        return { id: line.closest(".ia-flow").dataset.select ?? line.closest(".ia-flow").getAttribute("class"), points };
      });
      const marks = [];
      for (const badge of svg.querySelectorAll(".ia-flow__badge.is-shown")) {
        const id = badge.dataset.badge ?? "badge";
        marks.push({ id: `${id} badge`, flow: id, rect: badge.querySelector("circle").getBoundingClientRect() });
        const tag = badge.querySelector(".ia-flow__tag");
        if (tag) marks.push({ id: `${id} tag`, flow: id, rect: tag.getBoundingClientRect() });
      }
      for (const link of svg.querySelectorAll(".ia-link")) marks.push({ id: "link words", flow: null, rect: link.querySelector("rect").getBoundingClientRect() });
      for (const [i, mark] of marks.entries()) {
        for (const box of boxes) if (overlap(mark.rect, box.rect)) found.push(`${mark.id} on ${box.id}`);
        for (const other of marks.slice(i + 1)) if (overlap(mark.rect, other.rect)) found.push(`${mark.id} on ${other.id}`);
        for (const arrow of arrows) {
          if (arrow.id === mark.flow) continue;
          if (arrow.points.some((p) => inside(p, mark.rect))) found.push(`${mark.id} on arrow ${arrow.id}`);
        }
      }
      // Arrows may meet where they leave or reach the same box; away from their ends they
      // must not cross.
      const trimmed = arrows.map((a) => ({ ...a, points: a.points.slice(4, -4) }));
      for (const [i, a] of trimmed.entries()) {
        for (const b of trimmed.slice(i + 1)) {
          let crossed = false;
          for (let j = 1; j < a.points.length && !crossed; j++)
            for (let k = 1; k < b.points.length && !crossed; k++)
              crossed = cross(a.points[j - 1], a.points[j], b.points[k - 1], b.points[k]);
          if (crossed) found.push(`arrow ${a.id} crosses arrow ${b.id}`);
        }
      }
    }
    return found;
  });

// The phone project checks its own width; the desktop project every other width a diagram
// changes form or size across.
const CLASH_WIDTHS = { phone: [360], desktop: [320, 480, 600, 768, 1024, 1200, 1600] };

for (const lang of ["en", "es"]) {
  test(`no arrow crosses another and no badge or label sits on anything (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const checked = [];
    for (const width of CLASH_WIDTHS[testInfo.project.name]) {
      await page.setViewportSize({ width, height: 900 });
      await openApp(page, `/?lang=${lang}`);
      await everyState(page, async (name) => {
        expect.soft(await clashes(page), `${name} at ${width} px`).toEqual([]);
        checked.push(name);
      });
    }
    expect(checked.length).toBeGreaterThan(11);
    testInfo.annotations.push({ type: "diagram states checked", description: String(checked.length) });
  });
}

/** What is wrong with the diagrams the app drew: each must be on show, drawn in one
 * orientation, the one its width calls for (src/scene/fit.rs, as diagram.css decides). */
const misfits = (page) =>
  page.evaluate(() => {
    const found = [];
    for (const figure of document.querySelectorAll(".ia-interactive .ia-diagram")) {
      const svgs = figure.querySelectorAll("svg.ia-svg");
      const width = parseFloat(getComputedStyle(figure).width);
      if (!figure.checkVisibility()) found.push(`a hidden diagram (${figure.className})`);
      if (svgs.length !== 1) found.push(`${svgs.length} orientations drawn in a ${width} px diagram`);
      for (const svg of svgs) {
        if (!svg.checkVisibility()) found.push(`a hidden orientation (${svg.getAttribute("class")})`);
        if (svg.classList.contains("ia-svg--wide") !== width >= 760) found.push(`${svg.getAttribute("class")} in a ${width} px diagram`);
      }
    }
    return found;
  });

test("the app draws only the diagrams on show, in the orientation their width calls for, and redraws them on resize", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 780 });
  // Every diagram form the app itself inserts (the page's own markup is parsed before).
  await page.addInitScript(() => {
    window.drawnForms = [];
    const seen = new WeakSet();
    addEventListener("DOMContentLoaded", () => {
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node.querySelectorAll)
              for (const svg of node.querySelectorAll(".ia-interactive svg.ia-svg"))
                if (!seen.has(svg)) {
                  seen.add(svg);
                  window.drawnForms.push(svg.getAttribute("class"));
                }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  await openApp(page, "/?step=1&view=side-by-side");
  // From its first render: the prerendered page was measured before the app replaced it.
  expect(await page.evaluate(() => window.drawnForms)).toEqual(["ia-svg ia-svg--tall ia-svg--only"]);
  // A phone: one diagram with both accounts on it.
  await expect(page.locator(".ia-interactive .ia-diagram")).toHaveCount(1);
  await expect(page.locator(".ia-interactive .ia-diagram--together")).toHaveCount(1);
  expect(await misfits(page)).toEqual([]);
  // Wider: the two accounts side by side, each its own diagram.
  await page.setViewportSize({ width: 1200, height: 900 });
  await expect(page.locator(".ia-interactive .ia-diagram")).toHaveCount(2);
  await expect(page.locator(".ia-interactive .ia-diagram--together")).toHaveCount(0);
  expect(await misfits(page)).toEqual([]);
  // Every step and view, at widths on both sides of each threshold.
  const total = await page.locator(".ia-progress__step").count();
  for (const width of [360, 700, 900, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    for (let step = 1; step <= total; step++) {
      await page.locator(".ia-progress__step").nth(step - 1).click();
      const views = await page.locator(".ia-interactive [data-view]").evaluateAll((b) => b.map((e) => e.dataset.view));
      for (const view of views.length ? views : [null]) {
        if (view) await page.locator(`.ia-interactive [data-view='${view}']`).click();
        await expect.poll(() => misfits(page), `step ${step}${view ? ` (${view})` : ""} at ${width} px`).toEqual([]);
      }
    }
  }
});

// A step change draws the new step's figure once: nothing the app inserts for it is removed
// again a frame later (which would cost a second render and drop a keyboard reader's focus).
test("a step change draws its figure once, at every width", async ({ page }) => {
  test.skip(test.info().project.name !== "desktop", "widths are set by the test");
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.figureNodes = { added: [], removed: 0 };
    addEventListener("DOMContentLoaded", () => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes)
            if (node.querySelectorAll) window.figureNodes.added.push(...node.querySelectorAll(".ia-interactive :is(figure.ia-diagram, svg.ia-svg)"));
          for (const node of record.removedNodes)
            if (window.figureNodes.added.includes(node) || (node.querySelectorAll && [...node.querySelectorAll("figure, svg")].some((n) => window.figureNodes.added.includes(n))))
              window.figureNodes.removed += 1;
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  for (const width of [360, 900, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page, "/");
    const total = await page.locator(".ia-progress__step").count();
    for (let step = 1; step < total; step++) {
      await page.evaluate(() => { window.figureNodes = { added: [], removed: 0 }; });
      await page.locator(".ia-interactive .ia-button--next").click();
      await page.waitForTimeout(150);
      const { added, removed } = await page.evaluate(() => ({
        added: window.figureNodes.added.length,
        removed: window.figureNodes.removed,
      }));
      expect(removed, `Next to step ${step + 1} at ${width} px: ${added} diagram nodes drawn, ${removed} of them removed again`).toBe(0);
    }
  }
});
