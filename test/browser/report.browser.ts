/// <reference lib="dom" />
/*
 * The CLI's HTML report in a real browser (headless Chromium through playwright-core): the
 * twelve factor rows, finding links that open existing files at `#L<line>`, keyboard access,
 * the strict CSP leaving the page intact, and no network. Saves report-html.png (into docs/images
 * with TFL_SCREENSHOT_DIR=docs/images, as the README's picture).
 *
 * Not part of `npm test` (it needs Chromium): `npm run test:browser`, which .ci/run calls.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureBuilt, REPO, runCli } from "../cli/helpers";

const CHROMIUM = process.env.TFL_CHROMIUM ?? "/usr/bin/chromium";
// Like the e2e suite: pictures go to a scratch folder unless asked for (the page shows the run
// time, so a test run that rewrote docs/images would change a committed file every time).
const SCREENSHOT = path.join(process.env.TFL_SCREENSHOT_DIR ? path.resolve(REPO, process.env.TFL_SCREENSHOT_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), "tfl-browser-")), "report-html.png");
const FACTORS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

describe("the HTML report of the bundled example in headless Chromium", () => {
  let workdir = "";
  let browser: Browser | undefined;
  let page: Page;
  let findingCount = 0;
  const requests: string[] = [];
  const problems: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set TFL_CHROMIUM`);
    ensureBuilt();
    // A copy of the example, with the report in its root, as a user would write it.
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), "tfl-browser-"));
    fs.cpSync(path.join(REPO, "examples/express-service"), workdir, { recursive: true });
    const json = runCli(workdir, ["--format", "json"]);
    findingCount = (JSON.parse(json.stdout) as { findings: unknown[] }).findings.length;
    const run = runCli(workdir, ["--format", "html", "-o", "twelve-factor-report.html"]);
    assert.equal(run.code, json.code, run.stderr);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(pathToFileURL(path.join(workdir, "twelve-factor-report.html")).href);
  });

  after(async () => {
    await browser?.close();
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
  });

  it("shows twelve factor rows I..XII whose status matches their counts", async () => {
    const rows = await page.locator("table.scorecard tbody tr").evaluateAll((elements) =>
      elements.map((row) => ({
        factor: row.getAttribute("data-factor"),
        status: row.getAttribute("data-status"),
        text: (row as HTMLElement).innerText,
        counts: [...row.querySelectorAll("td.num")].map((cell) => Number(cell.textContent)),
      })),
    );
    assert.deepEqual(rows.map((row) => row.factor), FACTORS);
    let total = 0;
    for (const row of rows) {
      const [errors, warnings, infos] = row.counts;
      total += errors + warnings + infos;
      const expected = errors > 0 ? "errors" : warnings > 0 ? "warnings" : infos > 0 ? "info" : null;
      if (expected) assert.equal(row.status, expected, row.text);
      else assert.ok(row.status === "pass" || row.status === "not-applicable", row.text);
    }
    assert.equal(total, findingCount);
    assert.equal(await page.locator("details.factor").count(), 12);
  });

  it("links every finding to an existing file of the project at #L<line>", async () => {
    const hrefs = await page.locator("a.finding-link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    assert.ok(hrefs.length >= findingCount && findingCount > 0, `${hrefs.length} links for ${findingCount} findings`);
    for (const href of hrefs) {
      const url = new URL(href);
      assert.match(url.hash, /^#L\d+$/, href);
      const file = fileURLToPath(new URL(url.pathname, url));
      assert.ok(file.startsWith(workdir) && fs.statSync(file).isFile(), `${href} opens a file of the project`);
    }
  });

  it("is usable from the keyboard: Tab reaches a finding link with a visible focus ring, Enter toggles a factor", async () => {
    await page.locator("body").focus();
    let reached: { className: string; outline: string } | undefined;
    for (let step = 0; step < 40 && !reached; step++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active?.classList.contains("finding-link")) return undefined;
        return { className: active.className, outline: getComputedStyle(active).outlineStyle };
      });
    }
    assert.ok(reached, "Tab reaches a finding link");
    assert.notEqual(reached.outline, "none");

    // Enter on a factor's summary toggles it, whichever state it starts in (open when it has findings).
    const details = page.locator("details.factor").first();
    const wasOpen = await details.evaluate((element) => (element as HTMLDetailsElement).open);
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    assert.equal(await details.evaluate((element) => (element as HTMLDetailsElement).open), !wasOpen);
    await page.keyboard.press("Enter");
    assert.equal(await details.evaluate((element) => (element as HTMLDetailsElement).open), wasOpen);
  });

  it("loads nothing but itself, and the CSP lets its own stylesheet apply", async () => {
    assert.deepEqual(requests, [page.url()]);
    assert.deepEqual(problems, []);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), "980px");
    assert.equal(await page.locator("script").count(), 0);
  });

  it("saves the screenshot the README shows", async () => {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    // No focus ring left over from the keyboard test in the picture.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // The summary, the top fixes and the scorecard; the findings below are in the page itself.
    await page.setViewportSize({ width: 1100, height: Math.min(height, 1400) });
    await page.screenshot({ path: SCREENSHOT });
    assert.ok(fs.statSync(SCREENSHOT).size > 10_000);
  });
});
