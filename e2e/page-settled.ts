import type { Page } from "@playwright/test";

// Next.js shows a client-side navigation over several renders (the <title> comes a moment after
// the content), so a page counts as settled once its load event has fired and its DOM has then
// stayed still for a moment.
export async function settled(page: Page) {
  await page.waitForLoadState("load", { timeout: 10_000 });
  await page.evaluate(domStill);
}

// Resolves once the DOM has not changed for 100 ms, or after a second on a page that keeps changing.
function domStill() {
  return new Promise<void>((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => waitForQuiet());
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
      resolve();
    };
    const waitForQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, 100);
    };
    const deadline = setTimeout(done, 1_000);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    waitForQuiet();
  });
}
