import ts from "typescript";
import { defineRule, type RuleContext, type Trigger } from "../../engine/rule";
import { ROUTE_HANDLER } from "../../engine/roles/clientCode";
import { clientByImporters } from "./clientImporters";
import { clientFileByPath, clientFileOf, mayBeClientByImporters, packageRendersUi, type ClientFile } from "./clientFiles";
import { hasPublicPrefix } from "./data/publicEnvPrefixes";
import { accessRead, destructuredReads, type EnvHolder, type EnvRead } from "./envReads";
import { classifyName } from "./secrets/names";
import { insideServerAction, nextServerOnlyStatements, topLevelStatementOf } from "./serverOnlyCode";

const HOLDER_TEXT: Record<EnvHolder, string> = { process: "process.env", "import.meta": "import.meta.env", Bun: "Bun.env" };

/** A variable that holds a credential by its name (the same judgement as config/no-hardcoded-secret) and is not public by its prefix. */
export function isServerSecretName(name: string): boolean {
  return !hasPublicPrefix(name) && classifyName(name).kind !== "none";
}

const USE_CLIENT = /["']use client["']/;
const ENV_WORD = /\benv\b/;
/** Words every secret name holds one of (see secrets/names.ts), for files only their importers can make client code. */
const SECRET_WORD = /secret|token|key|pass|pw|pwd|auth|cred|bearer|jwt|pat\b|PAT_|signature/i;

/**
 * Only files that can be client code are parsed: those that say "use client" anywhere (the rule
 * checks it is the directive), those client by their place in the project, and, in a package
 * that renders a UI, those that name a secret (whose importers may all be client code).
 */
export const secretInClientBundleTrigger: Trigger = {
  test(text, file, project) {
    if (!ENV_WORD.test(text)) return false;
    if (!file || !project) return true;
    if (USE_CLIENT.test(text) || clientFileByPath(file, project) !== undefined) return true;
    return SECRET_WORD.test(text) && !ROUTE_HANDLER.test(project.relative(file)) && packageRendersUi(file, project);
  },
};

function message(read: EnvRead, client: ClientFile): string {
  return (
    `${HOLDER_TEXT[read.holder]}.${read.name} is a server-only secret read in ${client.where}; ` +
    `move the read to server code and send the client only what it needs (a public prefix would publish the secret).`
  );
}

export const secretInClientBundle = defineRule({
  id: "config/secret-in-client-bundle",
  factor: "III",
  headline: false,
  defaultSeverity: "warning",
  description: "Server-only secrets (process.env.X named like a credential, without a public prefix) must not be read in code bundled for the browser.",
  rationale:
    "Factor III keeps credentials in the server's environment; code shipped to the browser either inlines the secret into a public bundle or silently reads undefined, so secrets belong in server code.",
  fixable: false,
  roles: { test: "off", fixture: "off" },
  trigger: secretInClientBundleTrigger,
  create(context: RuleContext) {
    const client = clientFileOf(context.sourceFile, context.file, context.project);
    // Without a marker of its own, the file's importers decide; asked only once a secret read is found.
    if (!client && !mayBeClientByImporters(context.sourceFile, context.file, context.project)) return {};
    // Whether a read sits in server-only code needs the whole file (which helpers only the data
    // functions use), and the walk links later statements only when it reaches them: decide at the end.
    const reads: { read: EnvRead; node: ts.Node; start: number; end: number }[] = [];
    const onServer = (node: ts.Node, where: ClientFile, serverStatements: () => ReadonlySet<ts.Statement>): boolean => {
      if (insideServerAction(node)) return true;
      const statement = where.nextPage ? topLevelStatementOf(node) : undefined;
      return statement !== undefined && serverStatements().has(statement);
    };
    const collect = (read: EnvRead, node: ts.Node, start: number, end: number): void => {
      if (isServerSecretName(read.name)) reads.push({ read, node, start, end });
    };
    const onAccess = (node: ts.Node): void => {
      const read = accessRead(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, context.semantics);
      if (read) collect(read, node, node.getStart(context.sourceFile), node.getEnd());
    };
    return {
      [ts.SyntaxKind.PropertyAccessExpression]: onAccess,
      [ts.SyntaxKind.ElementAccessExpression]: onAccess,
      [ts.SyntaxKind.VariableDeclaration]: (node) => {
        for (const read of destructuredReads(node as ts.VariableDeclaration, context.semantics)) collect(read, node, read.start, read.end);
      },
      onEnd: () => {
        if (reads.length === 0) return;
        const where = client ?? clientByImporters(context.file, context.project);
        if (!where) return;
        let serverStatements: ReadonlySet<ts.Statement> | undefined;
        const server = (): ReadonlySet<ts.Statement> => (serverStatements ??= nextServerOnlyStatements(context.sourceFile));
        for (const { read, node, start, end } of reads) {
          if (onServer(node, where, server)) continue;
          context.report({ start, end, message: message(read, where), signals: ["secret env variable read in client code"] });
        }
      },
    };
  },
});

export default secretInClientBundle;
