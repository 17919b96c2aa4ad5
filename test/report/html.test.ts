import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import vm from "node:vm";
import { renderHtml } from "../../server/src/report/html";
import { buildAuditReport } from "../../server/src/report/model";
import { finding, htmlScorecardRows, quietHiddenWarnings, rule, STATS } from "./helpers";

const RULES = [rule("config/no-hardcoded-secret", "III", "warning", true), rule("port-binding/no-fixed-port", "VII", "warning", true), rule("dependencies/no-lockfile", "II", "info")];

const HOSTILE_FILE = "src/<script>alert(1)</script> a&b #1.ts";
const HOSTILE_MESSAGE = `Bad <img src=x onerror="alert(1)"> & 'quoted' value.`;

function sampleReport() {
  return buildAuditReport({
    root: "/srv/shop",
    projectName: `"><b>shop</b>`,
    stats: STATS,
    rules: RULES,
    baselined: 2,
    notes: [{ level: "warning", file: "assets/<x>.bin", message: "binary <file> skipped" }],
    findings: [
      finding({ ruleId: "port-binding/no-fixed-port", factor: "VII", file: "src/server.ts", line: 3, fixable: true, message: "Port 3000 is hardcoded in listen()." }),
      finding({ ruleId: "config/no-hardcoded-secret", factor: "III", severity: "error", file: HOSTILE_FILE, line: 4, message: HOSTILE_MESSAGE }),
      finding({ ruleId: "dependencies/no-lockfile", factor: "II", severity: "info", file: "package.json", line: 1 }),
    ],
  });
}

