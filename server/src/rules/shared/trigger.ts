/**
 * Builds a rule's text pre-scan from its data tables, so a new table row never needs a trigger
 * edit. A file can only reach a library through its module specifier (quoted in an import or
 * require) or through a member name written in the file, so matching either over-approximates.
 */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * Member names too common to select anything (`export default`, `fs.promises`, and words that
 * shipped library code uses everywhere). Reaching these members needs the module in the file
 * anyway, and its specifier matches.
 */
const STOP_WORDS = new Set(["default", "promises", "Stream", "transport", "transports", "destination", "forRoot", "Console", "fastify", "getStream", "createStream", "addStream", "createLogger"]);

export function buildTrigger(options: { modules: Iterable<string>; words: Iterable<string>; extra?: readonly string[] }): RegExp {
  const modules = [...new Set(options.modules)].sort().map(escape);
  const words = [...new Set(options.words)].filter((word) => word.length >= 5 && /^[\w$]+$/.test(word) && !STOP_WORDS.has(word)).sort();
  // A specifier only counts where a module is named: after `from`, `import` or `require(`.
  const parts = [`(?:\\bfrom|\\bimport|\\brequire)\\s*\\(?\\s*["'\`](?:node:)?(?:${modules.join("|")})["'\`/]`];
  if (words.length > 0) parts.push(`\\b(?:${words.join("|")})\\b`);
  parts.push(...(options.extra ?? []));
  return new RegExp(parts.join("|"));
}
