import type ts from "typescript";
import type { Semantics } from "../../../engine/semantics";
import { matchRows, refOf } from "../../shared/moduleRefs";
import { argumentAt, objectOf, optionValueAt, writtenOptionNode } from "../../shared/options";
import { CREDENTIAL_SINKS } from "./credentialSinks";

/** A credential handed to a known client: where it is written at the call, and what the message calls it. */
export interface SinkValue {
  /** The value's expression, possibly in another file (a constant's initializer, a config object's property). */
  value: ts.Expression;
  /** Where the value enters the call, in this file: the option as written, or the argument holding it. */
  reportOn: ts.Node;
  label: string;
  envName: string;
}

/** Rows with the module, for `matchRows`. */
const ROWS = CREDENTIAL_SINKS.map((sink) => ({ ...sink, sink }));

/** The credentials `call` passes to a client, session middleware or API SDK of the sink table. */
export function credentialsPassedBy(call: ts.CallExpression | ts.NewExpression, semantics: Semantics): SinkValue[] {
  const row = matchRows(ROWS, refOf(semantics, call.expression));
  if (!row) return [];
  const { sink } = row;
  const found: SinkValue[] = [];
  for (const index of sink.positional ?? []) {
    const argument = argumentAt(call, index);
    // `new Sequelize(uri, options)`: an options object is not the password.
    if (argument && !objectOf(semantics, argument)) found.push({ value: argument, reportOn: argument, label: `argument ${index + 1} of ${sink.label}`, envName: sink.envName });
  }
  // Options may sit in any argument: `new Redis(port, host, { password })`, `mongoose.connect(uri, { pass })`.
  for (const argument of call.arguments ?? []) {
    if (sink.options.length === 0 || !objectOf(semantics, argument)) continue;
    for (const path of sink.options) {
      const value = optionValueAt(semantics, argument, path);
      if (value) found.push({ value, reportOn: writtenOptionNode(argument, path), label: `\`${path.join(".")}\` option of ${sink.label}`, envName: sink.envName });
    }
  }
  return found;
}
