import type { SlotInfo } from "../../../../server/src/rules/config/secrets/detector";

/** A detector slot without a syntax tree: a name, a role, and optional sibling keys. */
export function slot(name?: string, extra: Partial<SlotInfo> & { siblingKeys?: string[] } = {}): SlotInfo {
  const { siblingKeys = [], ...rest } = extra;
  return {
    name,
    role: "value",
    names: () => (name ?? "").toLowerCase(),
    siblings: () => siblingKeys.join(" ").toLowerCase(),
    ...rest,
  };
}
