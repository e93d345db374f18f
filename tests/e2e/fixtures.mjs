// Every browser test runs with these checks: the widget reaches no origin but its own, leaves
// nothing behind (no cookies, no localStorage, sessionStorage or IndexedDB), and the console
// (of the page and its frames) stays free of errors and warnings, except those a test says
// it expects with `expectConsole`.
import { test as base, expect } from "@playwright/test";
import { watchConsole } from "./helpers.mjs";

export { expect };

const WIDGET = "http://127.0.0.1:8090";
/** The test servers: the widget's origin and the article pages' (two names for one). */
const LOCAL = new Set([WIDGET, "http://127.0.0.1:8091", "http://localhost:8091"]);
const inline = (url) => url.startsWith("data:") || url.startsWith("blob:");

/** Declares console errors or warnings the current test provokes on purpose. */
export function expectConsole(pattern) {
  base.info().annotations.push({ type: "expected console", description: pattern.source });
}

export const test = base.extend({
  console: [
    async ({ page }, use, testInfo) => {
      const messages = watchConsole(page);
      await use();
      const expected = testInfo.annotations
        .filter((a) => a.type === "expected console")
        .map((a) => new RegExp(a.description));
      expect(messages.filter((m) => !expected.some((pattern) => pattern.test(m))), "console errors and warnings").toEqual([]);
    },
    { auto: true },
  ],
  privacy: [
    async ({ page, context }, use) => {
      const problems = [];
      context.on("request", (request) => {
        const url = request.url();
        // A navigation is the reader or the test going to another page (a source link, say),
        // not the widget fetching anything.
        if (inline(url) || request.isNavigationRequest()) return;
        const origin = new URL(url).origin;
        const from = request.frame().url();
        if (!LOCAL.has(origin)) problems.push(`request to another origin: ${url}`);
        else if (from.startsWith(WIDGET) && origin !== WIDGET) problems.push(`the widget requested ${url}`);
      });
      await use();
      expect(problems, "requests").toEqual([]);
      expect(await context.cookies(), "cookies").toEqual([]);
      for (const frame of page.frames()) {
        if (!/^https?:/.test(frame.url())) continue;
        // The story desk keeps the editor's drafts in this browser, by design; readers' pages
        // never do (desk.spec.mjs clears them before it opens one).
        if (new URL(frame.url()).pathname.startsWith("/desk/")) continue;
        const stored = await frame
          .evaluate(async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            indexedDB: (await indexedDB.databases()).map((d) => d.name),
          }))
          .catch(() => null); // a frame that navigated away meanwhile
        if (stored) expect(stored, `storage in ${frame.url()}`).toEqual({ local: 0, session: 0, indexedDB: [] });
      }
    },
    { auto: true },
  ],
});
