import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import { CLIENT_MODULES, ENGINE_NAMES, parityClass, SERVICE_KINDS, type ServiceKind, type ServiceRole } from "../shared/backingServices";
import { envBranchOf } from "./envBranches";
import { choiceAtBranch, KindCollector } from "./serviceKinds";

const ROLES: readonly ServiceRole[] = ["database", "cache", "session", "queue", "mail"];

/**
 * A file that can hold such a branch names a stage: an environment variable compared with a stage
 * name (`NODE_ENV`, `"production"`), a config keyed by stage (a knexfile's `development:`), or a
 * condition imported from another file under a name that says so (`isProd`, `inDevelopment`,
 * `IS_PROD`, `devMode`, `__DEV__`).
 */
const STAGE = /NODE_ENV|APP_ENV|\bENVIRONMENT\b|\b(?:is|in)_?(?:prod|dev)|__DEV__|\b(?:prod|dev)(?:uction|elopment)?_?mode\b|["'`](?:production|development|prod|dev)["'`]|\b(?:production|development)\s*:/i;
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/**
 * ... and a backing service: a client module or engine name, a service URL, an in-process
 * stand-in (`new Map`, console mail transports), or a name for one (a `redisClient`, `db`, `cache`
 * or `mailer` imported from the file that builds it).
 */
const SERVICE = new RegExp(
  [
    ":\\/\\/",
    `\\b(?:${[...Object.keys(CLIENT_MODULES), ...Object.keys(ENGINE_NAMES)].map(escape).join("|")})\\b`,
    "redis|cache|mail|queue|session|store|database|\\bdb\\b|new\\s+Map\\b|jsonTransport|streamTransport|dialect|knex|sequelize|typeorm|prisma|datasource",
  ].join("|"),
  "i",
);
/** Both must match: on the benchmark corpus that lets ~260 files through, where `/prod|dev/i` let 2,060. */
const TRIGGER = { test: (text: string): boolean => STAGE.test(text) && SERVICE.test(text) };

function kindsOf(context: RuleContext, branchNode: ts.Node, nodes: ts.Node[]): Map<ServiceKind, ts.Node> {
  const collector = new KindCollector(context.semantics, new Set(nodes));
  for (const node of nodes) {
    const chosen = choiceAtBranch(context.semantics, branchNode, node);
    if (chosen) collector.kinds.set(chosen, node);
    collector.visit(node);
  }
  return collector.kinds;
}

function inRole(kinds: Map<ServiceKind, ts.Node>, role: ServiceRole): ServiceKind[] {
  return [...kinds.keys()].filter((kind) => SERVICE_KINDS[kind].roles.includes(role));
}

const phrase = (kinds: ServiceKind[]): string => kinds.map((kind) => SERVICE_KINDS[kind].phrase).join(" and ");

/** The first role both sides fill with services of no common kind: SQLite vs PostgreSQL, memory vs Redis. */
function mismatch(production: Map<ServiceKind, ts.Node>, development: Map<ServiceKind, ts.Node>): { production: ServiceKind[]; development: ServiceKind[] } | undefined {
  for (const role of ROLES) {
    const prod = inRole(production, role);
    const dev = inRole(development, role);
    if (prod.length === 0 || dev.length === 0) continue;
    const prodClasses = new Set(prod.map(parityClass));
    if (dev.some((kind) => prodClasses.has(parityClass(kind)))) continue;
    return { production: prod, development: dev };
  }
  return undefined;
}

export const environmentSpecificBackingService = defineRule({
  id: "dev-prod-parity/environment-specific-backing-service",
  factor: "X",
  headline: false,
  defaultSeverity: "info",
  description: "Branches on NODE_ENV (or APP_ENV) that use a different kind of backing service in development than in production.",
  rationale: "Factor X keeps development and production as similar as possible: a lightweight local stand-in (SQLite for PostgreSQL, memory for Redis, a console for a mailer) hides the incompatibilities that then break in production.",
  fixable: false,
  roles: { test: "lowered", fixture: "lowered" },
  trigger: TRIGGER,
  create(context) {
    const candidates: ts.Node[] = [];
    const collect = (node: ts.Node): void => {
      candidates.push(node);
    };
    return {
      [ts.SyntaxKind.IfStatement]: collect,
      [ts.SyntaxKind.ConditionalExpression]: collect,
      [ts.SyntaxKind.SwitchStatement]: collect,
      [ts.SyntaxKind.ObjectLiteralExpression]: collect,
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.BarBarToken) collect(node);
      },
      onEnd() {
        for (const node of candidates) {
          const branch = envBranchOf(context.semantics, node);
          if (!branch) continue;
          const found = mismatch(kindsOf(context, node, branch.production), kindsOf(context, node, branch.development));
          if (!found) continue;
          context.report({
            node: branch.condition,
            message: `This ${branch.label} uses ${phrase(found.development)} in development but ${phrase(found.production)} in production; run the same kind of backing service in every environment and vary only its configuration.`,
            signals: [`${branch.label}: ${found.development.join("+")} (development) vs ${found.production.join("+")} (production)`],
          });
        }
      },
    };
  },
});

export default environmentSpecificBackingService;
