import ts from "typescript";
import type { CalledFunction, Semantics } from "../../engine/semantics";

type Call = ts.CallExpression | ts.NewExpression;

/** Calls followed into helpers, one inside the other, before giving up. */
export const MAX_CALL_DEPTH = 3;

export interface HelperHit<T> {
  /** What the rule's judge found at the sink, with the helper's parameters bound to this call's arguments. */
  verdict: T;
  /** The helpers from the call in the analysed file inwards; the first is the one this call runs. */
  chain: CalledFunction[];
  /** The argument the decisive value came through, or the call itself. */
  reportOn: ts.Node;
}

const bodyCalls = new WeakMap<ts.Node, Call[]>();

/** The calls written in a function's body (nested callbacks included), once per tree. */
function callsIn(fn: ts.FunctionLikeDeclaration): Call[] {
  const body = fn.body;
  if (!body) return [];
  let calls = bodyCalls.get(body);
  if (calls) return calls;
  const found: Call[] = [];
  const stack: ts.Node[] = [body];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) found.push(node);
    ts.forEachChild(node, push);
  }
  calls = found.reverse();
  bodyCalls.set(body, calls);
  return calls;
}

/**
 * A cheap look before any resolution: a plain call without arguments passes nothing a helper
 * could misuse (a method call may still use what its instance was made with).
 */
export function mayBeHelperCall(call: Call): boolean {
  if ((call.arguments?.length ?? 0) > 0) return true;
  return ts.isPropertyAccessExpression(call.expression);
}

/**
 * Follows a call of the analysed file into the project function it runs (and up to
 * MAX_CALL_DEPTH - 1 helpers it calls in turn) and asks `judge` about every call there, with the
 * parameters standing for this call's arguments. Only verdicts that depend on those arguments are
 * returned: a helper that is wrong whatever it is given is reported in its own file, once.
 */
export function judgeThroughHelpers<T>(semantics: Semantics, call: Call, judge: (inner: Call) => T | undefined): Array<HelperHit<T>> {
  const hits: Array<HelperHit<T>> = [];
  for (const found of follow(semantics, call, judge, 1, new Set())) {
    // What the instance was made with may be what decides (`${this.dir}/${name}`): then the call as a whole.
    const index = found.usedInstance ? Number.NaN : Math.min(...found.usedArguments);
    const argument = Number.isFinite(index) ? call.arguments?.[index] : undefined;
    hits.push({ verdict: found.verdict, chain: found.chain, reportOn: argument ?? call });
  }
  return hits;
}

interface Found<T> {
  verdict: T;
  chain: CalledFunction[];
  usedArguments: ReadonlySet<number>;
  usedInstance: boolean;
}

function follow<T>(semantics: Semantics, call: Call, judge: (inner: Call) => T | undefined, depth: number, active: Set<ts.Node>): Array<Found<T>> {
  const called = semantics.calledFunction(call);
  if (!called || active.has(called.declaration)) return [];
  active.add(called.declaration);
  const results: Array<Found<T>> = [];
  const judgeInner = (inner: Call): Array<{ verdict: T; chain: CalledFunction[] }> => {
    const verdict = judge(inner);
    if (verdict !== undefined) return [{ verdict, chain: [] }];
    return depth < MAX_CALL_DEPTH ? follow(semantics, inner, judge, depth + 1, active) : [];
  };
  try {
    for (const inner of callsIn(called.declaration)) {
      const followed = semantics.followCall(called, () => judgeInner(inner));
      if (followed.result.length === 0 || (followed.usedArguments.size === 0 && !followed.usedInstance)) continue;
      // Wrong whatever the arguments are: the helper's own file reports it, not each caller.
      if (judgeInner(inner).length > 0) continue;
      for (const found of followed.result) results.push({ verdict: found.verdict, chain: [called, ...found.chain], usedArguments: followed.usedArguments, usedInstance: followed.usedInstance });
    }
  } finally {
    active.delete(called.declaration);
  }
  return results;
}

/** ` in src/lib/files.ts`: where the last helper of a chain is written, when not in the analysed file. */
export function describeWhere(chain: readonly CalledFunction[], relative: (file: string) => string, currentFile: ts.SourceFile): string {
  const last = chain[chain.length - 1].declaration.getSourceFile();
  return last === currentFile ? "" : ` in ${relative(last.fileName)}`;
}
