import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, since Playwright's own browser download is not reachable everywhere.
// The background-networking flags keep it from calling out to Google's services at start.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Where the workers share the page states already scanned for accessibility (e2e/accessibility.ts).
  globalSetup: "./e2e/scanned-states.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A test is a whole journey (register, pay, wait for a background job and an email) against a
  // production build on two cores, with an accessibility scan of every page it opens: a minute
  // leaves room for a busy machine without hiding a hang.
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORT}`,
    // The tests play the one proxy in front of the app: each names its own client address in
    // X-Forwarded-For (e2e/fixtures.ts), so per-address limits do not add up across the suite.
    // Simulated waits (a refund that settles "some time later") pass 60 times faster.
    env: { TRUSTED_PROXY_HOPS: "1", SANDBOX_TIME_SCALE: "60" },
    url: `${baseURL}/en`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
