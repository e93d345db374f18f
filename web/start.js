// Starts the explainer on this page. A file, not an inline script, so the page works under
// a Content-Security-Policy without 'unsafe-inline'. Its tag names the app's files (Trunk
// writes it from `pattern_script` in Trunk.toml).
//
// The built page already shows the first step, so the app's code is fetched only once the
// page has loaded and been painted: it never competes with the page for the network or the
// main thread before the reader sees it (the page has no preload links for it either).
const loaded = new Promise((resolve) => {
  if (document.readyState === "complete") resolve();
  else addEventListener("load", resolve, { once: true });
});
const painted = new Promise((resolve) => {
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        resolve();
      }
    }).observe({ type: "paint", buffered: true });
  } catch {
    // No paint timing: the fallback below.
  }
  // Some browsers paint only when a frame is asked for. Frames that are never painted (hidden
  // tabs, iframes out of view) and browsers without paint timing go on a second after load.
  loaded.then(() => {
    requestAnimationFrame(() => {});
    setTimeout(resolve, 1000);
  });
});

const app = document.querySelector("script[data-app-module][data-app-wasm]")?.dataset;
const placeholders = document.querySelectorAll("[data-inbox-explainer]");

// Stories in languages other than the built-in one are served beside this file.
const stories = new URL("stories/", import.meta.url).href;
for (const placeholder of placeholders) placeholder.dataset.stories ??= stories;

// After a panic, reported once by the explainer (src/fault.rs), the wasm stops with a trap:
// the same fault, so it is kept out of the console.
const alreadyReported = (error) =>
  error instanceof WebAssembly.RuntimeError && document.querySelector("[data-failed]") !== null;
addEventListener("error", (event) => alreadyReported(event.error) && event.preventDefault());
addEventListener("unhandledrejection", (event) => alreadyReported(event.reason) && event.preventDefault());

// The app runs when the explainer comes into view (at once on its own page): in an article,
// a reader who never scrolls to it never pays for it, and the article's loading is not slowed.
// Its code is fetched and compiled before, so it is ready when it is needed.
const inView = new Promise((resolve) => {
  if (!("IntersectionObserver" in window) || placeholders.length === 0) return resolve();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      resolve();
    }
  });
  for (const placeholder of placeholders) observer.observe(placeholder);
});

const compile = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
  // Compiled as it downloads, unless served without the wasm content type.
  return response.headers.get("content-type")?.startsWith("application/wasm") && WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
};

try {
  if (!app) throw new Error("the page's start.js tag does not name the app's files");
  await Promise.all([loaded, painted]);
  const [{ default: init }, module] = await Promise.all([import(app.appModule), compile(app.appWasm)]);
  await inView;
  await init({ module_or_path: module });
} catch (error) {
  // The page already holds the whole explanation: show it, with a notice, instead of controls
  // that would do nothing.
  for (const placeholder of placeholders) placeholder.setAttribute("data-failed", "");
  console.error("inbox-explainer: the interactive version could not start:", error);
}
