// Every browser test runs with these checks: the widget reaches no origin but its own, and
// leaves nothing behind (no cookies, no localStorage, sessionStorage or IndexedDB).
import { test as base, expect } from "@playwright/test";

export { expect };

const WIDGET = "http://127.0.0.1:8090";
/** The test servers: the widget's origin and the article pages' (two names for one). */
const LOCAL = new Set([WIDGET, "http://127.0.0.1:8091", "http://localhost:8091"]);
const inline = (url) => url.startsWith("data:") || url.startsWith("blob:");

export const test = base.extend({
  privacy: [
    async ({ page, context }, use) => {
      const problems = [];
      context.on("request", (request) => {
        const url = request.url();
        if (inline(url)) return;
        const origin = new URL(url).origin;
        const from = request.frame()?.url() ?? "";
        if (!LOCAL.has(origin)) problems.push(`request to another origin: ${url}`);
        // A navigation is the test going to another page, not the widget fetching.
        else if (from.startsWith(WIDGET) && origin !== WIDGET && !request.isNavigationRequest()) {
          problems.push(`the widget requested ${url}`);
        }
      });
      await use();
      expect(problems, "requests").toEqual([]);
      expect(await context.cookies(), "cookies").toEqual([]);
      for (const frame of page.frames()) {
        if (!/^https?:/.test(frame.url())) continue;
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
