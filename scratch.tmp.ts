import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SECRET_TRIGGER } from "./server/src/rules/config/secrets/trigger";
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\.(c|m)?js$/.test(e.name) && statSync(f).size < 1024*1024) files.push(f); } }
walk(process.argv[2] ?? "node_modules");
const texts = files.map(f => readFileSync(f, "utf8"));
const total = texts.reduce((a, t) => a + t.length, 0);
let t0 = performance.now(); let hit = 0; const hits: string[] = [];
for (let i = 0; i < texts.length; i++) if (SECRET_TRIGGER.test(texts[i])) { hit++; hits.push(files[i]); }
const trig = performance.now() - t0;
t0 = performance.now();
for (const t of texts) ts.createSourceFile("x.js", t, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
const parse = performance.now() - t0;
console.log({ files: files.length, MB: (total/1e6).toFixed(1), hit, trigMs: trig.toFixed(0), parseMs: parse.toFixed(0) });
const why = new Map<string, number>();
for (const i of hits.slice(0)) { const m = SECRET_TRIGGER.exec(texts[files.indexOf(i)]); const k = m![0].slice(0, 40); why.set(k, (why.get(k) ?? 0) + 1); }
console.log([...why.entries()].sort((a,b)=>b[1]-a[1]).slice(0, 60));
