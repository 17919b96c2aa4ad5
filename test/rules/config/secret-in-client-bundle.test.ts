import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { diskHost } from "../../../server/src/engine/host";
import { ProjectModel } from "../../../server/src/engine/project";
import { SERVER_PACKAGES } from "../../../server/src/engine/roles/frontEndPackages";
import { PUBLIC_ENV_PREFIXES } from "../../../server/src/rules/config/data/publicEnvPrefixes";
import { secretInClientBundle } from "../../../server/src/rules/config/secret-in-client-bundle";
import { analyze, runRuleTests } from "../../helpers/ruleTester";
import { writeProject } from "../../helpers/project";

const WHERE = {
  useClient: 'a "use client" file',
  nextPage: "a Next.js page, which is bundled for the browser",
  vite: "the src/ of a Vite front-end",
  cra: "the src/ of a Create React App front-end",
};
const msg = (read: string, where: string): string =>
  `${read} is a server-only secret read in ${where}; move the read to server code and send the client only what it needs (a public prefix would publish the secret).`;

const next = { "package.json": JSON.stringify({ name: "shop", dependencies: { next: "15.0.0", react: "19.0.0" } }) };
const viteReact = { "package.json": JSON.stringify({ name: "spa", dependencies: { react: "19.0.0" }, devDependencies: { vite: "6.0.0" } }) };
const cra = { "package.json": JSON.stringify({ name: "cra", dependencies: { react: "18.0.0", "react-scripts": "5.0.1" } }) };
const clientFile = "app/checkout/PayButton.tsx";

