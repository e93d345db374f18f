// End-to-end tests against the release build in dist/, in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";

const port = 8090;
const hostPort = 8091;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1200, height: 900 } } },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], browserName: "chromium", viewport: { width: 360, height: 780 } },
    },
  ],
  webServer: [
    // The explainer, as a publisher would host it, under the strict Content-Security-Policy
    // the README gives: every test runs under it.
    {
      command: `node tests/e2e/serve.mjs dist ${port} --csp`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
    },
    // Article pages that embed it, on another origin; Pym.js from its npm package.
    {
      command: `node tests/e2e/serve.mjs tests/e2e/hosts ${hostPort} /vendor/=node_modules/pym.js/dist`,
      url: `http://127.0.0.1:${hostPort}/loader.html`,
      reuseExistingServer: false,
    },
  ],
});
