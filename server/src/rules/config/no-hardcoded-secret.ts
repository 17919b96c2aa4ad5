import ts from "typescript";
import { redact } from "../../engine/redact";
import { defineRule, type RuleContext } from "../../engine/rule";
import { allowListOf } from "./secrets/allowList";
import { detectSecret, type Detection } from "./secrets/detector";
import { secretFix, type SecretSite } from "./secrets/fix";
import { foldString, type FoldedString } from "../shared/foldString";
import { judgeFlow, viaText } from "./secrets/flowFinding";
import { classifyName, isCredentialHeader } from "./secrets/names";
import { credentialsPassedBy } from "./secrets/sinkValues";
import { asCredentialPlace, slotOf, type LiteralSlot } from "./secrets/slot";
import { templateSite, concatenationOf, sourceRangeIn } from "./secrets/strings";
import { SECRET_TRIGGER } from "./secrets/trigger";
import { resetRefCache } from "../shared/moduleRefs";

function message(detection: Detection, slot: LiteralSlot, via = ""): string {
  const found = `Hardcoded secret ${redact(detection.secret)}: ${detection.signals.join("; ")}${via}.`;
  return slot.role === "fallback"
    ? `${found} Remove the hardcoded fallback and set ${detection.envName} in the environment.`
    : `${found} Read it from process.env.${detection.envName} instead.`;
}

