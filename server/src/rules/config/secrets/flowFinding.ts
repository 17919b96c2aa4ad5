import ts from "typescript";
import type { RuleContext } from "../../../engine/rule";
import type { Fix } from "../../../engine/types";
import type { AllowList } from "./allowList";
import { detectSecret, ownEnvName, type Detection } from "./detector";
import { secretFix } from "./fix";
import type { FlowOrigin, FoldedString } from "../../shared/foldString";
import { slotOf, type LiteralSlot } from "./slot";

/** A secret that reached a credential place through names: what was found, the literals it came from, and the fix. */
export interface FlowFinding {
  detection: Detection;
  origins: FlowOrigin[];
  fix: Fix | undefined;
}

function ownSlotOf(origin: FlowOrigin, context: RuleContext): LiteralSlot | undefined {
  const literal = origin.literal.node;
  if (!literal.parent || (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal))) return undefined;
  return slotOf(literal, context.semantics, origin.literal.sourceFile);
}

/** Whether the literal is reported where it is written (a provider token, `dbPassword: "…"`): then not again at the sink. */
function reportedWhereWritten(origin: FlowOrigin, context: RuleContext, allowed: AllowList): boolean {
  const own = ownSlotOf(origin, context);
  return own !== undefined && detectSecret(origin.literal.value, own, allowed) !== undefined;
}

/**
 * The fix moves the value where it is written, possibly in another file: `const LEDGER_TOKEN =
 * process.env.LEDGER_TOKEN`. Only when the secret is inside one literal as written (not a
 * base64 built from two).
 */
function fixAtOrigin(origin: FlowOrigin, own: LiteralSlot, detection: Detection, context: RuleContext): Fix | undefined {
  if (!origin.exact) return undefined;
  // The literal is the secret itself (a password substituted into a URL, a token after `Bearer `), or holds it.
  const whole = origin.literal.value === detection.secret;
  const start = whole ? 0 : detection.start - origin.start;
  const end = whole ? origin.literal.value.length : detection.end - origin.start;
  if (start < 0 || end > origin.literal.value.length) return undefined;
  const { sourceFile, node } = origin.literal;
  return secretFix(
    { node, sourceFile, file: sourceFile.fileName, value: origin.literal.value, kind: "string", replaceable: own.replaceable, jsxAttribute: own.jsxAttribute },
    { ...detection, start, end },
    context.project,
  );
}

/**
 * Judges a value built from literals written elsewhere, in the place it reaches: the literal is
 * a credential because of where it goes, whatever its own name. Undefined when nothing is found,
 * when the secret sits in text written at the sink (the literal visitors judge that), or when
 * its literal is already reported where it is written.
 */
export function judgeFlow(folded: FoldedString, slot: LiteralSlot, context: RuleContext, allowed: AllowList, done: ReadonlySet<ts.Node>): FlowFinding | undefined {
  if (folded.origins.length === 0) return undefined;
  const detection = detectSecret(folded.value, slot, allowed);
  if (!detection) return undefined;
  const origins = folded.origins.filter((origin) => origin.start < detection.end && detection.start < origin.end);
  if (origins.length === 0 || origins.some((origin) => done.has(origin.literal.node) || reportedWhereWritten(origin, context, allowed))) return undefined;
  // The literal's own name when it says more than the sink's (`LEDGER_TOKEN`, not `k`).
  const origin = origins.length === 1 ? origins[0] : undefined;
  const own = origin && ownSlotOf(origin, context);
  const named = { ...detection, envName: own?.role === "value" ? ownEnvName(own.name, detection.envName) : detection.envName };
  return { detection: named, origins, fix: origin && own ? fixAtOrigin(origin, own, named, context) : undefined };
}

/** ` (via \`LEDGER_TOKEN\` in src/config.ts)`: the names the value came through, and where it is written when elsewhere. */
export function viaText(origins: readonly FlowOrigin[], context: RuleContext): string {
  const parts = new Set(
    origins.map((origin) => {
      const name = `\`${origin.via.getText(origin.via.getSourceFile())}\``;
      const file = origin.literal.sourceFile;
      return file === context.sourceFile ? name : `${name} in ${context.project.relative(file.fileName)}`;
    }),
  );
  return ` (via ${[...parts].join(", ")})`;
}
