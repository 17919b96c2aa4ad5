import ts from "typescript";

const TEXT_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/**
 * Whether `offset` falls inside a string, template, regular expression or JSX text (rather than
 * in code or a comment). Descends only along the nodes that contain the offset; comments are
 * trivia, found before a node's first token.
 */
export function isInsideLiteral(sourceFile: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    const visit = (child: ts.Node): boolean => {
      if (child.pos <= offset && offset < child.end) {
        next = child;
        return true;
      }
      return false;
    };
    ts.forEachChild(node, visit, (children) => children.some(visit));
    if (!next || offset < next.getStart(sourceFile)) return false;
    if (TEXT_KINDS.has(next.kind)) return true;
    // Template spans hold their literal parts as children, so keep descending.
    node = next;
  }
}
