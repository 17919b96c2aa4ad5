import ts from "typescript";
import type { Semantics } from "../../../engine/semantics/types";

/**
 * Calls whose argument at `index` is a signing or encryption secret: a literal there is a
 * hardcoded secret even when it is a plain word (reviewed table, one test per row).
 */
export interface SecretArgument {
  module: string;
  /** Member path from the module binding (`[]`: the module's default export itself). */
  member: readonly string[];
  index: number;
  label: string;
  envName: string;
}

export const SECRET_ARGUMENTS: readonly SecretArgument[] = [
  { module: "jsonwebtoken", member: ["sign"], index: 1, label: "jwt.sign", envName: "JWT_SECRET" },
  { module: "jsonwebtoken", member: ["verify"], index: 1, label: "jwt.verify", envName: "JWT_SECRET" },
  { module: "crypto", member: ["createHmac"], index: 1, label: "crypto.createHmac", envName: "HMAC_SECRET" },
  { module: "cookie-parser", member: [], index: 0, label: "cookieParser", envName: "COOKIE_SECRET" },
  { module: "crypto-js", member: ["AES", "encrypt"], index: 1, label: "CryptoJS.AES.encrypt", envName: "ENCRYPTION_KEY" },
  { module: "crypto-js", member: ["AES", "decrypt"], index: 1, label: "CryptoJS.AES.decrypt", envName: "ENCRYPTION_KEY" },
  { module: "crypto-js", member: ["HmacSHA256"], index: 1, label: "CryptoJS.HmacSHA256", envName: "HMAC_SECRET" },
];

/** Last names of the callees above: a cheap textual test before asking the semantics. */
const CALLEE_NAMES = new Set(["sign", "verify", "createHmac", "cookieParser", "encrypt", "decrypt", "HmacSHA256"]);

function lastName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The table row for `call` when its argument at `index` is the secret; also `jwt.sign` on an unresolved `jwt`. */
export function secretArgumentOf(call: ts.CallExpression | ts.NewExpression, index: number, semantics: Semantics): SecretArgument | undefined {
  const name = lastName(call.expression);
  if (name === undefined || !CALLEE_NAMES.has(name)) return undefined;
  const ref = semantics.moduleRef(call.expression);
  if (ref) {
    return SECRET_ARGUMENTS.find((row) => row.index === index && row.module === ref.module && row.member.join(".") === ref.path.join("."));
  }
  // An unresolved `jwt.sign(...)` (a global, or an injected client) still reads as jsonwebtoken.
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && /jwt/i.test(callee.expression.text)) {
    return SECRET_ARGUMENTS.find((row) => row.module === "jsonwebtoken" && row.member[0] === name && row.index === index);
  }
  return undefined;
}
