// Starts the Inbox Access Explainer on every [data-inbox-explainer] placeholder of this page,
// each in its own shadow root with its own styles. See "Direct mount" in the README.
//
// The build (scripts/styles-and-mount) writes this file as mount.js, with the app's two
// placeholders below replaced by this build's file names.
import init from "./__APP_MODULE__";

// Its styles, and the stories in languages other than the built-in one, are beside this file.
const styles = new URL("inbox-explainer.css", import.meta.url).href;
const stories = new URL("stories/", import.meta.url).href;
for (const placeholder of document.querySelectorAll("[data-inbox-explainer]")) {
  placeholder.dataset.styles ??= styles;
  placeholder.dataset.stories ??= stories;
}
// After a panic, reported once by the explainer (src/fault.rs), the wasm stops with a trap:
// the same fault, so it is kept out of the console.
const alreadyReported = (error) =>
  error instanceof WebAssembly.RuntimeError && document.querySelector("[data-failed]") !== null;
addEventListener("error", (event) => alreadyReported(event.error) && event.preventDefault());
addEventListener("unhandledrejection", (event) => alreadyReported(event.reason) && event.preventDefault());

try {
  await init({ module_or_path: new URL("__APP_WASM__", import.meta.url) });
} catch (error) {
  // The placeholders keep what they hold; say once why nothing more came.
  for (const placeholder of document.querySelectorAll("[data-inbox-explainer]")) {
    placeholder.setAttribute("data-failed", "");
  }
  console.error("inbox-explainer: the interactive version could not start:", error);
}
