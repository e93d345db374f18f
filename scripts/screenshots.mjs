// Saves every step of the built explainer at 360 px and 1200 px, in the light and the dark
// theme, as a reader sees it on landing on the step (its kicker at the top of the screen; step
// 1 from the top of the page), then composes contact sheets of them for the README.
// Usage: node scripts/screenshots.mjs OUT_DIR SHEET_DIR (dist/ must be built).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const out = resolve(process.argv[2] ?? "target/screenshots");
const sheets = resolve(process.argv[3] ?? "docs");
const port = 8097;
mkdirSync(out, { recursive: true });
mkdirSync(sheets, { recursive: true });

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(port), "--csp"], { stdio: "ignore" });
await new Promise((done) => setTimeout(done, 400));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const sizes = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1200, height: 900 },
];
const themes = ["light", "dark"];
const shots = {};
try {
  for (const size of sizes) {
    for (const theme of themes) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
      await page.goto(`http://127.0.0.1:${port}/?theme=${theme}`);
      await page.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
      const total = await page.locator(".ia-progress__step").count();
      for (let step = 1; step <= total; step++) {
        await page.goto(`http://127.0.0.1:${port}/?theme=${theme}&step=${step}`);
        await page.locator("[data-inbox-explainer][data-ready]").waitFor({ state: "attached" });
        await page.evaluate((step) => {
          const kicker = document.querySelector(".ia-interactive .ia-kicker");
          const top = step === 1 ? 0 : kicker.getBoundingClientRect().top + scrollY - 8;
          scrollTo(0, top);
        }, step);
        const file = join(out, `${size.name}-${theme}-${String(step).padStart(2, "0")}.png`);
        await page.screenshot({ path: file });
        (shots[`${size.name}-${theme}`] ??= []).push(file);
      }
      await page.close();
    }
  }

  // One sheet per size: a row per theme, a column per step.
  for (const size of sizes) {
    const scale = size.name === "phone" ? 0.5 : 0.3;
    const rows = themes
      .map((theme) => {
        const cells = shots[`${size.name}-${theme}`]
          .map((file, i) => {
            const data = readFileSync(file).toString("base64");
            return `<figure><img src="data:image/png;base64,${data}" width="${Math.round(size.width * scale)}"><figcaption>${i + 1}</figcaption></figure>`;
          })
          .join("");
        return `<div class="row">${cells}</div>`;
      })
      .join("");
    const columns = size.name === "phone" ? 10 : 5;
    const html = `<!doctype html><style>
      body{margin:0;padding:12px;background:#d9dce1;font:12px system-ui,sans-serif}
      .row{display:grid;grid-template-columns:repeat(${columns},max-content);gap:10px;margin-bottom:14px}
      figure{margin:0}img{display:block;box-shadow:0 1px 4px #0004}figcaption{text-align:center;padding-top:2px}
    </style>${rows}`;
    const page = await browser.newPage({ viewport: { width: 400, height: 300 } });
    await page.setContent(html);
    const file = join(sheets, `contact-sheet-${size.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await page.close();
    console.log(`contact sheet: ${file}`);
  }
  console.log(`${Object.values(shots).flat().length} screenshots in ${out}`);
} finally {
  await browser.close();
  server.kill();
}
