import ts from "typescript";
import type { Listener } from "./rule";

/**
 * One walk of the tree that both links every node to its parent and dispatches each node to the
 * listeners registered for its kind, so the file costs the parse plus a single pass (TypeScript's
 * own `setParentNodes` would be a second one).
 *
 * A node is dispatched after its subtree has been linked (post-order), so a listener can follow
 * `parent` from any descendant, as the semantic helpers do when they resolve an identifier.
 * Iterative, so 20,000-deep nesting cannot overflow the stack.
 */
export function walk(sourceFile: ts.SourceFile, listeners: ReadonlyMap<ts.SyntaxKind, Listener[]>): void {
  const stack: Array<ts.Node | Exit> = [sourceFile];
  const children: ts.Node[] = [];
  let parent: ts.Node = sourceFile;
  const collect = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = parent;
    children.push(child);
  };
  while (stack.length > 0) {
    const item = stack.pop() as ts.Node | Exit;
    if (item instanceof Exit) {
      const forKind = listeners.get(item.node.kind);
      if (forKind) for (const listener of forKind) listener(item.node);
      continue;
    }
    stack.push(new Exit(item));
    parent = item;
    children.length = 0;
    ts.forEachChild(item, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

class Exit {
  constructor(readonly node: ts.Node) {}
}

/** Links parents of a tree that was parsed without them and will not be walked (an imported file). */
export function linkParents(sourceFile: ts.SourceFile): void {
  walk(sourceFile, new Map());
}
