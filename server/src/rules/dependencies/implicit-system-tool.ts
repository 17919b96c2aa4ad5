import path from "node:path";
import ts from "typescript";
import { defineRule, type RuleContext } from "../../engine/rule";
import { findDeclaration } from "../../engine/semantics/scopes";
import { skipOuterExpressions } from "../../engine/semantics/syntax";
import { judgeAfterWalk } from "../shared/afterWalk";
import { matchRows, refIs, refOf, resetRefCache } from "../shared/moduleRefs";
import { codeText } from "../shared/pathKinds";
import { buildTrigger } from "../shared/trigger";
import { commandText, fileRange, type CommandText } from "./commandText";
import { COMMAND_RUNNERS, COMMAND_TAGS, SHELLS, SYSTEM_BIN_DIRS, TOOL_FAMILY, type CommandForm } from "./data/systemTools";
import { programWords, simpleCommands, type ShellWord } from "./shellWords";

/** A call or tag that runs a command, with the expression that holds the command. */
interface CommandSite {
  form: CommandForm;
  /** For messages: `exec()`, `` $`…` ``. */
  label: string;
  command: ts.Expression;
  /** `spawn`'s argument array, where `sh -c "…"` hides the real command. */
  args?: ts.Expression;
}

/** The tool a program word names, when it is one of the reviewed system tools. */
function toolName(word: ShellWord): string | undefined {
  if (word.dynamic) return undefined;
  let name = word.text;
  if (/[\\/]/.test(name)) {
    // Only a system folder's copy counts; any other path is the app's own or vendored.
    const dir = SYSTEM_BIN_DIRS.find((prefix) => name.startsWith(prefix));
    if (!dir || name.slice(dir.length).includes("/")) return undefined;
    name = name.slice(dir.length);
  }
  name = name.replace(/\.exe$/i, "");
  return TOOL_FAMILY.has(name) ? name : undefined;
}

/** `const run = util.promisify(exec)` in this file: the runner it wraps. */
function promisified(context: RuleContext, callee: ts.Expression): ts.Expression | undefined {
  // A cheap, local look first: most calls of a file are not of a promisified name.
  const name = skipOuterExpressions(callee);
  const declaration = ts.isIdentifier(name) ? findDeclaration(name) : undefined;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const target = skipOuterExpressions(declaration.initializer);
  if (!ts.isCallExpression(target) || target.arguments.length !== 1 || !/promisify$/.test(target.expression.getText())) return undefined;
  return refIs(refOf(context.semantics, target.expression), "util", ["promisify"]) ? target.arguments[0] : undefined;
}

function siteOf(context: RuleContext, node: ts.CallExpression | ts.TaggedTemplateExpression): CommandSite | undefined {
  const { semantics } = context;
  if (ts.isTaggedTemplateExpression(node)) {
    if (!matchRows(COMMAND_TAGS, refOf(semantics, node.tag))) return undefined;
    return { form: "shell", label: `${codeText(node.tag)}\`…\``, command: node.template };
  }
  const command = node.arguments[0];
  if (!command || ts.isSpreadElement(command)) return undefined;
  const row = matchRows(COMMAND_RUNNERS, refOf(semantics, node.expression)) ?? matchRows(COMMAND_RUNNERS, refOfWrapped(context, node.expression));
  if (!row) return undefined;
  return { form: row.form, label: `${codeText(node.expression)}()`, command, args: node.arguments[1] };
}

function refOfWrapped(context: RuleContext, callee: ts.Expression): ReturnType<typeof refOf> {
  const wrapped = promisified(context, callee);
  return wrapped && refOf(context.semantics, wrapped);
}

