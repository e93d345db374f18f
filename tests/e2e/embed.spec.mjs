// The explainer embedded in article pages on another origin: the loader, a real Pym.js parent,
// two embeds on one page, deep links through the host's URL fragment, reader events, and
// messages from a foreign origin.
import { test, expect } from "./fixtures.mjs";
import { layoutShifts, recordLayoutShifts } from "./helpers.mjs";

const HOST = "http://127.0.0.1:8091";

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "embedding is tested once, on the desktop");
});

/** The explainer's frame, once it has started: it starts when it comes into view. */
async function explainer(page, selector = "iframe") {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const frame = page.frameLocator(selector);
  await frame.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
  return frame;
}

async function frameContentHeight(page, index = 0) {
  const frame = page.frames().filter((f) => f !== page.mainFrame())[index];
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

test("the loader makes a titled, lazy iframe whose height follows the explainer", async ({ page }) => {
  await page.goto(`${HOST}/loader.html`);
  const iframe = page.locator("iframe");
  await expect(iframe).toHaveAttribute("title", "Explainer: what inbox access would mean");
  await expect(iframe).toHaveAttribute("loading", "lazy");
  const frame = await explainer(page);
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(await frameContentHeight(page));
  const first = (await iframe.boundingBox()).height;
  await frame.locator(".ia-progress__step").last().click();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(await frameContentHeight(page));
  expect((await iframe.boundingBox()).height).not.toBe(first);
  // A resize message from anyone but the explainer's own frame and origin is ignored.
  const settled = (await iframe.boundingBox()).height;
  await page.evaluate(() => window.postMessage(JSON.stringify({ context: "iframe.resize", height: 50 }), "*"));
  await page.waitForTimeout(200);
  expect((await iframe.boundingBox()).height).toBe(settled);
  // The frame never needs its own scrollbar.
  const inner = page.frames()[1];
  expect(await inner.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
});

test("reader events reach the placeholder with their documented payloads", async ({ page }) => {
  await page.goto(`${HOST}/loader.html`);
  const frame = await explainer(page);
  const events = () => page.evaluate(() => window.explainerEvents);
  await expect.poll(events).toContainEqual({ name: "step-viewed", target: null, detail: { step: 1, id: "claims", total: 11, view: "alleged" } });
  await frame.locator("[data-view='meta']").click();
  await expect.poll(events).toContainEqual({ name: "view-changed", target: null, detail: { view: "meta" } });
  await frame.locator(".ia-svg:visible [data-select='actor-0'] rect").click();
  await expect.poll(events).toContainEqual({ name: "element-explored", target: null, detail: { kind: "actor", id: "you" } });
  await frame.locator(".ia-progress__step").last().click();
  await expect.poll(events).toContainEqual({ name: "step-viewed", target: null, detail: { step: 11, id: "sources", total: 11, view: "meta" } });
  await expect.poll(events).toContainEqual({ name: "reached-end", target: null, detail: { total: 11 } });
});

test("the host's URL fragment records the step, and back and forward move the explainer", async ({ page }) => {
  await page.goto(`${HOST}/loader.html`);
  const frame = await explainer(page);
  await expect.poll(() => new URL(page.url()).hash).toBe("#ia-1=claims.alleged");
  await frame.locator(".ia-button--next").click();
  await frame.locator(".ia-button--next").click();
  await expect.poll(() => new URL(page.url()).hash).toBe("#ia-1=programmatic-access.alleged");
  await page.goBack();
  await expect(frame.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
  await expect.poll(() => new URL(page.url()).hash).toBe("#ia-1=inbox.alleged");
  await page.goForward();
  await expect(frame.locator(".ia-progress__text")).toHaveText("Step 3 of 11");
  // The host page itself stayed where it was.
  expect(new URL(page.url()).pathname).toBe("/loader.html");
});

test("a link to the host page with a fragment opens the explainer on that step and view", async ({ page }) => {
  await page.goto(`${HOST}/loader.html#ia-1=as-meta-describes.side-by-side`);
  const frame = await explainer(page);
  await expect(frame.locator(".ia-interactive .ia-step__title")).toHaveText("The agreement as Meta describes it");
  await frame.locator(".ia-progress__step").first().click();
  await expect(frame.locator("[data-view='side-by-side']")).toHaveAttribute("aria-pressed", "true");
});

test("two embeds on one page keep separate state", async ({ page }) => {
  await page.goto(`${HOST}/two.html`);
  const first = await explainer(page, "#first iframe");
  const second = await explainer(page, "#second iframe");
  await expect(second.locator("[data-view='meta']")).toHaveAttribute("aria-pressed", "true");
  await first.locator(".ia-button--next").click();
  await expect(first.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
  await expect(second.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain("ia-first=inbox.alleged");
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain("ia-second=claims.meta");
});

test("an explainer out of view has its code ready but starts only when the reader scrolls to it", async ({ page }) => {
  const code = [];
  page.on("request", (request) => /inbox-explainer-.*\.wasm$/.test(request.url()) && code.push(request));
  await page.goto(`${HOST}/two.html`);
  await explainer(page, "#first iframe");
  const second = page.frameLocator("#second iframe");
  await second.locator("[data-inbox-explainer]").waitFor({ state: "attached" });
  await expect.poll(() => code.length, "both frames fetch the code").toBe(2);
  // The second frame's code has arrived and had time to compile, and still it waits.
  for (const request of code) await (await request.response()).finished();
  await page.waitForTimeout(1000);
  await expect(second.locator("[data-inbox-explainer][data-ready]")).toHaveCount(0);
  await explainer(page, "#second iframe");
  await second.locator(".ia-button--next").click();
  await expect(second.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
});

test("under a real Pym.js parent the iframe takes the explainer's height", async ({ page }) => {
  await page.goto(`${HOST}/pym.html`);
  const frame = await explainer(page, "#explainer iframe");
  await expect.poll(async () => parseInt(await page.locator("#explainer iframe").getAttribute("height"), 10)).toBe(await frameContentHeight(page));
  await frame.locator(".ia-progress__step").last().click();
  await expect.poll(async () => parseInt(await page.locator("#explainer iframe").getAttribute("height"), 10)).toBe(await frameContentHeight(page));
});

test("requests from a foreign origin are ignored; the same request from the host is obeyed", async ({ page }) => {
  const request = JSON.stringify({ type: "inbox-explainer:show", step: "timeline" });
  const send = () =>
    page.evaluate((data) => document.getElementById("framed").contentWindow.postMessage(data, "*"), request);

  // The explainer was told its host is 127.0.0.1:8091; this page is on localhost:8091.
  await page.goto("http://localhost:8091/foreign.html");
  let frame = await explainer(page, "#framed");
  await send();
  await page.evaluate(() => document.getElementById("framed").contentWindow.postMessage("<img src=x onerror=alert(1)>", "*"));
  await page.waitForTimeout(300);
  await expect(frame.locator(".ia-progress__text")).toHaveText("Step 1 of 11");

  // The same page on the origin the explainer trusts.
  await page.goto(`${HOST}/foreign.html`);
  frame = await explainer(page, "#framed");
  await send();
  await expect(frame.locator(".ia-interactive .ia-step__title")).toHaveText("Timeline");
});

test("direct mounts are isolated from the host's CSS, and independent of each other", async ({ page }) => {
  await page.goto(`${HOST}/direct.html`);
  await page.locator("#first[data-ready]").waitFor({ state: "attached" });
  await page.locator("#second[data-ready]").waitFor({ state: "attached" });
  const first = page.locator("#first .ia-interactive");
  const second = page.locator("#second .ia-interactive");
  await expect(first.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  await expect(second.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  // The host's rules do not reach in: diagrams show, buttons keep their size and colours.
  await expect(first.locator(".ia-svg:visible")).toHaveCount(1);
  const next = first.locator(".ia-button--next");
  const style = await next.evaluate((b) => {
    const s = getComputedStyle(b);
    return { height: b.getBoundingClientRect().height, color: s.color, background: s.backgroundColor };
  });
  expect(style.height).toBeGreaterThanOrEqual(44);
  expect(style.color).not.toBe("rgb(255, 0, 0)");
  expect(style.background).not.toBe("rgb(0, 255, 0)");
  // The host's font is inherited; the publisher's custom properties restyle only the
  // explainer they are set on.
  const font = async (where) => where.evaluate((e) => getComputedStyle(e.closest(".ia")).fontFamily);
  expect(await font(first)).toBe(await page.evaluate(() => getComputedStyle(document.body).fontFamily));
  const accent = (where) => where.locator(".ia-button--next").evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderRadius]);
  expect(await accent(second)).toEqual(["rgb(0, 100, 0)", "0px"]);
  expect(await accent(first)).not.toEqual(["rgb(0, 100, 0)", "0px"]);
  // Ours do not leak out: the host's element with a shared class name is untouched.
  const outside = await page.locator("#outside").evaluate((p) => getComputedStyle(p).minHeight);
  expect(outside).not.toBe("44px");
  // Each works on its own.
  await expect(second.locator("[data-view='meta']")).toHaveAttribute("aria-pressed", "true");
  await next.click();
  await expect(first.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
  await expect(second.locator(".ia-progress__text")).toHaveText("Step 1 of 11");
  // Keys reach the explainer that has focus, inside its shadow root.
  await second.locator(".ia-button--next").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(second.locator(".ia-progress__text")).toHaveText("Step 3 of 11");
  await expect(first.locator(".ia-progress__text")).toHaveText("Step 2 of 11");
  // Focus returns into the shadow root after a detail closes.
  await page.locator("#second .ia-progress__step").first().click();
  const actor = second.locator(".ia-svg:visible [data-select='actor-0']");
  await actor.focus();
  await page.keyboard.press("Enter");
  await expect(second.locator(".ia-detail")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(actor).toBeFocused();
  // The host page's URL is never touched by a direct mount.
  expect(new URL(page.url()).search + new URL(page.url()).hash).toBe("");
});

test("the loader's page has no layout shift while the explainer loads and sizes itself", async ({ page }) => {
  await recordLayoutShifts(page);
  await page.goto(`${HOST}/loader.html`);
  const iframe = page.locator("iframe");
  await explainer(page);
  // Wait until the iframe has taken the explainer's height.
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(await frameContentHeight(page));
  await page.waitForTimeout(500);
  const shifts = await layoutShifts(page);
  expect(shifts.reduce((sum, value) => sum + value, 0), `layout shifts: ${shifts}`).toBe(0);
});

test("the publisher page previews the chosen options and gives a snippet that works", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "http://127.0.0.1:8090" });
  await page.goto("http://127.0.0.1:8090/publisher.html");
  await page.locator("select[name='step']").selectOption("5");
  await page.locator("select[name='view']").selectOption("meta");
  // The preview starts once it is scrolled into view, below the readiness report.
  await page.locator("#preview").scrollIntoViewIfNeeded();
  const preview = page.frameLocator("#preview");
  await preview.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
  await expect(preview.locator(".ia-interactive .ia-step__title")).toHaveText("The agreement as Meta describes it");
  for (const kind of ["loader", "iframe", "pym", "amp", "direct"]) {
    await expect(page.locator(`.snippet[data-kind='${kind}'] textarea`)).not.toBeEmpty();
  }
  const loader = await page.locator(".snippet[data-kind='loader'] textarea").inputValue();
  expect(loader).toContain('data-step="5"');
  expect(loader).toContain('data-view="meta"');
  await page.locator(".snippet[data-kind='loader'] button").click();
  await expect(page.locator("#copied")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(loader);

  // Pasted into an article page, the snippet opens the explainer as chosen.
  await page.goto(`${HOST}/blank.html`);
  await page.evaluate((html) => {
    document.body.innerHTML = html; // a <script> set this way does not run: add it as a CMS would
    const script = document.createElement("script");
    script.src = document.body.querySelector("script").src;
    document.body.append(script);
  }, loader);
  const embedded = await explainer(page);
  await expect(embedded.locator(".ia-interactive .ia-step__title")).toHaveText("The agreement as Meta describes it");
});