/** Every `<a>` in the page as its attributes. */
function anchors(html: string): Record<string, string>[] {
  return [...html.matchAll(/<a ([^>]*)>/g)].map((match) => Object.fromEntries([...match[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((attr) => [attr[1], attr[2]])));
}

describe("renderHtml, file mode (CLI --format html)", () => {
  const html = renderHtml(sampleReport());

  it("shows the twelve factor rows in order with status and counts", () => {
    assert.deepEqual(htmlScorecardRows(html), [
      { factor: "I", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "II", status: "info", error: 0, warning: 0, info: 1 },
      { factor: "III", status: "errors", error: 1, warning: 0, info: 0 },
      { factor: "IV", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "V", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "VI", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "VII", status: "warnings", error: 0, warning: 1, info: 0 },
      { factor: "VIII", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "IX", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "X", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "XI", status: "not-applicable", error: 0, warning: 0, info: 0 },
      { factor: "XII", status: "not-applicable", error: 0, warning: 0, info: 0 },
    ]);
    assert.equal((html.match(/<details class="factor" /g) ?? []).length, 12);
    // Factors with findings start open, clean ones closed.
    assert.match(html, /<details class="factor" id="factor-III" data-factor="III" data-status="errors" open>/);
    assert.match(html, /<details class="factor" id="factor-I" data-factor="I" data-status="not-applicable">/);
  });

  it("sums up files, time, severities, fixable and baselined findings, and lists the top fixes", () => {
    const stats = [...html.matchAll(/<li><span class="value[^"]*">([^<]*)<\/span> <span class="muted">([^<]*)<\/span><\/li>/g)].map((match) => `${match[2]}=${match[1]}`);
    assert.deepEqual(stats, ["Files scanned=7", "Time taken=1.5 s", "Errors=1", "Warnings=1", "Info=1", "Fixable=1"]);
    assert.match(html, /<span class="value sev-error">1<\/span> <span class="muted">Errors<\/span>/);
    assert.match(html, /2 findings recorded in the baseline are not shown\./);
    const top = /<ol class="top">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
    assert.deepEqual(
      [...top.matchAll(/<strong><a href="[^"]*">([^<]*)<\/a><\/strong>/g)].map((match) => match[1]),
      ["config/no-hardcoded-secret", "port-binding/no-fixed-port", "dependencies/no-lockfile"],
    );
    assert.match(top, /port-binding\/no-fixed-port<\/a><\/strong> <span class="muted">\(Factor VII · Port binding\)<\/span>: 1 finding \(<span class="sev sev-warning">warning<\/span>, 1 fixable\)\./);
  });

  it("links each finding to <file>#L<line>, percent-encoded, and docs to the rule page", () => {
    const findingLinks = anchors(html).filter((attrs) => attrs.class === "finding-link loc");
    assert.deepEqual(
      [...new Set(findingLinks.map((attrs) => attrs.href))].sort(),
      ["package.json#L1", "src/%3Cscript%3Ealert(1)%3C/script%3E%20a%26b%20%231.ts#L4", "src/server.ts#L3"],
    );
    assert.ok(anchors(html).some((attrs) => attrs.href === "https://example.invalid/docs/port-binding/no-fixed-port.md"));
    const moved = renderHtml(sampleReport(), { linkBase: "../" });
    assert.ok(anchors(moved).some((attrs) => attrs.href === "../src/server.ts#L3"));
  });

  it("escapes project text: file names, messages, notes and the project name", () => {
    assert.ok(!html.includes("<script"), "no <script> at all in file mode");
    assert.ok(!html.includes("<img"));
    assert.ok(!html.includes("<b>shop"));
    assert.ok(!html.includes("<x>"));
    assert.ok(html.includes("src/&#60;script&#62;alert(1)&#60;/script&#62; a&#38;b #1.ts:4"));
    assert.ok(html.includes("Bad &#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;quoted&#39; value."));
    assert.ok(html.includes("<title>Twelve-Factor audit: &#34;&#62;&#60;b&#62;shop&#60;/b&#62;</title>"));
    assert.ok(html.includes("binary &#60;file&#62; skipped"));
  });

  it("is self-contained: a strict CSP that admits only its own stylesheet, no script, no remote resources", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const css = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(css).digest("base64");
    assert.equal(csp, `default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;`);
    assert.equal((html.match(/<style/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|video|audio|source)\b/);
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    assert.deepEqual(tags.filter((tag) => /\s(src|srcset|poster|action|formaction|background)=/.test(tag)), []);
    assert.doesNotMatch(css, /url\(|@import|https?:/);
    // The only absolute URLs are the rule-docs links a reader may follow.
    const urls = [...html.matchAll(/https?:\/\/[^"'\s<)]+/g)].map((match) => match[0]);
    const docsHrefs = new Set(anchors(html).map((attrs) => attrs.href));
    assert.ok(urls.length > 0 && urls.every((url) => docsHrefs.has(url)), `unexpected URLs: ${urls.filter((url) => !docsHrefs.has(url)).join(", ")}`);
  });

  it("never shows a pass for a factor whose findings --quiet hid, and says what was hidden", () => {
    const quiet = renderHtml(
      buildAuditReport({
        root: "/srv/shop",
        stats: STATS,
        rules: RULES,
        findings: [finding({ ruleId: "config/no-hardcoded-secret", factor: "III", severity: "error", file: "src/pay.ts", line: 2 })],
        hidden: {
          by: "--quiet",
          findings: quietHiddenWarnings(),
        },
      }),
    );
    const badges = [...quiet.matchAll(/<tr data-factor="(II|III|VII)" data-status="([^"]+)">.*?<span class="status [^"]+"><span aria-hidden="true">.<\/span> ([^<]+)<\/span>/g)].map((match) => match.slice(1).join(" "));
    assert.deepEqual(badges, ["II pass Pass", "III errors Errors, 1 warning hidden (--quiet)", "VII warnings 2 warnings hidden (--quiet)"]);
    assert.ok(quiet.includes(`<p class="hidden-findings muted">3 warnings hidden by --quiet: the findings below leave them out, the factors' statuses count them.</p>`));
    assert.ok(quiet.includes(`<summary><h3>VII. Port binding</h3> <span class="status status-warnings"><span aria-hidden="true">⚠</span> 2 warnings hidden (--quiet)</span>`));
  });

  it("is deterministic: two renders of the same findings are byte-identical", () => {
    assert.equal(renderHtml(sampleReport()), html);
  });
});

describe("renderHtml, rules and messages as a reader sees them", () => {
  const report = buildAuditReport({
    root: "/srv/shop",
    stats: STATS,
    rules: [rule("dependencies/undeclared-dependency", "II", "info"), rule("dependencies/no-lockfile", "II", "info"), rule("dependencies/unpinned-version", "II", "info"), rule("processes/no-local-state", "VI")],
    findings: [
      finding({ ruleId: "dependencies/undeclared-dependency", factor: "II", severity: "info", file: "src/a.ts", line: 2, message: "zod is imported but not declared; run `npm install zod` (or `npm i <pkg>`), then commit. A lone ` stays." }),
    ],
  });
  const html = renderHtml(report);
  const ruleBlocks = (factor: string) => [...(new RegExp(`<details class="factor" id="factor-${factor}"[^>]*>(.*?)</details>`, "s").exec(html)?.[1] ?? "").matchAll(/data-rule="([^"]+)"/g)].map((match) => match[1]);

  it("lists only the rules that found something, and counts the clean ones in one line", () => {
    assert.deepEqual(ruleBlocks("II"), ["dependencies/undeclared-dependency"]);
    assert.match(html, /<p class="muted clean">2 more rules checked: no findings\.<\/p><\/details>/);
    assert.deepEqual(ruleBlocks("VI"), []);
    assert.match(html, /id="factor-VI"[^>]*>.*?<p class="muted clean">1 rule checked: no findings\.<\/p><\/details>/s);
    assert.doesNotMatch(html, /0 findings/);
    // A factor no rule checks says so, as before.
    assert.match(html, /id="factor-I"[^>]*>.*?<p class="muted">No rule checks this factor yet\.<\/p><\/details>/s);
  });

  it("shows backtick-quoted commands as code, escaped, and leaves an unpaired backtick as text", () => {
    assert.ok(
      html.includes("zod is imported but not declared; run <code>npm install zod</code> (or <code>npm i &#60;pkg&#62;</code>), then commit. A lone ` stays."),
      "the message with its code spans",
    );
    assert.ok(!html.includes("`npm install zod`"));
  });
});

describe("renderHtml, webview mode", () => {
  const webview = { cspSource: "vscode-webview://abc", nonce: "n0nceVALUE123" };
  const html = renderHtml(sampleReport(), { webview });

  it("allows only the nonce'd script and style and the webview's own source", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; style-src vscode-webview://abc 'nonce-n0nceVALUE123'; script-src 'nonce-n0nceVALUE123'; img-src vscode-webview://abc; font-src vscode-webview://abc; base-uri 'none'; form-action 'none'");
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="n0nceVALUE123">']);
    assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="n0nceVALUE123">']);
  });

  it("offers re-run, fix-all and export as real buttons, and findings as links carrying their location", () => {
    assert.deepEqual(
      [...html.matchAll(/<button type="button" data-action="(\w+)"(?: data-format="(\w+)")?>([^<]+)<\/button>/g)].map((match) => [match[1], match[2], match[3]]),
      [
        // The stale banner's, hidden until the code changes.
        ["rerun", undefined, "Re-run audit"],
        ["rerun", undefined, "Re-run audit"],
        ["fixAll", undefined, "Fix all safe problems…"],
        ["export", "html", "Export HTML"],
        ["export", "markdown", "Export Markdown"],
      ],
    );
    const link = anchors(html).find((attrs) => attrs["data-file"] === "src/server.ts");
    assert.deepEqual(link, { class: "finding-link loc", href: "#", "data-file": "src/server.ts", "data-line": "3", "data-column": "5" });
  });

  it("has a stale banner, hidden until the extension says the code changed", () => {
    assert.match(html, /<div class="stale" id="stale" role="status" hidden><span>The code changed since this audit: these results may be out of date\.<\/span> <button type="button" data-action="rerun">Re-run audit<\/button><\/div>/);
    assert.ok(!renderHtml(sampleReport()).includes('id="stale"'), "not in file mode");
  });

  it("its script posts open, rerun, fixAll and export messages for clicks, and unhides the banner on a stale message", () => {
    const script = /<script nonce="n0nceVALUE123">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    const posted: unknown[] = [];
    let onClick: ((event: unknown) => void) | undefined;
    class Element {
      constructor(private readonly attrs: Record<string, string>) {}
      closest() {
        return this;
      }
      getAttribute(name: string) {
        return this.attrs[name] ?? null;
      }
    }
    let onMessage: ((event: { data: unknown }) => void) | undefined;
    const banner = { hidden: true };
    vm.runInNewContext(script, {
      Element,
      acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message) }),
      document: { addEventListener: (type: string, listener: (event: unknown) => void) => (onClick = type === "click" ? listener : onClick), getElementById: (id: string) => (id === "stale" ? banner : null) },
      window: { addEventListener: (type: string, listener: (event: { data: unknown }) => void) => (onMessage = type === "message" ? listener : onMessage) },
    });
    onMessage?.({ data: { type: "something else" } });
    onMessage?.({ data: null });
    assert.equal(banner.hidden, true);
    onMessage?.({ data: { type: "stale" } });
    assert.equal(banner.hidden, false);
    assert.deepEqual(JSON.parse(JSON.stringify(posted.splice(1))), [{ type: "staleShown" }], "it tells the extension the banner is up");
    let prevented = 0;
    const click = (attrs: Record<string, string>) => onClick?.({ target: new Element(attrs), preventDefault: () => prevented++ });
    click({ "data-file": "src/<x>.ts", "data-line": "3", "data-column": "5" });
    click({ "data-action": "rerun" });
    click({ "data-action": "fixAll" });
    click({ "data-action": "export", "data-format": "markdown" });
    onClick?.({ target: "not an element", preventDefault: () => prevented++ });
    assert.deepEqual(JSON.parse(JSON.stringify(posted)), [
      { type: "ready" },
      { type: "open", file: "src/<x>.ts", line: 3, column: 5 },
      { type: "rerun" },
      { type: "fixAll" },
      { type: "export", format: "markdown" },
    ]);
    assert.equal(prevented, 4);
  });
});
