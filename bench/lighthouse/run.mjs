// Runs Lighthouse (mobile, simulated throttling) on a list of URLs in one Chromium.
//
// Usage: node run.mjs URL... ; prints one JSON line per URL to stdout, in order.
// Called by bench/lighthouse.py, which serves the sites, repeats the runs and
// takes medians. One browser for every run: starting Chromium costs seconds,
// and Lighthouse opens a fresh tab (with its cache and storage cleared) per run.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
// No internet here: without the background-networking flags Chromium keeps trying to reach its services.
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

function summary(lhr) {
  const audits = lhr.audits;
  const requests = (audits["network-requests"].details?.items || []).map((r) => ({
    url: r.url, type: r.resourceType, transferred: r.transferSize || 0, status: r.statusCode,
  }));
  const failed = (category) => lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
    .map((ref) => ref.id);
  return {
    url: lhr.finalDisplayedUrl,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
    lcp_ms: audits["largest-contentful-paint"].numericValue,
    tbt_ms: audits["total-blocking-time"].numericValue,
    fcp_ms: audits["first-contentful-paint"].numericValue,
    cls: audits["cumulative-layout-shift"].numericValue,
    speed_index_ms: audits["speed-index"].numericValue,
    transferred: audits["total-byte-weight"].numericValue,
    requests,
    failed_audits: Object.fromEntries(CATEGORIES.map((c) => [c, failed(c)])),
    runtime_error: lhr.runtimeError?.message || null,
  };
}

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
process.on("SIGTERM", async () => {
  await chrome.kill();
  process.exit(143);
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
      formFactor: "mobile", throttlingMethod: "simulate",
      // Not scored, and the slowest parts of a run: the back/forward-cache check navigates
      // away and back, the screenshots are for the HTML report, which is not written.
      skipAudits: ["bf-cache", "screenshot-thumbnails", "final-screenshot"], disableFullPageScreenshot: true,
    });
    process.stdout.write(JSON.stringify(summary(result.lhr)) + "\n");
  }
} finally {
  await chrome.kill();
}
