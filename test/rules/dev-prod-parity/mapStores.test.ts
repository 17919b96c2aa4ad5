import { environmentSpecificBackingService } from "../../../server/src/rules/dev-prod-parity/environment-specific-backing-service";
import { runRuleTests, type InvalidCase } from "../../helpers/ruleTester";
import { spanOf } from "../snippetRange";

/** A local class that wraps a Map and takes entries after construction is an in-process store. */
const MEMORY_VS_REDIS = `This NODE_ENV branch uses an in-process memory store in development but Redis in production; run the same kind of backing service in every environment and vary only its configuration.`;
const CONDITION = `process.env.NODE_ENV === "production"`;

const SESSION_CACHE = `class SessionCache {\n  private store = new Map<string, unknown>();\n  get(id: string) {\n    return this.store.get(id);\n  }\n  set(id: string, value: unknown) {\n    this.store.set(id, value);\n  }\n}\n`;
const REDIS = `import Redis from "ioredis";\n`;

function hit(name: string, code: string, files: Record<string, string> = {}): InvalidCase {
  return { name, code, files, errors: [{ message: MEMORY_VS_REDIS, ...spanOf(code, CONDITION), severity: "info" }] };
}

runRuleTests(environmentSpecificBackingService, {
  invalid: [
    hit("a class with a Map field it sets in a method", `${REDIS}${SESSION_CACHE}export const sessions = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : new SessionCache();\n`),
    hit(
      "the class instantiated at module level, chosen by name",
      `${REDIS}${SESSION_CACHE}const memory = new SessionCache();\nconst redis = new Redis(process.env.REDIS_URL!);\nexport const cache = ${CONDITION} ? redis : memory;\n`,
    ),
    hit(
      "a class imported from another file, with a #private Map filled in the constructor and written in an arrow method",
      `${REDIS}import { MemoryCache } from "./memoryCache";\nexport const cache = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : new MemoryCache();\n`,
      { "src/memoryCache.ts": `export class MemoryCache {\n  #entries;\n  constructor() {\n    this.#entries = new Map();\n  }\n  put = (key: string, value: string) => {\n    this.#entries.set(key, value);\n  };\n}\n` },
    ),
    hit("a class that extends Map", `${REDIS}class Store extends Map<string, string> {}\nexport const cache = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : new Store();\n`),
  ],
  valid: [
    { name: "a Map used as a lookup table inside a function", code: `${REDIS}export const cache = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : makeCache();\nfunction lookup(rows: string[]) {\n  const byId = new Map();\n  for (const row of rows) byId.set(row, row);\n  return byId;\n}\n` },
    {
      name: "a constant registry: a Map filled only where the class is built",
      code: `${REDIS}class Codes {\n  private codes = new Map([["a", 1]]);\n  constructor() {\n    this.codes.set("b", 2);\n  }\n  get(code: string) {\n    return this.codes.get(code);\n  }\n}\nexport const cache = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : new Codes();\n`,
    },
    { name: "a class with a static Map", code: `${REDIS}class Registry {\n  static items = new Map();\n  add(k: string) {\n    Registry.items.set(k, k);\n  }\n}\nexport const cache = ${CONDITION} ? new Redis(process.env.REDIS_URL!) : new Registry();\n` },
    { name: "the Map store on both sides", code: `${SESSION_CACHE}export const cache = ${CONDITION} ? new SessionCache() : new SessionCache();\n` },
    { name: "a Map store made outside any NODE_ENV branch", code: `${SESSION_CACHE}export const cache = new SessionCache();\n` },
  ],
});