runRuleTests(secretInClientBundle, {
  valid: [
    // Server components: app/ files without "use client".
    { code: `export default async function Page() {\n  const res = await fetch(url, { headers: { Authorization: process.env.STRIPE_SECRET_KEY! } });\n  return <p>{(await res.json()).total}</p>;\n}`, filename: "app/page.tsx", files: next },
    // API routes, even when they say "use client" by mistake.
    { code: `export default function handler(req, res) { res.json({ ok: !!process.env.STRIPE_SECRET_KEY }); }`, filename: "pages/api/pay.ts", files: next },
    { code: `export default function handler(req, res) { res.json({ ok: !!process.env.STRIPE_SECRET_KEY }); }`, filename: "src/pages/api/pay.ts", files: next },
    { code: `export async function POST() { return Response.json({ key: !!process.env.OPENAI_API_KEY }); }`, filename: "app/api/chat/route.ts", files: next },
    { code: `"use client";\nexport async function GET() { return new Response(process.env.OPENAI_API_KEY); }`, filename: "app/api/chat/route.ts", files: next },
    // getServerSideProps / getStaticProps / getStaticPaths bodies, in both spellings.
    {
      name: "getServerSideProps body",
      code: `export default function Page({ total }) { return <p>{total}</p>; }\nexport async function getServerSideProps() {\n  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n  return { props: { total: await stripe.total() } };\n}`,
      filename: "pages/index.tsx",
      files: next,
    },
    {
      name: "getStaticProps as a typed const, getStaticPaths",
      code: `import type { GetStaticProps } from "next";\nexport const getStaticProps: GetStaticProps = async () => ({ props: { token: sign(process.env["JWT_SECRET"]) } });\nexport async function getStaticPaths() { const { CMS_API_TOKEN } = process.env; return { paths: await list(CMS_API_TOKEN), fallback: false }; }\nexport default function Post() { return null; }`,
      filename: "pages/posts/[id].tsx",
      files: next,
    },
    {
      name: "helpers used only by getServerSideProps are stripped from the client bundle",
      code: `const secret = process.env.STRIPE_SECRET_KEY;\nasync function loadTotal() { return fetch(url, { headers: { Authorization: secret } }); }\nexport async function getServerSideProps() { return { props: { total: await loadTotal() } }; }\nexport default function Page({ total }) { return <p>{total}</p>; }`,
      filename: "pages/orders.tsx",
      files: next,
    },
    // `_document` renders only on the server.
    { code: `export default function Document() { return <Html data-key={process.env.ANALYTICS_SECRET} />; }`, filename: "pages/_document.tsx", files: next },
    // Server-only modules.
    { code: `import "server-only";\nexport const stripeKey = process.env.STRIPE_SECRET_KEY;`, filename: "src/lib/stripe.ts", files: viteReact },
    { code: `require("server-only");\nmodule.exports = { key: process.env.STRIPE_SECRET_KEY };`, filename: "src/lib/stripe.js", files: viteReact },
    // Server actions: a "use server" module, or a "use server" function.
    { code: `"use server";\nexport async function pay() { return charge(process.env.STRIPE_SECRET_KEY); }`, filename: "app/actions.ts", files: next },
    { code: `"use client";\nasync function pay() {\n  "use server";\n  return charge(process.env.STRIPE_SECRET_KEY);\n}\nexport default function Button() { return <form action={pay} />; }`, filename: clientFile, files: next },
    // Public-prefixed variables are meant for the browser.
    { code: `"use client";\nconst stripe = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);\nconst key = process.env.NEXT_PUBLIC_MAPS_API_KEY;`, filename: clientFile, files: next },
    { code: `const key = import.meta.env.VITE_FIREBASE_API_KEY;`, filename: "src/firebase.ts", files: viteReact },
    { code: `const key = process.env.REACT_APP_MAPS_API_KEY;`, filename: "src/App.jsx", files: cra },
    { code: `"use client";\nconst { EXPO_PUBLIC_API_KEY, PUBLIC_SUPABASE_ANON_KEY, GATSBY_ALGOLIA_SEARCH_KEY } = process.env;`, filename: "src/Search.tsx" },
    // Every row of the public-prefix table.
    ...PUBLIC_ENV_PREFIXES.map((prefix) => ({ name: `public prefix ${prefix}`, code: `"use client";\nconst key = process.env.${prefix}API_KEY ?? import.meta.env.${prefix}SECRET;`, filename: "src/Widget.tsx" })),
    // Every row of the server-package table: a Vite + React package that also runs server code.
    ...SERVER_PACKAGES.map((entry) => ({
      name: `a Vite + React package that depends on ${entry}`,
      code: `const key = import.meta.env.STRIPE_SECRET_KEY;`,
      filename: "src/pay.ts",
      files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", [entry.endsWith("/") ? `${entry}node` : entry]: "1.0.0" }, devDependencies: { vite: "6.0.0" } }) },
    })),
    // Names that do not name a secret.
    { code: `"use client";\nif (process.env.NODE_ENV !== "production") console.log(process.env.API_URL, process.env.PUBLIC_KEY, process.env.STRIPE_PUBLISHABLE_KEY);`, filename: clientFile, files: next },
    { code: `const url = import.meta.env.API_URL; const mode = import.meta.env.MODE;`, filename: "src/api.ts", files: viteReact },
    // Test files are never bundled.
    { code: `"use client";\nconst key = process.env.STRIPE_SECRET_KEY;`, filename: "src/__tests__/PayButton.test.tsx", files: viteReact },
    // Not client code: Next.js components without the directive (unknown), plain Node services.
    { code: `export function Nav() { return <a data-token={process.env.GITHUB_TOKEN} />; }`, filename: "components/Nav.tsx", files: next },
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/billing.ts", files: { "package.json": JSON.stringify({ dependencies: { express: "4.0.0" } }) } },
    { code: `const key = process.env.STRIPE_SECRET_KEY;` },
    // "use client" as a string elsewhere is not the directive.
    { code: `import x from "y";\n"use client";\nconst key = process.env.STRIPE_SECRET_KEY;`, filename: "app/lib/keys.ts", files: next },
    // Vite packages that also run a server (SSR), or that are not front-ends at all.
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/entry.tsx", files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", express: "4.0.0" }, devDependencies: { vite: "6.0.0" } }) } },
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/entry.tsx", files: { "package.json": JSON.stringify({ dependencies: { "@remix-run/react": "2.0.0", react: "19.0.0" }, devDependencies: { vite: "6.0.0" } }) } },
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/cli.ts", files: { "package.json": JSON.stringify({ devDependencies: { vite: "6.0.0", vitest: "2.0.0" } }) } },
    // Server conventions inside a front-end's tree, and files outside src/.
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/server/pay.ts", files: viteReact },
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/entry-server.tsx", files: viteReact },
    { code: `const key = process.env.STRIPE_SECRET_KEY;`, filename: "src/pay.server.ts", files: viteReact },
    { code: `export default { key: process.env.SENTRY_AUTH_TOKEN };`, filename: "vite.config.ts", files: viteReact },
    // Dynamic keys, writes, method calls and other objects' `env`.
    { code: `"use client";\nexport const read = (name: string) => process.env[name];\nprocess.env.JWT_SECRET = "";\ndelete process.env.JWT_SECRET;\nprocess.env.hasOwnProperty("JWT_SECRET");`, filename: "src/x.tsx" },
    { code: `"use client";\nconst process = { env: { JWT_SECRET: "" } };\nconst secret = process.env.JWT_SECRET;`, filename: "src/x.tsx" },
    { code: `"use client";\nconst secret = config.env.JWT_SECRET;`, filename: "src/x.tsx" },
  ],
  invalid: [
    {
      name: '"use client": the whole process.env.X expression, no fix',
      code: `"use client";\nexport function PayButton() {\n  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n  return <button onClick={() => stripe.pay()}>Pay</button>;\n}`,
      filename: clientFile,
      files: next,
      errors: [{ message: msg("process.env.STRIPE_SECRET_KEY", WHERE.useClient), line: 3, column: 29, endLine: 3, endColumn: 58, severity: "warning" }],
    },
    {
      name: "bracket reads and destructuring, public names beside them untouched",
      code: `'use client'\nconst key = process.env["OPENAI_API_KEY"];\nconst { JWT_SECRET, NEXT_PUBLIC_URL, DB_PASSWORD: password } = process.env;`,
      filename: "src/components/Chat.tsx",
      errors: [
        { message: msg("process.env.OPENAI_API_KEY", WHERE.useClient), line: 2, column: 13, endLine: 2, endColumn: 42 },
        { message: msg("process.env.JWT_SECRET", WHERE.useClient), line: 3, column: 9, endLine: 3, endColumn: 19 },
        { message: msg("process.env.DB_PASSWORD", WHERE.useClient), line: 3, column: 38, endLine: 3, endColumn: 49 },
      ],
    },
    {
      name: "a pages/ component; getServerSideProps beside it stays quiet",
      code: `export default function Page() {\n  return <Map apiKey={process.env.GOOGLE_MAPS_SECRET} />;\n}\nexport async function getServerSideProps() { return { props: { k: process.env.GOOGLE_MAPS_SECRET } }; }`,
      filename: "pages/index.tsx",
      files: next,
      errors: [{ message: msg("process.env.GOOGLE_MAPS_SECRET", WHERE.nextPage), line: 2, column: 23, endLine: 2, endColumn: 53 }],
    },
    {
      name: "src/pages and _app are client too",
      code: `export default function App({ Component }) { init(process.env.SENTRY_AUTH_TOKEN); return <Component />; }`,
      filename: "src/pages/_app.tsx",
      files: next,
      errors: [{ message: msg("process.env.SENTRY_AUTH_TOKEN", WHERE.nextPage), line: 1, column: 51, endLine: 1, endColumn: 80 }],
    },
    {
      name: "a helper used by getServerSideProps and by the component stays in the bundle",
      code: `const headers = () => ({ Authorization: process.env.CMS_API_TOKEN });\nexport async function getServerSideProps() { return { props: { h: headers() } }; }\nexport default function Page() { return <Img headers={headers()} />; }`,
      filename: "pages/gallery.tsx",
      files: next,
      errors: [{ message: msg("process.env.CMS_API_TOKEN", WHERE.nextPage), line: 1, column: 41, endLine: 1, endColumn: 66 }],
    },
    {
      name: "an exported helper is never stripped",
      code: `export const token = process.env.CMS_API_TOKEN;\nexport async function getStaticProps() { return { props: { token } }; }\nexport default function Page() { return null; }`,
      filename: "pages/about.tsx",
      files: next,
      errors: [{ message: msg("process.env.CMS_API_TOKEN", WHERE.nextPage), line: 1, column: 22, endLine: 1, endColumn: 47 }],
    },
    {
      name: "a Vite + React front-end's src/, import.meta.env",
      code: `export const openai = new OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });`,
      filename: "src/lib/ai.ts",
      files: viteReact,
      errors: [{ message: msg("import.meta.env.OPENAI_API_KEY", WHERE.vite), line: 1, column: 44, endLine: 1, endColumn: 74 }],
    },
    {
      name: "a Vite front-end without a UI library, known by its index.html",
      code: `fetch(url, { headers: { "X-Api-Key": import.meta.env.ADMIN_API_KEY } });`,
      filename: "src/main.ts",
      files: { "package.json": JSON.stringify({ devDependencies: { vite: "6.0.0", typescript: "5.0.0" } }), "index.html": `<script type="module" src="/src/main.ts"></script>\n` },
      errors: [{ message: msg("import.meta.env.ADMIN_API_KEY", WHERE.vite), line: 1, column: 38, endLine: 1, endColumn: 67 }],
    },
    {
      name: "Create React App src/",
      code: `const db = connect({ password: process.env.DB_PASSWORD });`,
      filename: "src/App.jsx",
      files: cra,
      errors: [{ message: msg("process.env.DB_PASSWORD", WHERE.cra), line: 1, column: 32, endLine: 1, endColumn: 55 }],
    },
    {
      name: "a package of a monorepo: the nearest package.json decides",
      code: `const key = import.meta.env.STRIPE_SECRET_KEY;`,
      filename: "apps/web/src/pay.ts",
      files: { "package.json": JSON.stringify({ private: true, workspaces: ["apps/*"], devDependencies: { express: "4.0.0" } }), "apps/web/package.json": viteReact["package.json"] },
      errors: [{ message: msg("import.meta.env.STRIPE_SECRET_KEY", WHERE.vite), line: 1, column: 13, endLine: 1, endColumn: 46 }],
    },
  ],
});

