// The engine API the benchmark drives, bundled by bench/run.mjs with the same esbuild settings as
// dist/ (tsx would add `keepNames` wrappers to every closure and skew the figures).
import ts from "typescript";

export { ts };
export { Engine } from "../server/src/engine/analyzer";
export { auditProject } from "../server/src/engine/audit";
export { defaultConfig } from "../server/src/engine/configTypes";
export { discoverFiles } from "../server/src/engine/discovery";
export { isSourceFile, scriptKindOf } from "../server/src/engine/sourceKinds";
export { PreScan } from "../server/src/engine/preScan";
export { parseSuppressions } from "../server/src/engine/suppressions";
export { RULES } from "../server/src/rules/registry";
export { ProjectModel } from "../server/src/engine/project";
export { diskHost, OverlayHost } from "../server/src/engine/host";
export { keepHeapGrowthLow } from "../server/src/engine/heapGrowth";
