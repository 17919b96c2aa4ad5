import path from "node:path";
import { findNodeAtLocation, getNodeValue, parseTree } from "jsonc-parser";
import { defineRule, type ProjectFileContext } from "../../engine/rule";
import type { ShellWord } from "../dependencies/shellWords";
import { stepsOfArgv, type BuildStep, type StepContext } from "./buildSteps";
import { DEV_COMPOSE_FILE, DEV_LOOP_WORDS } from "./data/buildCommands";
import { commandsAt, composeCommands, dockerfileCommands, packageJsonCommands, procfileCommands, productionScriptNames, verbatimOffsets, type StartCommand } from "./startCommands";

function messageFor(where: string, step: BuildStep): string {
  const via = step.via === undefined ? "" : ` (which runs \`${step.via}\`)`;
  if (step.kind === "runner") {
    return `${where} starts the app through \`${step.what}\`${via}, which compiles the code on every start; compile it in the build stage and run the output with node.`;
  }
  if (step.kind === "install") {
    return `${where} runs \`${step.what}\`${via} every time the app starts; install dependencies once in the build stage (npm ci in the Dockerfile or buildpack) and start the built release.`;
  }
  return `${where} runs \`${step.what}\`${via} every time the app starts; build once in the build stage and start the built output (for example node dist/server.js).`;
}

/** The package's scripts: from the text being checked, or the nearest package.json (the project model's cached copy). */
function scriptsFor(context: ProjectFileContext): Record<string, string> {
  if (context.kind !== "packageJson") return context.project.nearestPackage(context.file)?.scripts ?? {};
  const tree = parseTree(context.text);
  const node = tree && findNodeAtLocation(tree, ["scripts"]);
  const value: unknown = node && getNodeValue(node);
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function commandsOf(context: ProjectFileContext): StartCommand[] {
  switch (context.kind) {
    case "packageJson":
      return packageJsonCommands(context.text);
    case "procfile":
      return procfileCommands(context.text);
    case "dockerfile":
      return dockerfileCommands(context.text);
    case "compose":
      // Compose files named for development describe a local setup, not the release.
      return DEV_COMPOSE_FILE.test(path.basename(context.file)) ? [] : composeCommands(context.text);
    default:
      return [];
  }
}

/** A compose service that runs a dev loop (`npm install && npm run dev`) is a local setup. */
function runsDevLoop(command: StartCommand, reparse: StepContext["reparse"]): boolean {
  const words = command.commands.flatMap((simple) => simple.flatMap((word) => [word, ...reparse(word).flat()]));
  return words.some((word) => DEV_LOOP_WORDS.has(word.text));
}

function check(context: ProjectFileContext): void {
  const commands = commandsOf(context);
  if (commands.length === 0) return;
  const reparse = (word: ShellWord): ShellWord[][] => commandsAt(word.text, verbatimOffsets(context.text, word.start, word.end, word.text), word);
  const steps: StepContext = { scripts: scriptsFor(context), checkedScripts: new Set([...productionScriptNames(), "start", "test"]), reparse };
  for (const command of commands) {
    if (command.service !== undefined && runsDevLoop(command, reparse)) continue;
    for (const argv of command.commands) {
      for (const step of stepsOfArgv(argv, steps)) {
        context.report({ start: step.first.start, end: step.last.end, message: messageFor(command.where, step), signals: [step.kind, step.what] });
      }
    }
  }
}

export const buildAtRuntime = defineRule({
  id: "build-release-run/build-at-runtime",
  factor: "V",
  headline: false,
  defaultSeverity: "info",
  description: "Start commands (start scripts, Procfile, Dockerfile CMD/ENTRYPOINT, compose command) that install dependencies, compile, or run TypeScript through ts-node/tsx.",
  rationale:
    "The twelve-factor app strictly separates the build stage (install and compile) from the run stage: a release is built once and started many times, so starting must never change the code that runs, and restarts stay fast and reproducible.",
  fixable: false,
  roles: { test: "off", fixture: "off" },
  trigger: null,
  create() {
    return {};
  },
  projectFiles: { kinds: ["packageJson", "procfile", "dockerfile", "compose"], check },
});

export default buildAtRuntime;