export const noHardcodedSecret = defineRule({
  id: "config/no-hardcoded-secret",
  factor: "III",
  headline: true,
  defaultSeverity: "warning",
  description: "Credentials written in source: provider tokens, private keys, JWTs, passwords in URLs and high-entropy values under secret-like names.",
  rationale: "Factor III keeps config, and above all credentials, in the environment: a secret in the code is shared with everyone who can read the repository and cannot differ between deploys.",
  fixable: true,
  roles: { test: "self-identifying only", fixture: "self-identifying only" },
  trigger: SECRET_TRIGGER,
  create(context: RuleContext) {
    resetRefCache();
    const allowed = allowListOf(context.options.secretsAllowList);
    const seen = new Set<ts.Node>();

    const check = (site: SecretSite, slot: LiteralSlot | undefined = slotOf(site.node as ts.Expression, context.semantics, context.sourceFile)): void => {
      if (!slot || seen.has(site.node)) return;
      const detection = detectSecret(site.value, slot, allowed);
      if (!detection) return;
      seen.add(site.node);
      const fix = secretFix({ ...site, replaceable: site.replaceable && slot.replaceable, jsxAttribute: slot.jsxAttribute }, detection, context.project);
      // A value read out of embedded text (`KEY=…` lines, XML, a command line) is pointed at exactly.
      const range = detection.embedded ? sourceRangeIn(site, context.text, detection.start, detection.end) : undefined;
      context.report({
        ...(range ?? { node: site.node }),
        message: message(detection, slot),
        severity: detection.severity,
        selfIdentifying: detection.selfIdentifying,
        signals: detection.signals,
        fixes: fix ? [fix] : [],
      });
    };

    /** A value built from literals written elsewhere, judged where it arrives; reported there, fixed where the literal is. */
    const checkFlow = (folded: FoldedString, reportOn: ts.Node, slot: LiteralSlot | undefined): void => {
      if (!slot || seen.has(reportOn)) return;
      const found = judgeFlow(folded, slot, context, allowed, seen);
      if (!found) return;
      seen.add(reportOn);
      for (const origin of found.origins) seen.add(origin.literal.node);
      context.report({
        node: reportOn,
        message: message(found.detection, slot, viaText(found.origins, context)),
        severity: found.detection.severity,
        selfIdentifying: found.detection.selfIdentifying,
        signals: found.detection.signals,
        fixes: found.fix ? [found.fix] : [],
      });
    };

    const literalSite = (node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): SecretSite => ({
      node,
      sourceFile: context.sourceFile,
      file: context.file,
      value: node.text,
      kind: "string",
      replaceable: true,
      jsxAttribute: false,
    });

    const visitLiteral = (node: ts.Node): void => {
      const literal = node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
      if (literal.text.length >= 4 && !seen.has(literal)) check(literalSite(literal));
    };

    /** `new Pool({ password })`, `session({ secret })`, `new Stripe(key)`: any literal there is a credential. */
    const checkSinks = (call: ts.CallExpression | ts.NewExpression): void => {
      for (const passed of credentialsPassedBy(call, context.semantics)) {
        const values = ts.isArrayLiteralExpression(passed.value) ? [...passed.value.elements] : [passed.value];
        for (const value of values) {
          const place = slotOf(value, context.semantics, value.getSourceFile());
          if (!place) continue;
          const sink = asCredentialPlace(place, { label: passed.label, envName: passed.envName }, "sink");
          const written = ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value);
          if (written && value.getSourceFile() === context.sourceFile && (passed.reportOn === value || passed.reportOn === passed.value)) {
            check(literalSite(value), sink);
          } else if (written) {
            // A literal in an options object written elsewhere (`new Pool(dbConfig)`): it came through the argument.
            const literal = { kind: "literal" as const, value: value.text, node: value, sourceFile: value.getSourceFile() };
            checkFlow({ value: value.text, origins: [{ start: 0, end: value.text.length, literal, via: passed.reportOn as ts.Expression, exact: true }], complete: true }, passed.reportOn, sink);
          } else {
            checkFlow(foldString(value, context.semantics), passed.reportOn, sink);
          }
        }
      }
    };

    /**
     * Templates and concatenations are everywhere (log lines, paths): names in them are only
     * followed where a credential could come out, a URL, an auth scheme or a credential place.
     */
    const followInto = (node: ts.Expression, writtenText: string): void => {
      const slot = slotOf(node, context.semantics, context.sourceFile);
      if (!slot) return;
      const credentialPlace = slot.role !== "value" || classifyName(slot.name).kind !== "none" || isCredentialHeader(slot.name ?? "");
      if (credentialPlace || writtenText.includes("://") || /\b(?:Bearer|Basic|Token)\s/i.test(writtenText)) checkFlow(foldString(node, context.semantics), node, slot);
    };

    const calls: Array<ts.CallExpression | ts.NewExpression> = [];
    const named: ts.Expression[] = [];

    /** `{ apiKey: providerKey }`, `{ Authorization: AUTH }`: a name under a credential key. */
    const visitProperty = (node: ts.Node): void => {
      const property = node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      if (!ts.isIdentifier(value) && !ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value)) return;
      const name = property.name.getText(context.sourceFile).replace(/^["'`]|["'`]$/g, "");
      if (classifyName(name).kind !== "none" || isCredentialHeader(name)) named.push(value);
    };

    return {
      [ts.SyntaxKind.StringLiteral]: visitLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitLiteral,
      [ts.SyntaxKind.PropertyAssignment]: visitProperty,
      [ts.SyntaxKind.ShorthandPropertyAssignment]: visitProperty,
      [ts.SyntaxKind.TemplateExpression]: (node) => {
        const template = node as ts.TemplateExpression;
        // `${a}/${b}` and other short templates cannot hold a token or a URL with a password.
        const literalLength = template.templateSpans.reduce((sum, span) => sum + span.literal.text.length, template.head.text.length);
        if (literalLength >= 8) check(templateSite(template, context));
        // A substitution whose value is a known literal is that literal, not a placeholder.
        if (!seen.has(template) && !ts.isTemplateSpan(template.parent)) followInto(template, template.head.text + template.templateSpans.map((span) => span.literal.text).join(""));
      },
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        const binary = node as ts.BinaryExpression;
        const folded = concatenationOf(binary, context);
        if (folded) {
          check(folded.site);
          // The parts were judged together; alone they are fragments.
          for (const part of folded.parts) seen.add(part);
          return;
        }
        // `"Bearer " + KEY`: the names in a concatenation are followed as in a template.
        if (binary.operatorToken.kind === ts.SyntaxKind.PlusToken && !(ts.isBinaryExpression(binary.parent) && binary.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
          followInto(binary, binary.getText(context.sourceFile));
        }
      },
      // `jwt.sign(payload, key)`, `headers.set("Authorization", TOKEN)`: a name passed where a secret goes.
      [ts.SyntaxKind.CallExpression]: (node) => {
        const call = node as ts.CallExpression;
        calls.push(call);
        for (const argument of call.arguments) {
          if (!ts.isIdentifier(argument) && !ts.isPropertyAccessExpression(argument)) continue;
          const place = slotOf(argument, context.semantics, context.sourceFile);
          if (place && (place.role === "argument" || place.role === "header")) checkFlow(foldString(argument, context.semantics), argument, place);
        }
      },
      [ts.SyntaxKind.NewExpression]: (node) => {
        calls.push(node as ts.NewExpression);
      },
      onEnd() {
        // Library sinks first: their message names the client, a bare key name says less.
        for (const call of calls) checkSinks(call);
        for (const value of named) checkFlow(foldString(value, context.semantics), value, slotOf(value, context.semantics, context.sourceFile));
      },
    };
  },
});

export default noHardcodedSecret;
