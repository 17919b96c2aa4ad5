import ts from "typescript";
import type { RuleContext } from "../../engine/rule";
import type { Fix } from "../../engine/types";
import { findBinding } from "../shared/moduleBindings";
import { replaceNode, reviewedFix, singleLineText } from "../shared/edits";
import type { StoreHit } from "./fileStores";

/**
 * The fix changes what happens to every upload (nothing reaches the disk any more, and
 * `req.file.path` is gone): the title says what the handler has to do now, and it is never safe.
 */
export const MULTER_MEMORY_TITLE = "Keep uploads in memory (multer.memoryStorage()): the handler must now send req.file.buffer to object storage";

/**
 * Quick fixes for stores that have an in-memory form. Only multer has one worth offering: the
 * upload lands in `req.file.buffer`, ready to stream to object storage.
 */
export function storeFix(context: RuleContext, hit: StoreHit): Fix | undefined {
  if (hit.row.fix === "multer-memory-storage") return multerMemoryStorage(context, hit);
  if (hit.row.fix === "multer-disk-to-memory") return diskToMemoryStorage(context, hit);
  return undefined;
}

/** `multer({ dest: "uploads/" })` → `multer({ storage: multer.memoryStorage() })`, with the callee's own name. */
function multerMemoryStorage(context: RuleContext, hit: StoreHit): Fix | undefined {
  const property = hit.option?.property;
  // The options object must be in this file: the callee's name means nothing elsewhere.
  if (!property || property.getSourceFile() !== context.sourceFile) return undefined;
  const callee = singleLineText(hit.call.expression);
  if (!callee) return undefined;
  return reviewedFix(MULTER_MEMORY_TITLE, [replaceNode(property, `storage: ${callee}.memoryStorage()`)]);
}

/** `multer.diskStorage({...})` → `multer.memoryStorage()`. */
function diskToMemoryStorage(context: RuleContext, hit: StoreHit): Fix | undefined {
  if (hit.call.getSourceFile() !== context.sourceFile) return undefined;
  const callee = hit.call.expression;
  let replacement: string | undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    const owner = singleLineText(callee.expression);
    if (owner) replacement = `${owner}.memoryStorage()`;
  } else {
    const binding = findBinding(context.semantics, hit.call, [
      { module: "multer", path: ["memoryStorage"] },
      { module: "multer", path: [] },
    ]);
    if (binding) replacement = binding.ref.path.length > 0 ? `${binding.name}()` : `${binding.name}.memoryStorage()`;
  }
  return replacement ? reviewedFix(MULTER_MEMORY_TITLE, [replaceNode(hit.call, replacement)]) : undefined;
}
