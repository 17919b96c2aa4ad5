import { secretInClientBundle } from "../../../server/src/rules/config/secret-in-client-bundle";
import { runRuleTests, type InvalidCase, type ValidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

/** Client code through the import graph, and a Vite app's `src/` beside its express `server/`. */
const msg = (read: string, where: string): string =>
  `${read} is a server-only secret read in ${where}; move the read to server code and send the client only what it needs (a public prefix would publish the secret).`;

const next = JSON.stringify({ name: "shop", dependencies: { next: "15.0.0", react: "19.0.0" } });
const READ = "process.env.STRIPE_SECRET_KEY";
const KEYS = `export const stripeKey = ${READ};\n`;
const useClient = (body: string): string => `"use client";\n${body}`;
const PAY_BUTTON = useClient(`import { stripeKey } from "../../lib/keys";\nexport function PayButton() { return <button data-k={stripeKey} />; }\n`);

function hit(name: string, files: Record<string, string>, where: string, code = KEYS, filename = "lib/keys.ts"): InvalidCase {
  return { name, code, filename, files, errors: [{ message: msg(READ, where), ...spanOf(code, READ), severity: "warning" }] };
}

const invalid: InvalidCase[] = [
  hit("a module only a client component imports", { "package.json": next, "app/checkout/PayButton.tsx": PAY_BUTTON }, "a module only client code imports (app/checkout/PayButton.tsx)"),
  hit(
    "through another module, two client components, and a test that imports it too",
    {
      "package.json": next,
      "lib/payments.ts": `import { stripeKey } from "./keys";\nexport const pay = () => fetch("/pay", { headers: { k: stripeKey } });\n`,
      "components/Pay.tsx": useClient(`import { pay } from "../lib/payments";\nexport const Pay = () => <button onClick={pay} />;\n`),
      "components/Checkout.tsx": useClient(`import { stripeKey } from "@/lib/keys";\nexport const Checkout = () => <p>{stripeKey}</p>;\n`),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
      "lib/keys.test.ts": `import { stripeKey } from "./keys";\ntest("k", () => expect(stripeKey).toBeDefined());\n`,
    },
    "a module only client code imports (components/Checkout.tsx)",
  ),
  hit(
    "through a barrel (`export * from`), named by its folder",
    { "package.json": next, "lib/index.ts": `export * from "./keys";\n`, "components/Pay.tsx": useClient(`import { stripeKey } from "../lib";\nexport const Pay = () => <p>{stripeKey}</p>;\n`) },
    "a module only client code imports (components/Pay.tsx through lib/index.ts)",
  ),
  hit(
    "three imports up: the deepest chain followed",
    {
      "package.json": next,
      "lib/a.ts": `export { stripeKey } from "./keys";\n`,
      "lib/b.ts": `export { stripeKey } from "./a";\n`,
      "components/Pay.tsx": useClient(`import { stripeKey } from "../lib/b";\nexport const Pay = () => <p>{stripeKey}</p>;\n`),
    },
    "a module only client code imports (components/Pay.tsx through lib/b.ts, lib/a.ts)",
  ),
  hit(
    "a Vite app's src/ beside an express server/ folder",
    {
      "package.json": JSON.stringify({ name: "spa", dependencies: { react: "19.0.0", express: "4.21.0" }, devDependencies: { vite: "6.0.0" } }),
      "server/index.ts": `import express from "express";\nexpress().listen(Number(process.env.PORT ?? 3000));\n`,
    },
    "the src/ of a Vite front-end",
    `export const key = ${READ};\n`,
    "src/pay.ts",
  ),
];

const serverComponent = `import { stripeKey } from "../lib/keys";\nexport default function Page() { return <p>{stripeKey.length}</p>; }\n`;
const valid: ValidCase[] = [
  { name: "imported by a client component and a server component", code: KEYS, filename: "lib/keys.ts", files: { "package.json": next, "app/checkout/PayButton.tsx": PAY_BUTTON, "app/page.tsx": serverComponent } },
  { name: "imported by a route handler only", code: KEYS, filename: "lib/keys.ts", files: { "package.json": next, "app/api/pay/route.ts": `import { stripeKey } from "../../../lib/keys";\nexport async function POST() { return Response.json({ ok: !!stripeKey }); }\n` } },
  { name: "a server-only module imported by a client component", code: `import "server-only";\n${KEYS}`, filename: "lib/keys.ts", files: { "package.json": next, "app/checkout/PayButton.tsx": PAY_BUTTON } },
  { name: "imported by nothing", code: KEYS, filename: "lib/keys.ts", files: { "package.json": next } },
  { name: "imported only as a type", code: `${KEYS}export type Keys = { stripe: string };\n`, filename: "lib/keys.ts", files: { "package.json": next, "components/Pay.tsx": useClient(`import type { Keys } from "../lib/keys";\nexport const Pay = (p: Keys) => <p>{p.stripe}</p>;\n`) } },
  { name: "imported by a server actions file", code: KEYS, filename: "lib/keys.ts", files: { "package.json": next, "app/actions.ts": `"use server";\nimport { stripeKey } from "../lib/keys";\nexport async function charge() { return stripeKey.length; }\n` } },
  {
    name: "a chain longer than three imports is not followed",
    code: KEYS,
    filename: "lib/keys.ts",
    files: {
      "package.json": next,
      "lib/a.ts": `export { stripeKey } from "./keys";\n`,
      "lib/b.ts": `export { stripeKey } from "./a";\n`,
      "lib/c.ts": `export { stripeKey } from "./b";\n`,
      "components/Pay.tsx": useClient(`import { stripeKey } from "../lib/c";\nexport const Pay = () => <p>{stripeKey}</p>;\n`),
    },
  },
  {
    name: "more importers than the budget (41 client components) is not followed",
    code: KEYS,
    filename: "lib/keys.ts",
    files: Object.fromEntries([["package.json", next], ...Array.from({ length: 41 }, (_, i) => [`components/C${i}.tsx`, useClient(`import { stripeKey } from "../lib/keys";\nexport const C = () => <p>{stripeKey}</p>;\n`)])]),
  },
  { name: "an import cycle with no client at its end", code: `import "./loop";\n${KEYS}`, filename: "lib/keys.ts", files: { "package.json": next, "lib/loop.ts": `import { stripeKey } from "./keys";\nexport const k = stripeKey;\n` } },
  {
    name: "a Vite app's server/ folder is server code",
    code: `export const key = ${READ};\n`,
    filename: "server/pay.ts",
    files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", express: "4.21.0" }, devDependencies: { vite: "6.0.0" } }), "server/index.ts": `import express from "express";\n` },
  },
  {
    name: "a src/ file that starts the express server itself",
    code: `import express from "express";\nconst key = ${READ};\nexpress().listen(3000);\n`,
    filename: "src/server.ts",
    files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", express: "4.21.0" }, devDependencies: { vite: "6.0.0" } }), "server/index.ts": `import express from "express";\n` },
  },
  {
    name: "a Vite app with express but no server/ folder using it",
    code: `export const key = ${READ};\n`,
    filename: "src/pay.ts",
    files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", express: "4.21.0" }, devDependencies: { vite: "6.0.0" } }), "server/README.md": "the API\n" },
  },
  {
    name: "a Vite app with an SSR framework beside express",
    code: `export const key = ${READ};\n`,
    filename: "src/pay.ts",
    files: { "package.json": JSON.stringify({ dependencies: { react: "19.0.0", express: "4.21.0", vike: "0.4.0" }, devDependencies: { vite: "6.0.0" } }), "server/index.ts": `import express from "express";\n` },
  },
];

runRuleTests(secretInClientBundle, { valid, invalid });
