/**
 * Environment variables the runtime, the OS, the package manager or the hosting platform sets
 * by itself. Reading them is not configuration the team has to document in `.env.example`.
 * A new platform is a new row. Reviewed list: when in doubt a name stays out (a missed
 * finding is cheaper than telling people to document what they never set).
 */
export const PLATFORM_VARIABLES: ReadonlySet<string> = new Set([
  // Node and the usual process environment.
  "NODE_ENV", "NODE_OPTIONS", "NODE_PATH", "NODE_EXTRA_CA_CERTS",
  "HOME", "PATH", "PWD", "OLDPWD", "USER", "USERNAME", "LOGNAME", "SHELL", "HOSTNAME", "TZ", "LANG", "LC_ALL", "TERM",
  "TMPDIR", "TMP", "TEMP", "APPDATA", "LOCALAPPDATA", "USERPROFILE", "SystemRoot", "ComSpec",
  // PORT: set by every PaaS (Heroku, Render, Cloud Run, App Engine, Railway, Fly). Flagging it would
  // also fight port-binding/no-fixed-port, which steers code to `process.env.PORT`.
  "PORT",
  // CI systems.
  "CI", "BUILD_NUMBER", "BUILD_ID",
  // Heroku, Cloud Run / Cloud Functions, Kubernetes, AWS Lambda.
  "DYNO", "SOURCE_VERSION", "K_SERVICE", "K_REVISION", "K_CONFIGURATION", "FUNCTION_TARGET", "GOOGLE_CLOUD_PROJECT",
  "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
  "LAMBDA_TASK_ROOT", "_HANDLER",
  "RENDER", "NETLIFY", "VERCEL",
]);

/** Name prefixes owned by a tool or platform: `npm_package_version`, `VERCEL_URL`, `GITHUB_SHA` ... */
export const PLATFORM_PREFIXES: readonly string[] = [
  "npm_", "VERCEL_", "NETLIFY_", "RENDER_", "RAILWAY_", "FLY_", "HEROKU_", "GITHUB_", "GITLAB_", "CI_", "AWS_LAMBDA_", "KUBERNETES_",
];

/** Vite's built-ins on `import.meta.env`, present without any `.env` file. */
export const VITE_BUILT_INS: ReadonlySet<string> = new Set(["MODE", "DEV", "PROD", "SSR", "BASE_URL"]);

export function isPlatformVariable(name: string, holder: "process" | "import.meta" | "Bun"): boolean {
  if (PLATFORM_VARIABLES.has(name)) return true;
  if (PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return holder === "import.meta" && VITE_BUILT_INS.has(name);
}
