/** Text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text whose `code spans` become `<code>` elements (messages and descriptions quote commands and
 * identifiers that way: "run `npm install zod`"). Every piece is escaped first; a backtick
 * without a partner stays a literal backtick.
 */
export function escapeHtmlWithCode(text: string): string {
  let html = "";
  let rest = text;
  for (let match = /`([^`]+)`/.exec(rest); match; match = /`([^`]+)`/.exec(rest)) {
    html += `${escapeHtml(rest.slice(0, match.index))}<code>${escapeHtml(match[1])}</code>`;
    rest = rest.slice(match.index + match[0].length);
  }
  return html + escapeHtml(rest);
}

/**
 * A project-relative path as a URL path: each segment percent-encoded, so a `#`, `?`, space or
 * `<` in a file name cannot end the path or start a query.
 */
export function encodePath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** One line of GitHub-flavoured Markdown text: no HTML, no emphasis, links or table breaks sneak in. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * A Markdown code span that holds `text` verbatim: the fence is one backtick longer than the
 * longest run inside, and padded when the text starts or ends with a backtick (CommonMark 6.1).
 * Pipes are escaped too, since GitHub splits table cells on them even inside code spans.
 */
export function codeSpan(text: string, inTable = false): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  const body = inTable ? flat.replace(/\|/g, "\\|") : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}
