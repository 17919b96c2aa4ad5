import ts from "typescript";
import type { Listener } from "./rule";

/**
 * One pre-order walk of the tree, dispatching each node to every listener registered for its
 * kind. Iterative, so 20,000-deep nesting cannot overflow the stack.
 */
export function walk(sourceFile: ts.SourceFile, listeners: ReadonlyMap<ts.SyntaxKind, Listener[]>): void {
  const stack: ts.Node[] = [sourceFile];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    const forKind = listeners.get(node.kind);
    if (forKind) for (const listener of forKind) listener(node);
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
