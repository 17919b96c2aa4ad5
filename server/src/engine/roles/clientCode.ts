import path from "node:path";
import type { PackageInfo, ProjectModel } from "../project";
import { FRONT_END_BUNDLERS, HTTP_SERVER_PACKAGES, UI_LIBRARIES, isServerPackage } from "./frontEndPackages";

/** Why a file ends up in the browser bundle, and whether Next.js prunes server-only exports from it. */
export interface ClientFile {
  /** For the message: `a "use client" file`, `a Next.js page` ... */
  where: string;
  /** A `pages/` file: `getServerSideProps` and friends (and what only they use) never reach the browser. */
  nextPage: boolean;
}

const SOURCE = String.raw`\.[cm]?[jt]sx?$`;
/** Route handlers run on the server whatever they declare. */
export const ROUTE_HANDLER = new RegExp(String.raw`(^|/)app/(.*/)?route${SOURCE}`);
const NEXT_PAGE = /^(src\/)?pages\//;
/** API routes, and `_document`, which Next.js renders only on the server. */
const NEXT_SERVER_PAGE = new RegExp(String.raw`^(src/)?pages/(api/|_document${SOURCE})`);
/** Folder and file conventions for server code inside a front-end's tree (an SSR entry, a `server/` folder). */
const SERVER_BY_CONVENTION = new RegExp(String.raw`(^|/)server/|\.server${SOURCE}|(^|/)entry-server${SOURCE}`);

/**
 * Client code known from where the file sits: a Next.js `pages/` file, or the `src/` of a
 * browser-only front-end. The front-end heuristic is narrow on purpose (see frontEndPackages.ts):
 * its package builds with Vite or react-scripts, renders a UI (with Vite: a UI library or an
 * `index.html` at the package root) and depends on no server framework.
 */
export function clientFileByPath(file: string, project: ProjectModel): ClientFile | undefined {
  const pkg = project.nearestPackage(file);
  if (!pkg) return undefined;
  const relative = path.relative(pkg.dir, file).split(path.sep).join("/");
  if (ROUTE_HANDLER.test(relative)) return undefined;
  // Asked for every file of the project (its role): no copy of the dependency lists per call.
  const own = Object.prototype.hasOwnProperty;
  const depends = (name: string): boolean => own.call(pkg.dependencies, name) || own.call(pkg.devDependencies, name);
  if (depends("next")) {
    return NEXT_PAGE.test(relative) && !NEXT_SERVER_PAGE.test(relative) ? { where: "a Next.js page, which is bundled for the browser", nextPage: true } : undefined;
  }
  if (!relative.startsWith("src/") || SERVER_BY_CONVENTION.test(relative)) return undefined;
  const servers = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter(isServerPackage);
  const bundler = [...FRONT_END_BUNDLERS.keys()].find(depends);
  if (!bundler) return undefined;
  // Asked only of front-ends: the answer lists every source, so every express app asking it
  // would make each cached result depend on every source of the project.
  if (servers.length > 0 && !serverBesideSrc(pkg, servers, project)) return undefined;
  if (bundler === "vite" && !UI_LIBRARIES.some(depends) && !project.host.fileExists(path.join(pkg.dir, "index.html"))) return undefined;
  return { where: `the src/ of a ${FRONT_END_BUNDLERS.get(bundler)} front-end`, nextPage: false };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** `from "express"`, `require("express")`, `import("express")`, `import "express"`, for each plain HTTP server. */
const HTTP_SERVER_IMPORT = new RegExp(String.raw`(?:from|require\s*\(|import\s*\(?)\s*["'\`](${HTTP_SERVER_PACKAGES.map(escape).join("|")})["'\`]`, "g");

/** The plain HTTP servers a source imports (a fact of its text). */
export function httpServersImported(text: string): ReadonlySet<string> {
  return new Set([...text.matchAll(HTTP_SERVER_IMPORT)].map((match) => match[1]));
}

/**
 * A package whose only server dependencies are plain HTTP servers, used from a `server/` folder at
 * the package root (a Vite SPA with its express API beside it): its `src/` is still the browser's.
 * Which files sit under `server/` is a project fact, recomputed when a project fact file changes.
 */
function serverBesideSrc(pkg: PackageInfo, servers: readonly string[], project: ProjectModel): boolean {
  if (!servers.every((name) => HTTP_SERVER_PACKAGES.includes(name))) return false;
  return project.memo(`server-beside-src:${pkg.dir}`, () => {
    const folder = path.join(pkg.dir, "server") + path.sep;
    return project.sources.files().some((file) => file.startsWith(folder) && (project.sources.of("http-servers-imported", file, httpServersImported)?.size ?? 0) > 0);
  });
}
