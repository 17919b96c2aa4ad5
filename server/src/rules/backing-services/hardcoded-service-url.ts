import { isTestCode } from "../../engine/fileRoles";
import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import { SERVICE_KINDS, SERVICE_SCHEMES } from "../shared/backingServices";
import { foldString } from "../shared/foldString";
import { buildTrigger } from "../shared/trigger";
import { checkClientCall } from "./clientOptions";
import { CLIENT_SINKS } from "./data/serviceClients";
import { displayUrl, isLocalHost, parseServiceUrl, type ServiceUrl } from "./serviceUrls";
import { EnvNamer, urlFix } from "./urlFix";
import { urlSlotOf } from "./urlSlots";

type UrlLiteral = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** Callee names too common to pre-select a file; reaching them needs the module's specifier, which matches. */
const COMMON_NAMES = new Set(["connect", "Client", "Queue", "Worker"]);

const SCHEMES = Object.keys(SERVICE_SCHEMES)
  .filter((scheme) => SERVICE_SCHEMES[scheme].envName)
  .map((scheme) => scheme.replace(/[+.]/g, "\\$&"))
  .join("|");

/** A client's module or callee name, as written (`Redis`, not every `redis` in a comment). */
const CLIENTS = buildTrigger({
  modules: CLIENT_SINKS.map((sink) => sink.module),
  words: CLIENT_SINKS.flatMap((sink) => sink.paths.map((path) => path.at(-1) ?? "")).filter((word) => !COMMON_NAMES.has(word)),
});
/** URL schemes are case-insensitive. */
const URLS = new RegExp(`\\b(?:${SCHEMES}):\\/\\/`, "i");
const TRIGGER = { test: (text: string): boolean => CLIENTS.test(text) || URLS.test(text) };

const TEST_BLOCKS = new Set(["describe", "it", "test", "suite", "beforeAll", "beforeEach", "afterAll", "afterEach", "before", "after"]);

/** Inside a `describe(…)`/`it(…)` callback: test code even outside a test folder (in-source tests). */
function insideTestBlock(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isCallExpression(current)) continue;
    let callee = current.expression;
    while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
    if (ts.isIdentifier(callee) && TEST_BLOCKS.has(callee.text)) return true;
  }
  return false;
}

/** A URL written as one string, or a template whose every part is a known literal (`` `postgres://app:${PW}@db/app` ``). */
interface UrlValue {
  node: UrlLiteral | ts.TemplateExpression;
  text: string;
  /** ` (built from \`PW\`, \`DB_HOST\` in src/config.ts)` for a template. */
  via: string;
}

function checkUrl(context: RuleContext, written: UrlValue, url: ServiceUrl, namer: EnvNamer): void {
  const { node, text, via } = written;
  const slot = urlSlotOf(node, context.semantics);
  if (slot.role === "ignored") return;
  const service = SERVICE_KINDS[url.kind].name;
  const shown = displayUrl(text, url.hasCredentials);
  // Test code gets no fix at all (the engine lowers it once, whatever says so).
  const lowered = isTestCode(context.role) || insideTestBlock(node);
  const signals = [`${url.scheme}:// connection string in code`];
  if (slot.role === "fallback") {
    // A local default (`?? "redis://localhost:6379"`) is fine, as `process.env.PORT ?? 3000` is.
    if (url.hosts.every(isLocalHost)) return;
    const variable = slot.envName ?? url.envName;
    context.report({
      node,
      message: `Hardcoded ${service} connection string ${shown}${via} as the fallback of process.env.${variable}; remove the fallback and set ${variable} in every environment.`,
      lowered,
      signals: [...signals, "non-local fallback of an env read"],
    });
    return;
  }
  const envName = namer.choose(url.envName, text, slot.name);
  const fix = slot.replaceable && !lowered ? urlFix({ project: context.project, sourceFile: context.sourceFile, target: slot.target, jsx: slot.jsx, envName, value: text, what: `${service} URL` }) : undefined;
  context.report({
    node,
    message: `Hardcoded ${service} connection string ${shown}${via}; read it from process.env.${envName} so each deploy can attach its own ${service}.`,
    lowered,
    signals,
    fixes: fix ? [fix] : [],
  });
}

/** A template URL whose substitutions all resolve to literals; one with an env read or a parameter is built from config. */
function templateUrl(context: RuleContext, template: ts.TemplateExpression): UrlValue | undefined {
  const folded = foldString(template, context.semantics);
  if (!folded.complete || folded.origins.length === 0) return undefined;
  const names = new Set(
    folded.origins.map((origin) => {
      const file = origin.literal.sourceFile;
      return `\`${origin.via.getText(origin.via.getSourceFile())}\`${file === context.sourceFile ? "" : ` in ${context.project.relative(file.fileName)}`}`;
    }),
  );
  return { node: template, text: folded.value, via: ` (built from ${[...names].join(", ")})` };
}

export const hardcodedServiceUrl = defineRule({
  id: "backing-services/hardcoded-service-url",
  factor: "IV",
  headline: false,
  defaultSeverity: "info",
  description: "Connection strings and hosts of backing services (databases, caches, brokers, mail servers) written in code.",
  rationale: "Factor IV treats backing services as attached resources: which database, cache or broker the app uses is config, so a deploy can swap one for another without a code change.",
  fixable: true,
  roles: { test: "lowered", fixture: "lowered" },
  rolesNote: "Inside a `describe`/`it`/`test` block of any file, findings are lowered too.",
  trigger: TRIGGER,
  create(context) {
    const urls: UrlLiteral[] = [];
    const templates: ts.TemplateExpression[] = [];
    const calls: Array<ts.CallExpression | ts.NewExpression> = [];
    const onLiteral = (node: ts.Node): void => {
      if ((node as UrlLiteral).text.includes("://")) urls.push(node as UrlLiteral);
    };
    const onTemplate = (node: ts.Node): void => {
      if ((node as ts.TemplateExpression).head.text.includes("://")) templates.push(node as ts.TemplateExpression);
    };
    const onCall = (node: ts.Node): void => {
      calls.push(node as ts.CallExpression | ts.NewExpression);
    };
    return {
      [ts.SyntaxKind.StringLiteral]: onLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: onLiteral,
      [ts.SyntaxKind.TemplateExpression]: onTemplate,
      [ts.SyntaxKind.CallExpression]: onCall,
      [ts.SyntaxKind.NewExpression]: onCall,
      onEnd() {
        // In source order, so the first URL of a kind gets the conventional variable name.
        const namer = new EnvNamer(context.text);
        const written: UrlValue[] = urls.map((literal) => ({ node: literal, text: literal.text, via: "" }));
        for (const template of templates) {
          const value = templateUrl(context, template);
          if (value) written.push(value);
        }
        for (const value of written.sort((a, b) => a.node.pos - b.node.pos)) {
          const url = parseServiceUrl(value.text);
          if (url) checkUrl(context, value, url, namer);
        }
        for (const call of calls.sort((a, b) => a.pos - b.pos)) checkClientCall(context, call, isTestCode(context.role) || insideTestBlock(call));
      },
    };
  },
});

export default hardcodedServiceUrl;
