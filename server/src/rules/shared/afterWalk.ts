import type ts from "typescript";
import type { Listeners } from "../../engine/rule";

/**
 * Collects the nodes of the given kinds during the walk and judges them once it is over, when
 * every name of the file is linked and resolvable (a constant or import may be written below
 * the call that uses it). The shape the call-judging rules share.
 */
export function judgeAfterWalk<T extends ts.Node>(kinds: readonly ts.SyntaxKind[], judge: (node: T) => void): Listeners {
  const collected: T[] = [];
  const listeners: Listeners = {
    onEnd() {
      for (const node of collected) judge(node);
    },
  };
  for (const kind of kinds) listeners[kind] = (node) => collected.push(node as T);
  return listeners;
}
