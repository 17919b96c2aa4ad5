import { noFixedPort } from "../../../server/src/rules/port-binding/no-fixed-port";
import { runRuleTests, type InvalidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

// Ports followed through the project's own helpers: parameters back to their call sites.
const msg = (port: number, through: string, via = "", env = "PORT"): string =>
  `Port ${port} is hardcoded in listen() through ${through}${via}; bind to the port the platform gives in process.env.${env}.`;

const METRICS = `import http from "node:http";\nexport function startMetrics(port: number) {\n  const server = http.createServer((req, res) => res.end("ok"));\n  server.listen(port);\n  return server;\n}\n`;

function invalid(name: string, code: string, errors: (code: string) => InvalidCase["errors"], rest: Partial<InvalidCase> = {}): InvalidCase {
  return { name, code, errors: errors(code), ...rest };
}

runRuleTests(noFixedPort, {
  valid: [
    { name: "a helper given only process.env values", code: `import { startMetrics } from "./metrics";\nstartMetrics(Number(process.env.METRICS_PORT ?? 9464));\nconst { PORT = "3000" } = process.env;\nstartMetrics(Number(PORT));`, files: { "src/metrics.ts": METRICS } },
    { name: "a helper passing along its own parameter", code: `import { startMetrics } from "./metrics";\nexport function boot(port: number) { return startMetrics(port); }`, files: { "src/metrics.ts": METRICS } },
    { name: "port 0 through a helper", code: `import { startMetrics } from "./metrics";\nstartMetrics(0);`, files: { "src/metrics.ts": METRICS } },
    { name: "a helper that ignores its argument for the port", code: `function start(name: string) { app.listen(Number(process.env.PORT)); console.log(name); }\nstart("api");` },
    { name: "four helpers deep: beyond the depth followed", code: `const a = (p: number) => app.listen(p);\nconst b = (p: number) => a(p);\nconst c = (p: number) => b(p);\nconst d = (p: number) => c(p);\nd(3000);` },
    { name: "a rest parameter is not followed", code: `function start(...args: number[]) { app.listen(args[0]); }\nstart(3000);` },
    { name: "a parameter reassigned in the helper", code: `function start(port: number) { port = Number(process.env.PORT); app.listen(port); }\nstart(3000);` },
    { name: "tests may pin ports through helpers", code: `import { startMetrics } from "../src/metrics";\nstartMetrics(9999);`, filename: "test/metrics.test.ts", files: { "src/metrics.ts": METRICS } },
  ],
  invalid: [
    invalid("a helper in another file, called with a setting from a third file and with the environment: only the literal", `import { startMetrics } from "./metrics";\nimport { settings } from "./settings";\nstartMetrics(settings.metricsPort);\nstartMetrics(Number(process.env.METRICS_PORT));`, (code) => [
      { message: msg(9464, "`startMetrics()` in src/metrics.ts", " (via `settings.metricsPort` in src/settings.ts)", "METRICS_PORT"), ...spanOf(code, "settings.metricsPort"), severity: "warning" },
    ], {
      files: { "src/metrics.ts": METRICS, "src/settings.ts": `export const settings = { metricsPort: 9464 };\n` },
      outputFiles: { "src/settings.ts": `export const settings = { metricsPort: Number(process.env.METRICS_PORT ?? 9464) };\n` },
      output: `import { startMetrics } from "./metrics";\nimport { settings } from "./settings";\nstartMetrics(settings.metricsPort);\nstartMetrics(Number(process.env.METRICS_PORT));`,
    }),
    invalid("a literal argument: the fix edits it in place", `import { startMetrics } from "./metrics";\nstartMetrics(9464);`, (code) => [
      { message: msg(9464, "`startMetrics()` in src/metrics.ts"), ...spanOf(code, "9464"), severity: "warning" },
    ], { files: { "src/metrics.ts": METRICS }, output: `import { startMetrics } from "./metrics";\nstartMetrics(Number(process.env.PORT ?? 9464));` }),
    invalid("a destructured options parameter handed to fastify.listen", `function boot({ port }: { port: number }) {\n  return fastify.listen({ port, host: "0.0.0.0" });\n}\nboot({ port: 3000 });`, (code) => [
      { message: msg(3000, "`boot()`", " (via `{ port: 3000 }`)"), ...spanOf(code, "{ port: 3000 }"), severity: "warning" },
    ], { output: `function boot({ port }: { port: number }) {\n  return fastify.listen({ port, host: "0.0.0.0" });\n}\nboot({ port: Number(process.env.PORT ?? 3000) });` }),
    invalid("three helpers deep, named in order", `const start = (p: number) => app.listen(p);\nconst run = (p: number) => start(p);\nconst go = (p: number) => run(p);\ngo(3001);`, (code) => [
      { message: msg(3001, "`go()` → `run()` → `start()`"), ...spanOf(code, "3001"), severity: "warning" },
    ], { output: `const start = (p: number) => app.listen(p);\nconst run = (p: number) => start(p);\nconst go = (p: number) => run(p);\ngo(Number(process.env.PORT ?? 3001));` }),
    invalid("a class whose constructor keeps the port and whose start() listens", `class MetricsServer {\n  constructor(private readonly port: number) {}\n  start() { return app.listen(this.port); }\n}\nconst metrics = new MetricsServer(9100);\nmetrics.start();`, (code) => [
      { message: msg(9100, "`MetricsServer.start()`", " (via `metrics.start()`)"), ...spanOf(code, "metrics.start()"), severity: "warning" },
    ], { output: `class MetricsServer {\n  constructor(private readonly port: number) {}\n  start() { return app.listen(this.port); }\n}\nconst metrics = new MetricsServer(Number(process.env.PORT ?? 9100));\nmetrics.start();` }),
  ],
});
