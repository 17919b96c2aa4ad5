import ts from "typescript";

/**
 * The literal strings a JavaScript or TypeScript config file assigns to some property names,
 * read from its syntax tree without running it: `testMatch: ["**\/*.it.ts"]`, `testDir: "./e2e"`.
 * Values the file computes (`path.join(...)`, spreads, variables) are not known and left out.
 * `parent` is the name of the property whose object holds the key (`test` for vitest's
 * `test.include`), or `undefined` for a key at any depth.
 */
export interface ConfigKey {
  name: string;
  parent?: string;
}

function stringsOf(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => (ts.isStringLiteral(element) || ts.isNoSubstitutionTemplateLiteral(element) ? [element.text] : []));
  if (ts.isRegularExpressionLiteral(node)) return [node.text.slice(1, node.text.lastIndexOf("/"))];
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return stringsOf(node.expression);
  return [];
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** The name of the property whose object literal holds `node`, if any. */
function enclosingKey(node: ts.PropertyAssignment): string | undefined {
  const object = node.parent;
  const holder = object.parent;
  return holder && ts.isPropertyAssignment(holder) ? propertyName(holder.name) : undefined;
}

export function configLiterals(text: string, fileName: string, keys: readonly ConfigKey[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      const key = keys.find((candidate) => candidate.name === name && (candidate.parent === undefined || candidate.parent === enclosingKey(node)));
      if (key) found.set(key.name, [...(found.get(key.name) ?? []), ...stringsOf(node.initializer)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The same keys in parsed JSON (a `.mocharc.json`, package.json's `jest` key). */
export function jsonLiterals(value: unknown, keys: readonly ConfigKey[], parent?: string, found = new Map<string, string[]>()): Map<string, string[]> {
  if (!value || typeof value !== "object") return found;
  for (const [name, item] of Object.entries(value)) {
    const key = keys.find((candidate) => candidate.name === name && (candidate.parent === undefined || candidate.parent === parent));
    if (key) {
      const strings = typeof item === "string" ? [item] : Array.isArray(item) ? item.filter((entry): entry is string => typeof entry === "string") : [];
      found.set(name, [...(found.get(name) ?? []), ...strings]);
    }
    if (typeof item === "object") jsonLiterals(item, keys, Array.isArray(value) ? parent : name, found);
  }
  return found;
}
