/**
 * The report's only stylesheet, inlined. Every colour is a VS Code theme variable with a light
 * fallback, so one page looks native in a webview (any theme) and plain in a browser.
 */
export const REPORT_CSS = `
:root {
  --fg: var(--vscode-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --link: var(--vscode-textLink-foreground, #0969da);
  --focus: var(--vscode-focusBorder, #0969da);
  --error: var(--vscode-editorError-foreground, #cf222e);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --pass: var(--vscode-testing-iconPassed, #1a7f37);
  --button-fg: var(--vscode-button-foreground, #ffffff);
  --button-bg: var(--vscode-button-background, #0969da);
  --button-hover: var(--vscode-button-hoverBackground, #0550ae);
  --code-font: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
}
body { margin: 0 auto; max-width: 980px; padding: 20px 24px 40px; color: var(--fg); background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: var(--vscode-font-size, 14px); line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
h3 { font-size: 1em; margin: 0; display: inline; }
h4 { font-size: 1em; margin: 12px 0 2px; }
p { margin: 4px 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.muted { color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; margin: 12px 0; }
.stats li { border: 1px solid var(--border); border-radius: 6px; padding: 6px 12px; min-width: 96px; }
.stats .value { display: block; font-size: 1.4em; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
button { font: inherit; color: var(--button-fg); background: var(--button-bg); border: 0; border-radius: 3px; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--button-hover); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; white-space: nowrap; }
.status-errors, .sev-error { color: var(--error); }
.status-warnings, .sev-warning { color: var(--warning); }
.status-pass { color: var(--pass); }
.status-info { color: var(--info); }
.status-not-applicable { color: var(--muted); font-weight: normal; }
.sev-info { color: var(--info); }
.sev { font-size: 0.85em; font-weight: 600; }
details.factor { border: 1px solid var(--border); border-radius: 6px; margin: 8px 0; padding: 0 12px; }
details.factor > summary { cursor: pointer; padding: 8px 0; }
details.factor > summary .status { margin-left: 8px; }
.findings { list-style: none; padding-left: 0; margin: 4px 0 8px; }
.findings li { padding: 2px 0; }
.loc, code { font-family: var(--code-font); font-size: 0.95em; }
ol.top li { margin: 4px 0; }
.stale { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 12px 0; padding: 8px 12px; border-radius: 6px;
  border: 1px solid var(--warning); background: var(--vscode-inputValidation-warningBackground, #fff8c5); }
.stale[hidden] { display: none; }
`;