describe("config/secret-in-client-bundle", () => {
  it("is not fixable and never offers a fix (a public prefix would publish the secret)", () => {
    assert.equal(secretInClientBundle.fixable, false);
    const result = analyze(secretInClientBundle, { code: `"use client";\nconst a = process.env.STRIPE_SECRET_KEY;\nconst { JWT_SECRET } = process.env;`, filename: clientFile, files: next });
    try {
      assert.equal(result.findings.length, 2);
      assert.deepEqual(result.findings.map((f) => f.fixes), [[], []]);
      assert.ok(result.findings.every((f) => !/NEXT_PUBLIC_/.test(JSON.stringify(f))));
    } finally {
      result.cleanup();
    }
  });

  it("the trigger parses only files that may be client code and read env", () => {
    const project = writeProject({ ...next, "web/package.json": viteReact["package.json"], "api/package.json": JSON.stringify({ dependencies: { express: "4.0.0" } }) });
    try {
      const model = new ProjectModel(project.root, diskHost);
      const at = (rel: string): string => path.join(project.root, rel);
      const read = `const k = process.env.STRIPE_SECRET_KEY;`;
      assert.equal(secretInClientBundle.trigger.test(read), true);
      assert.equal(secretInClientBundle.trigger.test(`const k = 1;`), false);
      // Without a marker, a file of a UI package that names a secret is parsed: its importers decide.
      assert.equal(secretInClientBundle.trigger.test(read, at("app/page.tsx"), model), true);
      assert.equal(secretInClientBundle.trigger.test(`const port = process.env.PORT;`, at("app/page.tsx"), model), false);
      assert.equal(secretInClientBundle.trigger.test(read, at("app/api/x/route.ts"), model), false);
      assert.equal(secretInClientBundle.trigger.test(`"use client";\n${read}`, at("app/page.tsx"), model), true);
      assert.equal(secretInClientBundle.trigger.test(read, at("pages/index.tsx"), model), true);
      assert.equal(secretInClientBundle.trigger.test(read, at("web/src/a.ts"), model), true);
      assert.equal(secretInClientBundle.trigger.test(read, at("web/scripts/a.ts"), model), true);
      // A package that renders no UI has no client components to import its files.
      assert.equal(secretInClientBundle.trigger.test(read, at("api/src/a.ts"), model), false);
    } finally {
      project.cleanup();
    }
  });
});
