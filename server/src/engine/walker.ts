import ts from "typescript";
import type { Listener } from "./rule";

/** Pre-order node lists recorded by `linkTree`, used once by the walk that follows the parse. */
const recordedOrders = new WeakMap<ts.SourceFile, ts.Node[]>();

/**
 * One iterative pass (20,000-deep nesting cannot overflow the stack) that lists the nodes in
 * pre-order, `forEachChild` order, optionally setting each child's `parent` on the way.
 */
function preorder(root: ts.Node, setParents: boolean): ts.Node[] {
  const order: ts.Node[] = [];
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  let parent: ts.Node = root;
  // One shared callback (no closure per node); it must return undefined, or forEachChild stops.
  const collect = (child: ts.Node): void => {
    if (setParents) (child as { parent: ts.Node }).parent = parent;
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    order.push(node);
    parent = node;
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return order;
}

/**
 * Sets every node's `parent` (what `createSourceFile(..., setParentNodes: true)` does, in about
 * half the time: TypeScript's pass allocates a child array per node) and records the walk order,
 * so parenting and the rules' walk share one traversal. Trees parsed without JSDoc only: JSDoc
 * nodes hang off `node.jsDoc`, outside `forEachChild`.
 */
export function linkTree(sourceFile: ts.SourceFile): void {
  recordedOrders.set(sourceFile, preorder(sourceFile, true));
}

/**
 * One pre-order walk of the tree, dispatching each node to every listener registered for its
 * kind. The parents must already be set (every tree from the ParseCache has them).
 */
export function walk(sourceFile: ts.SourceFile, listeners: ReadonlyMap<ts.SyntaxKind, Listener[]>): void {
  let order = recordedOrders.get(sourceFile);
  if (order) recordedOrders.delete(sourceFile); // a later walk of the same tree lists it again: memory over speed
  if (listeners.size === 0) return;
  order ??= preorder(sourceFile, false);
  const byKind: Array<Listener[] | undefined> = new Array(ts.SyntaxKind.Count);
  for (const [kind, list] of listeners) byKind[kind] = list;
  for (const node of order) {
    const forKind = byKind[node.kind];
    if (forKind) for (const listener of forKind) listener(node);
  }
}
