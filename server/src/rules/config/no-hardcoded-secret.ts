import ts from "typescript";
import { redact } from "../../engine/redact";
import { defineRule, type RuleContext } from "../../engine/rule";
import { allowListOf } from "./secrets/allowList";
import { detectSecret, type Detection } from "./secrets/detector";
import { secretFix, type SecretSite } from "./secrets/fix";
import { secretArgumentOf } from "./secrets/secretArguments";
import { asSecretArgument, slotOf, type LiteralSlot } from "./secrets/slot";
import { templateSite, concatenationOf, sourceRangeIn } from "./secrets/strings";
import { SECRET_TRIGGER } from "./secrets/trigger";

function message(detection: Detection, slot: LiteralSlot): string {
  const found = `Hardcoded secret ${redact(detection.secret)}: ${detection.signals.join("; ")}.`;
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
  trigger: SECRET_TRIGGER,
  create(context: RuleContext) {
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
        lowered: context.role.test,
        signals: detection.signals,
        fixes: fix ? [fix] : [],
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

    return {
      [ts.SyntaxKind.StringLiteral]: visitLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitLiteral,
      [ts.SyntaxKind.TemplateExpression]: (node) => {
        const template = node as ts.TemplateExpression;
        // `${a}/${b}` and other short templates cannot hold a token or a URL with a password.
        const literalLength = template.templateSpans.reduce((sum, span) => sum + span.literal.text.length, template.head.text.length);
        if (literalLength >= 8) check(templateSite(template, context));
      },
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        const folded = concatenationOf(node as ts.BinaryExpression, context);
        if (!folded) return;
        check(folded.site);
        // The parts were judged together; alone they are fragments.
        for (const part of folded.parts) seen.add(part);
      },
      // `jwt.sign(payload, key)` where `const key = "…"` in this file: the literal sits in a secret argument.
      [ts.SyntaxKind.CallExpression]: (node) => {
        const call = node as ts.CallExpression;
        call.arguments.forEach((argument, index) => {
          if (!ts.isIdentifier(argument) && !ts.isPropertyAccessExpression(argument)) return;
          const secretArgument = secretArgumentOf(call, index, context.semantics);
          if (!secretArgument) return;
          const origin = context.semantics.valueOf(argument);
          if (origin.kind !== "literal" || origin.sourceFile !== context.sourceFile) return;
          const literal = origin.node;
          if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) return;
          const own = slotOf(literal, context.semantics, context.sourceFile);
          if (!own) return;
          check(literalSite(literal), asSecretArgument(own, { label: secretArgument.label, envName: secretArgument.envName }));
        });
      },
    };
  },
});

export default noHardcodedSecret;
