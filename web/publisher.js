// The publisher page: options in, preview and copyable snippets out. Plain DOM, no framework.
const base = new URL("./", location.href).href;
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const status = document.getElementById("copied");
const TITLE = "Explainer: what access to your Facebook inbox would mean";

const escape = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The chosen options, without the defaults, so snippets stay short. */
function chosen() {
  const data = new FormData(form);
  const defaults = { step: "1", view: "alleged", lang: "en", theme: "auto" };
  const step = Math.min(10, Math.max(1, parseInt(data.get("step"), 10) || 1));
  const values = { step: String(step), view: data.get("view"), lang: data.get("lang"), theme: data.get("theme") };
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== defaults[key]));
}

function snippets(options) {
  const query = new URLSearchParams(options).toString();
  const url = query ? `${base}?${query}` : base;
  const attributes = Object.entries(options).map(([key, value]) => ` data-${key}="${escape(value)}"`).join("");
  return {
    loader: `<div data-inbox-explainer-embed style="height:1400px" data-src="${escape(base)}"${attributes}\n     data-title="${TITLE}"></div>\n<script src="${escape(base)}embed.js" async></script>`,
    iframe: `<iframe src="${escape(url)}" title="${TITLE}"\n        loading="lazy" style="width:100%;height:1400px;border:0"></iframe>`,
    pym: `<div id="inbox-explainer"></div>\n<script src="https://pym.nprapps.org/pym.v1.min.js"></script>\n<script>new pym.Parent("inbox-explainer", "${escape(url)}", {});</script>`,
    amp: `<amp-iframe width="360" height="1400" layout="responsive" resizable\n    sandbox="allow-scripts allow-same-origin" title="${TITLE}"\n    src="${escape(url)}">\n  <div placeholder>Inbox Access Explainer</div>\n  <div overflow tabindex="0" role="button" aria-label="Show the whole explainer">Show more</div>\n</amp-iframe>`,
    direct: `<div data-inbox-explainer${attributes}></div>\n<script type="module" src="${escape(base)}mount.js"></script>`,
    url,
  };
}

function update() {
  const options = chosen();
  const all = snippets(options);
  if (preview.getAttribute("src") !== all.url) preview.src = all.url;
  for (const box of document.querySelectorAll(".snippet")) {
    box.querySelector("textarea").value = all[box.dataset.kind];
  }
}

for (const box of document.querySelectorAll(".snippet")) {
  const code = document.createElement("textarea");
  code.readOnly = true;
  code.rows = 5;
  code.spellcheck = false;
  code.setAttribute("aria-label", `${box.querySelector("h3").textContent}: snippet`);
  const copy = document.createElement("button");
  copy.type = "button";
  copy.textContent = "Copy";
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = `Copied: ${box.querySelector("h3").textContent}`;
    } catch {
      code.select();
      status.textContent = "Select the snippet and copy it with your keyboard.";
    }
  });
  box.append(code, copy);
}
form.addEventListener("input", update);
update();
