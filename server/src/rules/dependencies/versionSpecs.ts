import { ANY_VERSION, GIT_HOST_PREFIXES } from "./data/packageJson";

/** Why a version spec does not name a fixed set of releases, as a phrase for the message. */
export type Unpinned = { kind: "any" } | { kind: "git"; ref: string | undefined } | { kind: "archive"; ref: string };

const FULL_SHA = /^[0-9a-f]{40}$/i;
/** `v1.2.3`, `1.2.3-rc.1`: release tags, which by convention are never moved. */
const RELEASE_TAG = /^v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;
/** `*`, `x.x`, `X.*.*`: every release. */
const WILDCARD = /^[*xX](?:\.[*xX]){0,2}$/;

function isFixedRef(ref: string): boolean {
  return FULL_SHA.test(ref) || RELEASE_TAG.test(ref);
}

function isGitSpec(spec: string): boolean {
  if (/^git(?:\+[a-z]+)?:\/\//i.test(spec)) return true;
  if (GIT_HOST_PREFIXES.some((prefix) => spec.startsWith(prefix))) return true;
  // scp-like `git@github.com:user/repo.git`.
  if (/^[\w.-]+@[\w.-]+:[^/]/.test(spec)) return true;
  if (/^https?:\/\/[^#]+\.git(?:#.*)?$/i.test(spec)) return true;
  // `user/repo` and `user/repo#ref`; `./x` and `../x` are paths.
  return /^[A-Za-z0-9_-][\w.-]*\/[\w.-]+(?:#.*)?$/.test(spec);
}

/**
 * A git spec's committish after `#`, which npm splits on `::` (`#semver:^1::path:pkg`). Pinned
 * when some part is a full commit sha, a `semver:` range or a release tag.
 */
function gitUnpinned(spec: string): Unpinned | undefined {
  const hash = spec.indexOf("#");
  if (hash < 0) return { kind: "git", ref: undefined };
  const parts = spec.slice(hash + 1).split("::");
  if (parts.some((part) => isFixedRef(part) || part.startsWith("semver:"))) return undefined;
  const ref = parts.find((part) => part !== "" && !part.startsWith("path:"));
  return { kind: "git", ref };
}

/** GitHub/GitLab archive URLs name a ref: `/tarball/main`, `/archive/refs/heads/main.tar.gz`. */
function archiveUnpinned(url: string): Unpinned | undefined {
  const match = /\/(?:tarball|zipball|tar\.gz|zip)\/(?:refs\/heads\/)?([^/?#]+)|\/archive\/(?:refs\/(?:heads|tags)\/)?([^/?#]+?)\.(?:tar\.gz|tgz|zip)(?:[?#]|$)/.exec(url);
  const ref = match?.[1] ?? match?.[2];
  if (ref === undefined || isFixedRef(ref)) return undefined;
  return { kind: "archive", ref };
}

/**
 * Whether `spec` (a `package.json` dependency value) lets installs drift: any-version specs, git
 * specs that follow a branch, archive URLs of a branch. Semver ranges, `workspace:`, `file:`,
 * `link:`, registry tarball URLs and `npm:` aliases with a range are fixed enough.
 */
export function unpinnedSpec(raw: string): Unpinned | undefined {
  const spec = raw.trim();
  if (ANY_VERSION.has(spec) || WILDCARD.test(spec)) return { kind: "any" };
  if (spec.startsWith("npm:")) {
    const rest = spec.slice(4);
    const at = rest.indexOf("@", 1);
    return at < 0 ? { kind: "any" } : unpinnedSpec(rest.slice(at + 1));
  }
  if (isGitSpec(spec)) return gitUnpinned(spec);
  if (/^https?:\/\//i.test(spec)) return archiveUnpinned(spec);
  return undefined;
}
