import ts from "typescript";
import type { Listener } from "./rule";

/** Deeper than this, the walk continues with an explicit stack instead of the call stack. */
const MAX_RECURSION = 1000;

/**
 * One walk of the tree that both links every node to its parent and dispatches each node to the
 * listeners registered for its kind, so the file costs the parse plus a single pass (TypeScript's
 * own `setParentNodes` would be a second one).
 *
 * A node is dispatched after its subtree has been linked (post-order), so a listener can follow
 * `parent` from any descendant, as the semantic helpers do when they resolve an identifier.
 * Recursive for speed (no allocation per node); past MAX_RECURSION levels it switches to an
 * explicit stack, so 20,000-deep nesting cannot overflow.
 */
export function walk(sourceFile: ts.SourceFile, listeners: ReadonlyMap<ts.SyntaxKind, Listener[]>): void {
  let current: ts.Node = sourceFile;
  let depth = 0;
  const dispatch = (node: ts.Node): void => {
    const forKind = listeners.get(node.kind);
    if (forKind) for (const listener of forKind) listener(node);
  };
  const visitChild = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = current;
    if (depth >= MAX_RECURSION) {
      walkIteratively(child, dispatch);
      return;
    }
    const saved = current;
    current = child;
    depth++;
    ts.forEachChild(child, visitChild);
    depth--;
    current = saved;
    dispatch(child);
  };
  ts.forEachChild(sourceFile, visitChild);
  dispatch(sourceFile);
}

/** The same post-order walk of `root`'s subtree, on an explicit stack. */
function walkIteratively(root: ts.Node, dispatch: (node: ts.Node) => void): void {
  const nodes: ts.Node[] = [root];
  const entered: boolean[] = [false];
  const children: ts.Node[] = [];
  let parent: ts.Node = root;
  const collect = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = parent;
    children.push(child);
  };
  while (nodes.length > 0) {
    const node = nodes[nodes.length - 1];
    if (entered[entered.length - 1]) {
      nodes.pop();
      entered.pop();
      dispatch(node);
      continue;
    }
    entered[entered.length - 1] = true;
    parent = node;
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      entered.push(false);
    }
  }
}

/** Links parents of a tree that was parsed without them and will not be walked (an imported file). */
export function linkParents(sourceFile: ts.SourceFile): void {
  walk(sourceFile, new Map());
}
