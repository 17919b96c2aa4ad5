import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SECRET_TRIGGER } from "./server/src/rules/config/secrets/trigger";
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\.(c|m)?js$/.test(e.name) && statSync(f).size < 1024*1024) files.push(f); } }
walk("node_modules");
const texts = files.map(f => { try { return readFileSync(f, "utf8"); } catch { return ""; } });
const src = SECRET_TRIGGER.source;
// split top-level alternatives
const parts: string[] = []; let depth = 0, cls = false, cur = "";
for (let i = 0; i < src.length; i++) { const c = src[i]; if (c === "\\") { cur += c + src[++i]; continue; } if (cls) { if (c === "]") cls = false; cur += c; continue; } if (c === "[") cls = true; if (c === "(") depth++; if (c === ")") depth--; if (c === "|" && depth === 0) { parts.push(cur); cur = ""; continue; } cur += c; }
parts.push(cur);
const res = parts.map(p => { const re = new RegExp(p); const t0 = performance.now(); let h = 0; for (const t of texts) if (re.test(t)) h++; return { p: p.slice(0, 50), ms: Math.round(performance.now() - t0), h }; });
res.sort((a, b) => b.ms - a.ms); console.log(res.slice(0, 15), parts.length);
const t0 = performance.now(); for (const t of texts) SECRET_TRIGGER.test(t); console.log("all", performance.now() - t0);
// experiment: trie by first char
const first = (p: string): string | undefined => { const c = p[0]; if (/[A-Za-z0-9_:.\-\/~]/.test(c) && p[1] !== "?" && p[1] !== "*" && p[1] !== "{") return c; return undefined; };
const groups = new Map<string, string[]>(); const rest: string[] = [];
for (const p of parts) { const f = first(p); if (f && !/^\(/.test(p)) { const g = groups.get(f) ?? []; g.push(p.slice(1)); groups.set(f, g); } else rest.push(p); }
const esc = (c: string) => /[.\-\/]/.test(c) ? "\\" + c : c;
const trie = [...[...groups].map(([c, g]) => esc(c) + "(?:" + g.join("|") + ")"), ...rest].join("|");
const re2 = new RegExp(trie);
let t1 = performance.now(); let h2 = 0; for (const t of texts) if (re2.test(t)) h2++; console.log("trie", performance.now() - t1, h2, groups.size, rest.length);
let h1 = 0; for (const t of texts) if (SECRET_TRIGGER.test(t)) h1++; console.log(h1);
