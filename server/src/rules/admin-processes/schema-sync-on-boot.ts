import ts from "typescript";
import type { Semantics } from "../../engine/semantics";
import { defineRule, type RuleContext } from "../../engine/rule";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { nodeInFile } from "../shared/edits";
import { matchRows, refOf, resetRefCache } from "../shared/moduleRefs";
import { argumentAt, optionOf } from "../shared/options";
import { codeText } from "../shared/pathKinds";
import { judgeAfterWalk } from "../shared/afterWalk";
import { buildTrigger } from "../shared/trigger";
import { MONGOOSE_BOOT_OPTIONS, MONGOOSE_OPTION_TAKERS, MONGOOSE_SYNC_INDEXES, SEQUELIZE_CLASSES, SEQUELIZE_MODULES, SYNC_OPTIONS, TYPEORM_OPTION_TAKERS } from "./data/schemaSync";
import { runByPackageScript } from "./oneOffScripts";

const ONE_OFF = "move it to a migration script run as a one-off admin process (e.g. `npm run migrate` in the release phase)";

const SEQUELIZE_IMPORT = new RegExp(`(?:\\bfrom|\\brequire\\s*\\()\\s*["'](?:${SEQUELIZE_MODULES.join("|")})["']`);

/** Whether an option is set to a literal `true` or an object (`alter: { drop: false }`); unknown values are not. */
function isOn(semantics: Semantics, options: ts.Expression | undefined, name: string): boolean {
  const site = optionOf(semantics, options, name);
  if (!site) return false;
  if (ts.isObjectLiteralExpression(skipOuterExpressions(semantics.resolve(site.value).node))) return true;
  const value = semantics.valueOf(site.value);
  return value.kind === "literal" && value.value === true;
}

/** `sequelize.sync(...)` on a Sequelize instance, on a name that says so, or on a model in a file importing Sequelize. */
function isSequelizeReceiver(context: RuleContext, receiver: ts.Expression): boolean {
  const target = skipOuterExpressions(context.semantics.resolve(receiver).node);
  if (ts.isNewExpression(target) && matchRows(SEQUELIZE_CLASSES, refOf(context.semantics, target.expression))) return true;
  const node = skipOuterExpressions(receiver);
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : "";
  return /sequelize/i.test(name) || SEQUELIZE_IMPORT.test(context.text);
}

function checkSequelizeSync(context: RuleContext, call: ts.CallExpression): void {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "sync") return;
  const option = SYNC_OPTIONS.find((name) => isOn(context.semantics, call.arguments[0], name));
  if (!option || !isSequelizeReceiver(context, callee.expression)) return;
  const effect = option === "force" ? "drops and re-creates the tables" : "alters the tables";
  context.report({
    node: call,
    message: `${codeText(callee)} with \`${option}\` ${effect} every time the app starts; ${ONE_OFF}.`,
    signals: ["sequelize", option],
  });
}

function checkTypeorm(context: RuleContext, node: ts.CallExpression | ts.NewExpression): void {
  const row = matchRows(TYPEORM_OPTION_TAKERS, refOf(context.semantics, node.expression));
  const options = row ? argumentAt(node, row.optionsArg) : undefined;
  if (!options) return;
  const site = optionOf(context.semantics, options, "synchronize");
  const value = site ? context.semantics.valueOf(site.value) : undefined;
  if (!site || value?.kind !== "literal" || value.value !== true) return;
  context.report({
    node: nodeInFile(context, site.property, options),
    message: `TypeORM \`synchronize: true\` changes the database schema every time the app connects; set it to false and run migrations as a one-off admin process (e.g. \`npm run migrate\` in the release phase).`,
    signals: ["typeorm", "synchronize"],
  });
}

function checkSyncIndexes(context: RuleContext, call: ts.CallExpression): void {
  const ref = refOf(context.semantics, call.expression);
  if (ref?.module !== "mongoose" || ref.path[ref.path.length - 1] !== MONGOOSE_SYNC_INDEXES) return;
  context.report({
    node: call,
    message: `${codeText(call.expression)} drops and rebuilds MongoDB indexes every time the app starts; ${ONE_OFF}.`,
    signals: ["mongoose", MONGOOSE_SYNC_INDEXES],
  });
}

/** `new Schema(def, { autoIndex: true })`, `mongoose.connect(uri, { autoCreate: true })`: reported at the option. */
function checkMongooseOptions(context: RuleContext, node: ts.CallExpression | ts.NewExpression): void {
  const row = matchRows(MONGOOSE_OPTION_TAKERS, refOf(context.semantics, node.expression));
  const options = row ? argumentAt(node, row.optionsArg) : undefined;
  if (!options) return;
  for (const { option, effect, instead } of MONGOOSE_BOOT_OPTIONS) {
    const site = optionOf(context.semantics, options, option);
    const value = site ? context.semantics.valueOf(site.value) : undefined;
    if (!site || value?.kind !== "literal" || value.value !== true) continue;
    context.report({
      node: nodeInFile(context, site.property, options),
      message: `mongoose \`${option}: true\` ${effect} every time the app starts; set it to false and ${instead} in a migration script run as a one-off admin process (e.g. \`npm run migrate\` in the release phase).`,
      signals: ["mongoose", option],
    });
  }
}

export const schemaSyncOnBoot = defineRule({
  id: "admin-processes/schema-sync-on-boot",
  factor: "XII",
  headline: false,
  defaultSeverity: "info",
  description: "ORM schema changes in the app's boot path: Sequelize `sync({ force | alter })`, TypeORM `synchronize: true`, mongoose `syncIndexes()`.",
  rationale:
    "Twelve-Factor admin tasks such as schema migrations run as one-off processes against a release, not inside every web or worker process at start, where concurrent boots race and a restart can drop data.",
  fixable: false,
  roles: { test: "off", fixture: "off", script: "off" },
  // The TypeORM options may come from another file, so the module counts as well as the option name.
  trigger: buildTrigger({ modules: TYPEORM_OPTION_TAKERS.map((row) => row.module), words: ["synchronize", MONGOOSE_SYNC_INDEXES, ...MONGOOSE_BOOT_OPTIONS.map((row) => row.option)], extra: ["\\.sync\\s*\\("] }),
  create(context) {
    resetRefCache();
    // Files a package.json script entry runs are admin processes (tests and scripts are off by role).
    if (runByPackageScript(context)) return {};
    return judgeAfterWalk<ts.CallExpression | ts.NewExpression>([ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression], (node) => {
      checkTypeorm(context, node);
      checkMongooseOptions(context, node);
      if (!ts.isCallExpression(node)) return;
      checkSequelizeSync(context, node);
      checkSyncIndexes(context, node);
    });
  },
});

export default schemaSyncOnBoot;
