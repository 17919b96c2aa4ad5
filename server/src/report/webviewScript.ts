/**
 * The webview's only script (nonce'd): turns clicks on findings and action buttons into
 * messages for the extension, and shows the stale banner when the extension says the code
 * changed since the audit. Links and buttons are real elements, so Enter and Space work too.
 */
export const WEBVIEW_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  window.addEventListener("message", function (event) {
    const banner = document.getElementById("stale");
    if (banner && event.data && event.data.type === "stale") {
      banner.hidden = false;
      vscode.postMessage({ type: "staleShown" });
    }
  });
  // A page shown again after being hidden is loaded afresh: ask whether the banner belongs.
  vscode.postMessage({ type: "ready" });
  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target.closest("[data-file], [data-action]") : null;
    if (!target) return;
    event.preventDefault();
    const action = target.getAttribute("data-action");
    if (action === "export") {
      vscode.postMessage({ type: "export", format: target.getAttribute("data-format") });
    } else if (action === "rerun" || action === "fixAll") {
      vscode.postMessage({ type: action });
    } else {
      vscode.postMessage({
        type: "open",
        file: target.getAttribute("data-file"),
        line: Number(target.getAttribute("data-line")),
        column: Number(target.getAttribute("data-column")),
      });
    }
  });
})();
`;
