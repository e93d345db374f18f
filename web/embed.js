// Inbox Access Explainer loader. Turns each placeholder
//   <div data-inbox-explainer-embed data-src="https://…/" data-title="…"></div>
// into a titled, lazy-loaded iframe with its height reserved, then follows the explainer's
// height, re-announces its reader events on the placeholder, and keeps its step and view in the
// host page's URL fragment so links and the back and forward buttons work, and scrolls the
// page to a new step's top when the reader moves on from below it. Messages are only accepted
// from the explainer's own origin and its own iframe.
(() => {
  "use strict";
  const OPTIONS = ["step", "view", "lang", "theme", "heading"];
  const DEFAULT_HEIGHT = 1400;

  // The fragment holds one "ia-KEY=STEP.VIEW" entry per explainer, beside anything else.
  const readFragment = () => {
    const entries = new Map();
    for (const part of location.hash.slice(1).split("&")) {
      const [key, value] = part.split("=");
      if (key && key.startsWith("ia-") && value) entries.set(decodeURIComponent(key.slice(3)), decodeURIComponent(value));
    }
    return entries;
  };
  const writeFragment = (key, value, replace) => {
    const parts = location.hash.slice(1).split("&").filter((p) => p && !p.startsWith(`ia-${encodeURIComponent(key)}=`));
    parts.push(`ia-${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    const url = `${location.pathname}${location.search}#${parts.join("&")}`;
    if (replace) history.replaceState(history.state, "", url);
    else history.pushState(history.state, "", url);
  };

  const mount = (placeholder, index) => {
    if (placeholder.dataset.inboxExplainerMounted) return;
    let src;
    try {
      src = new URL(placeholder.dataset.src, document.baseURI);
    } catch {
      console.warn("inbox-explainer: data-src is missing or is not a URL; placeholder left as is");
      return;
    }
    if (src.protocol !== "https:" && src.protocol !== "http:") {
      console.warn("inbox-explainer: data-src must be an http(s) URL; placeholder left as is");
      return;
    }
    placeholder.dataset.inboxExplainerMounted = "true";
    const key = placeholder.id || String(index + 1);
    for (const name of OPTIONS) {
      const value = placeholder.getAttribute(`data-${name}`);
      if (value) src.searchParams.set(name, value);
    }
    let position = readFragment().get(key) || "";
    if (position) {
      const [step, view] = position.split(".");
      src.searchParams.set("step", step);
      if (view) src.searchParams.set("view", view);
    }
    src.searchParams.set("parentUrl", location.href.split("#")[0]);

    const iframe = document.createElement("iframe");
    iframe.src = src.href;
    iframe.title = placeholder.dataset.title || "Inbox Access Explainer";
    iframe.loading = "lazy";
    // The snippet reserves the height on the placeholder itself, so the page does not move when
    // the iframe arrives; the iframe takes that height over.
    const given = parseInt(placeholder.dataset.height, 10);
    const reserved = Math.round(placeholder.getBoundingClientRect().height) || (given > 0 ? given : DEFAULT_HEIGHT);
    // Inline !important: a host stylesheet's own !important rules for iframes cannot override it.
    const size = (height) => iframe.style.setProperty("height", `${height}px`, "important");
    iframe.style.cssText =
      "display:block!important;visibility:visible!important;width:100%!important;max-width:100%!important;" +
      "min-height:0!important;max-height:none!important;border:0!important;padding:0!important;box-sizing:border-box!important";
    size(reserved);
    placeholder.replaceChildren(iframe);
    placeholder.style.height = "";
    // The placeholder's box is the explainer's: no page-wide padding or border squeezes it.
    for (const name of ["padding", "border"]) placeholder.style.setProperty(name, "0", "important");

    const origin = src.origin;
    let step = "";
    let view = "";
    let first = true;
    addEventListener("message", (event) => {
      if (event.origin !== origin || event.source !== iframe.contentWindow || typeof event.data !== "string") return;
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!data || typeof data !== "object") return;
      if (data.context === "iframe.resize") {
        const height = Number(data.height);
        if (Number.isFinite(height) && height > 0 && height < 100000) size(Math.ceil(height));
        return;
      }
      // A new step's top is out of view: bring the point `top` px below the iframe's top to
      // just below the top of the screen. Only ever a scroll of this page, never a jump away.
      if (data.type === "inbox-explainer:scroll") {
        const top = Number(data.top);
        if (!Number.isFinite(top) || top < 0 || top > 100000) return;
        const y = iframe.getBoundingClientRect().top + top;
        if (y >= 0 && y <= innerHeight / 2) return;
        const still = data.smooth !== true || matchMedia("(prefers-reduced-motion: reduce)").matches;
        scrollBy({ top: y, behavior: still ? "instant" : "smooth" });
        return;
      }
      if (data.type !== "inbox-explainer:event" || typeof data.event !== "string" || !/^[a-z-]+$/.test(data.event)) return;
      placeholder.dispatchEvent(new CustomEvent(`inbox-explainer:${data.event}`, { bubbles: true, detail: data.detail }));
      const detail = data.detail || {};
      if (data.event === "step-viewed" && typeof detail.id === "string") step = detail.id;
      if (typeof detail.view === "string") view = detail.view;
      if (data.event !== "step-viewed" && data.event !== "view-changed") return;
      const wanted = view ? `${step}.${view}` : step;
      if (wanted !== position) {
        position = wanted;
        // The explainer's first report only records where it opened: no new history entry.
        writeFragment(key, wanted, first);
      }
      first = false;
    });
    addEventListener("popstate", () => {
      const wanted = readFragment().get(key) || "1.alleged";
      if (wanted === position) return;
      position = wanted;
      const [wantedStep, wantedView] = wanted.split(".");
      const message = { type: "inbox-explainer:show", step: wantedStep };
      if (wantedView) message.view = wantedView;
      iframe.contentWindow.postMessage(JSON.stringify(message), origin);
    });
  };

  const start = () => document.querySelectorAll("[data-inbox-explainer-embed]").forEach(mount);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
