// The publisher page: options in, preview and copyable snippets out. Plain DOM, no framework.
// Its languages, steps and each language's readiness come from publisher.json, which the build
// writes from the story files, so the page cannot offer a step or language the stories lack.
const base = new URL("./", location.href).href;
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const status = document.getElementById("copied");
const readiness = document.getElementById("readiness");
/** The stories, once publisher.json has arrived: [{ language, title, steps, ready, open_checks }]. */
let stories = [];
/** The height an embed reserves until the explainer reports its own (from publisher.json). */
let height = 1400;
const TITLE = "Explainer: what access to your Facebook inbox would mean";

const escape = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The chosen options, without the defaults, so snippets stay short. */
function chosen() {
  const data = new FormData(form);
  const defaults = { step: "1", view: "alleged", lang: "en", theme: "auto" };
  const steps = stories.find((story) => story.language === data.get("lang"))?.steps.length || 1;
  const step = Math.min(steps, Math.max(1, parseInt(data.get("step"), 10) || 1));
  const values = { step: String(step), view: data.get("view"), lang: data.get("lang"), theme: data.get("theme") };
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== defaults[key]));
}

function snippets(options) {
  const query = new URLSearchParams(options).toString();
  const url = query ? `${base}?${query}` : base;
  const attributes = Object.entries(options).map(([key, value]) => ` data-${key}="${escape(value)}"`).join("");
  return {
    loader: `<div data-inbox-explainer-embed style="height:${height}px" data-src="${escape(base)}"${attributes}\n     data-title="${TITLE}"></div>\n<script src="${escape(base)}embed.js" async></script>`,
    iframe: `<iframe src="${escape(url)}" title="${TITLE}"\n        loading="lazy" style="width:100%;height:${height}px;border:0"></iframe>`,
    pym: `<div id="inbox-explainer"></div>\n<script src="https://pym.nprapps.org/pym.v1.min.js"></script>\n<script>new pym.Parent("inbox-explainer", "${escape(url)}", {});</script>`,
    amp: `<amp-iframe width="360" height="${height}" layout="responsive" resizable\n    sandbox="allow-scripts allow-same-origin" title="${TITLE}"\n    src="${escape(url)}">\n  <div placeholder>Inbox Access Explainer</div>\n  <div overflow tabindex="0" role="button" aria-label="Show the whole explainer">Show more</div>\n</amp-iframe>`,
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
/** "Spanish (español)": the language's name in English, then in itself. */
function languageName(tag) {
  const inEnglish = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
  const own = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
  return own && own !== inEnglish ? `${inEnglish} (${own})` : inEnglish;
}

function option(value, text) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  return element;
}

/** The chosen language's steps, keeping the chosen step where the language has it. */
function offerSteps() {
  const select = form.elements.step;
  const story = stories.find((s) => s.language === form.elements.lang.value) || stories[0];
  const chosen = Math.min(parseInt(select.value, 10) || 1, story.steps.length);
  select.replaceChildren(...story.steps.map((title, i) => option(String(i + 1), `${i + 1}. ${title}`)));
  select.value = String(chosen);
}

/** Each language: "Ready to publish", or "Not ready to publish" and its open desk checks. */
function showReadiness() {
  readiness.replaceChildren(
    ...stories.map((story) => {
      const block = document.createElement("div");
      block.className = "readiness";
      block.dataset.language = story.language;
      const heading = document.createElement("h3");
      heading.textContent = languageName(story.language);
      const verdict = document.createElement("p");
      verdict.className = story.ready ? "readiness__verdict is-ready" : "readiness__verdict";
      const count = story.open_checks.length;
      verdict.textContent = story.ready
        ? "Ready to publish"
        : `Not ready to publish: ${count} desk ${count === 1 ? "check is" : "checks are"} open`;
      block.append(heading, verdict);
      if (!story.ready) {
        const list = document.createElement("ul");
        for (const check of story.open_checks) {
          const item = document.createElement("li");
          const id = document.createElement("code");
          id.textContent = check.id;
          item.append(id, `: ${check.task}`);
          list.append(item);
        }
        block.append(list);
      }
      return block;
    }),
  );
}

async function load() {
  try {
    const response = await fetch(new URL("publisher.json", base));
    if (!response.ok) throw new Error(`publisher.json answered ${response.status}`);
    const data = await response.json();
    if (!Array.isArray(data.stories) || data.stories.length === 0) throw new Error("publisher.json lists no story");
    stories = data.stories;
    if (Number.isInteger(data.embed_height) && data.embed_height > 0) height = data.embed_height;
  } catch (error) {
    const problem = document.createElement("p");
    problem.className = "readiness__error";
    problem.textContent = `The stories' steps and desk checks could not be read (${error.message}). Rebuild the site; until then only step 1 in English is offered, and readiness is unknown.`;
    readiness.replaceChildren(problem);
    return;
  }
  const language = form.elements.lang;
  language.replaceChildren(...stories.map((story) => option(story.language, languageName(story.language))));
  offerSteps();
  showReadiness();
  update();
}

form.addEventListener("input", (event) => {
  if (event.target.name === "lang" && stories.length) offerSteps();
  update();
});
update();
load();