/** `["-c", "pg_dump …"]` passed to a shell: the command string, if it is written out. */
function shellScript(context: RuleContext, args: ts.Expression | undefined): ts.Expression | undefined {
  if (!args) return undefined;
  const list = skipOuterExpressions(context.semantics.resolve(args).node);
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const flag = list.elements.findIndex((element) => {
    const value = context.semantics.valueOf(element);
    return value.kind === "literal" && typeof value.value === "string" && /^-[a-z]*c$/.test(value.value);
  });
  const script = flag >= 0 ? list.elements[flag + 1] : undefined;
  return script && !ts.isSpreadElement(script) ? script : undefined;
}

/** Whether `node_modules/.bin` has a program of that name (a package of the app ships it). */
function inNodeModulesBin(context: RuleContext, name: string): boolean {
  const dirs = new Set([context.project.nearestPackage(context.file)?.dir ?? context.project.root, context.project.root]);
  return [...dirs].some((dir) => context.project.host.fileExists(path.join(dir, "node_modules", ".bin", name)));
}

/** `anchor`: where to report (in the file under analysis) when the tool's name is written elsewhere. */
function reportTool(context: RuleContext, site: CommandSite, anchor: ts.Node, command: CommandText, word: ShellWord, tool: string): void {
  if (inNodeModulesBin(context, tool)) return;
  const family = TOOL_FAMILY.get(tool);
  if (!family) return;
  const range = fileRange(command, word.start, word.end);
  const message = `${site.label} runs \`${tool}\`, a system tool the app neither declares nor ships; install it explicitly in the image or buildpack, or use ${family.instead}.`;
  const descriptor = { message, signals: [site.label, tool] };
  if (range) context.report({ ...descriptor, ...range });
  else context.report({ ...descriptor, node: anchor });
}

function checkCommand(context: RuleContext, site: CommandSite, where: ts.Expression, anchor: ts.Node, depth = 0): void {
  const command = commandText(context.semantics, where, context.sourceFile);
  const commands = simpleCommands(command.text);
  // A program and its arguments: only the program counts; a command line: every command in it.
  for (const simple of site.form === "file" ? commands.slice(0, 1) : commands) {
    const [program] = programWords(simple);
    if (!program) continue;
    const tool = toolName(program);
    if (tool) reportTool(context, site, anchor, command, program, tool);
    else if (site.form === "file" && depth === 0 && SHELLS.has(path.posix.basename(program.text))) {
      const script = shellScript(context, site.args);
      if (script) checkCommand(context, { ...site, form: "shell" }, script, script.getSourceFile() === context.sourceFile ? script : (site.args ?? anchor), depth + 1);
    }
  }
}

export const implicitSystemTool = defineRule({
  id: "dependencies/implicit-system-tool",
  factor: "II",
  headline: false,
  defaultSeverity: "info",
  description: "Code that runs a system tool (curl, ImageMagick, ffmpeg, git, pg_dump …) the app neither declares nor ships.",
  rationale:
    "A twelve-factor app never relies on the implicit existence of system-wide tools: a binary that happens to be on a developer's machine is missing from a slim production image or buildpack, so the app fails there at run time.",
  fixable: false,
  roles: { test: "off", fixture: "off", config: "off", script: "lowered" },
  // A command reaches a runner through its module (child_process, execa, zx …) or, from a local
  // wrapper, as a string that starts with the tool's name.
  trigger: buildTrigger({
    modules: [...COMMAND_RUNNERS, ...COMMAND_TAGS].map((row) => row.module),
    words: ["execSync", "spawnSync", "execFile", "execFileSync", "spawn", "execa", "execaSync", "execaCommand"],
    extra: [`["'\`]\\s*(?:sudo\\s+)?(?:${[...TOOL_FAMILY.keys()].map((tool) => tool.replace(/[.+]/g, "\\$&")).join("|")})\\b`],
  }),
  create(context) {
    resetRefCache();
    return judgeAfterWalk<ts.CallExpression | ts.TaggedTemplateExpression>([ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression], (node) => {
      const site = siteOf(context, node);
      if (site) checkCommand(context, site, site.command, site.command);
    });
  },
});

export default implicitSystemTool;
