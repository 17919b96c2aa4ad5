import type { Factor } from "../engine/types";

export interface FactorInfo {
  name: string;
  /** The factor's one-line statement, as the Twelve-Factor App phrases its chapter titles. */
  statement: string;
}

export const FACTOR_INFO: Readonly<Record<Factor, FactorInfo>> = {
  I: { name: "Codebase", statement: "One codebase tracked in revision control, many deploys." },
  II: { name: "Dependencies", statement: "Explicitly declare and isolate dependencies." },
  III: { name: "Config", statement: "Store config in the environment." },
  IV: { name: "Backing services", statement: "Treat backing services as attached resources." },
  V: { name: "Build, release, run", statement: "Strictly separate build and run stages." },
  VI: { name: "Processes", statement: "Execute the app as one or more stateless processes." },
  VII: { name: "Port binding", statement: "Export services via port binding." },
  VIII: { name: "Concurrency", statement: "Scale out via the process model." },
  IX: { name: "Disposability", statement: "Maximize robustness with fast startup and graceful shutdown." },
  X: { name: "Dev/prod parity", statement: "Keep development, staging, and production as similar as possible." },
  XI: { name: "Logs", statement: "Treat logs as event streams." },
  XII: { name: "Admin processes", statement: "Run admin/management tasks as one-off processes." },
};
