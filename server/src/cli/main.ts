import { keepHeapGrowthLow } from "../engine/heapGrowth";
import { EXIT_USAGE, runCli, UsageError } from "./run";

/**
 * `twelve-factor-lint`: exit 0 clean, 1 problems, 2 usage error or internal failure. A failure
 * is one line on stderr; the stack trace only with TWELVE_FACTOR_DEBUG=1.
 */
async function main(): Promise<void> {
  keepHeapGrowthLow();
  // A closed pipe (`... | head`) is the reader's choice, not a failure worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: { isTTY: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) },
      stderr: { isTTY: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text) },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`twelve-factor-lint: ${error.message}\nRun twelve-factor-lint --help for usage.\n`);
    } else {
      const debug = process.env.TWELVE_FACTOR_DEBUG === "1";
      const detail = debug ? `\n${(error as Error).stack ?? String(error)}` : "\n(set TWELVE_FACTOR_DEBUG=1 for the stack trace)";
      process.stderr.write(`twelve-factor-lint: internal error: ${(error as Error).message ?? String(error)}${detail}\n`);
    }
    process.exitCode = EXIT_USAGE;
  }
}

void main();
