import { PROVIDER_FORMATS } from "../../../../../server/src/rules/config/secrets/providers";
import type { InvalidCase } from "../../../../helpers/ruleTester";
import { PROVIDER_SAMPLES } from "../samples";
import { at, readFrom } from "./support";

/**
 * One invalid case per provider row: the token in a neutral slot (`new Client(…)`), or for
 * rows that need context, assigned to a name that gives it. Tokens come from samples.ts.
 */
export const PROVIDER_CASES: InvalidCase[] = PROVIDER_FORMATS.map((row) => {
  const sample = PROVIDER_SAMPLES[row.id];
  const literal = JSON.stringify(sample.value);
  const envName = sample.envName ?? row.envName;
  const siblings = Object.entries(sample.siblings ?? {}).map(([key, value]) => `${key}: ${JSON.stringify(value)}, `).join("");
  const [code, output] = sample.siblings
    ? [`const account = { ${siblings}${sample.name}: ${literal} };\n`, `const account = { ${siblings}${sample.name}: process.env.${envName} };\n`]
    : sample.name
      ? [`const ${sample.name} = ${literal};\n`, `const ${sample.name} = process.env.${envName};\n`]
      : [`const client = new Client(${literal});\n`, `const client = new Client(process.env.${envName});\n`];
  return {
    name: `provider ${row.id}`,
    code,
    errors: [{ ...at(code, literal), message: readFrom(sample.token ?? sample.value, `${row.label} format`, envName), severity: row.severity, signals: [`${row.label} format`] }],
    output,
    outputFiles: { ".env.example": `${envName}=\n`, ".env": null },
  };
});
