import { unpinnedVersion } from "../../../server/src/rules/dependencies/unpinned-version";
import { runRuleTests, type InvalidCase } from "../../helpers/ruleTester";

const anyMsg = (name: string, spec: string): string =>
  `Dependency "${name}" is declared as "${spec}", which accepts any release; declare the semver range you tested against (for example ^1.2.3).`;
const gitMsg = (name: string, spec: string, ref?: string): string =>
  `Dependency "${name}" tracks ${ref === undefined ? "the default branch" : `the ref "${ref}"`} of a git repository (${spec}); pin it to a full commit sha (#<40 hex digits>) or a #semver: range so every install gets the same code.`;
const archiveMsg = (name: string, spec: string, ref: string): string =>
  `Dependency "${name}" downloads an archive of "${ref}" (${spec}), which moves with the branch; point it at a commit sha or a release tag.`;

/** `{"dependencies":{"<name>":"<spec>"}}` on one line: the spec's opening quote is at column 21 + name length. */
const oneDependency = (name: string, spec: string): string => `{"dependencies":{"${name}":${JSON.stringify(spec)}}}`;
const sha = "0123456789abcdef0123456789abcdef01234567";

function invalid(name: string, spec: string, message: string): InvalidCase {
  const column = 21 + name.length;
  return {
    name: `${name}: ${spec}`,
    filename: "package.json",
    code: oneDependency(name, spec),
    errors: [{ message, line: 1, column, endLine: 1, endColumn: column + JSON.stringify(spec).length, severity: "info" }],
  };
}

const pinned = [
  "^1.2.3", "~1.2", "1.2.3", ">=1 <2", "1.x", "1.2.x", "^0.0.1-beta.2", "workspace:*", "workspace:^", "file:../shared", "link:../lib",
  "npm:string-width@^4.2.0", "npm:@scope/pkg@~2.0.0", `github:acme/lib#${sha}`, "github:acme/lib#semver:^1.4.0", `git+https://github.com/acme/lib.git#${sha}`,
  "git+ssh://git@github.com/acme/lib.git#semver:~2.1", "acme/lib#v1.4.2", "https://registry.example.com/lib/-/lib-1.2.3.tgz",
  `https://github.com/acme/lib/tarball/${sha}`, "https://github.com/acme/lib/archive/refs/tags/v2.0.0.tar.gz",
];

runRuleTests(unpinnedVersion, {
  valid: [
    ...pinned.map((spec) => ({ name: `pinned: ${spec}`, filename: "package.json", code: oneDependency("lib", spec) })),
    // Sections that do not reach production installs, by design.
    { name: "peer \"*\" means any host version", filename: "package.json", code: JSON.stringify({ peerDependencies: { react: "*" } }) },
    { name: "devDependencies are not shipped", filename: "package.json", code: JSON.stringify({ devDependencies: { eslint: "latest" } }) },
    { name: "a version that is not a string", filename: "package.json", code: `{"dependencies":{"a":1,"b":null}}` },
    { name: "dependencies of the wrong shape", filename: "package.json", code: `{"dependencies":["*"]}` },
    { name: "broken JSON is not a crash", filename: "package.json", code: `{"dependencies":{"a":"^1` },
    // npm/yarn workspaces: "*" on a sibling package always links the local copy.
    {
      name: "\"*\" on a package of the same monorepo",
      filename: "packages/api/package.json",
      code: JSON.stringify({ name: "@acme/api", dependencies: { "@acme/shared": "*" } }),
      files: { "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["packages/*"] }), "packages/shared/package.json": JSON.stringify({ name: "@acme/shared" }) },
    },
    {
      name: "\"*\" on a workspace package, declared at the monorepo root",
      filename: "package.json",
      code: JSON.stringify({ name: "acme", workspaces: ["packages/*"], dependencies: { "@acme/shared": "*" } }),
      files: { "packages/shared/package.json": JSON.stringify({ name: "@acme/shared" }) },
    },
  ],
  invalid: [
    {
      name: "\"*\" on a package that is not one of the monorepo's workspaces",
      filename: "packages/api/package.json",
      code: `{"dependencies":{"lodash":"*"}}`,
      files: { "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["packages/*"] }), "packages/shared/package.json": JSON.stringify({ name: "@acme/shared" }) },
      errors: [{ message: anyMsg("lodash", "*"), line: 1, column: 27, endLine: 1, endColumn: 30, severity: "info" }],
    },
    invalid("lodash", "*", anyMsg("lodash", "*")),
    invalid("express", "latest", anyMsg("express", "latest")),
    invalid("pg", "", anyMsg("pg", "")),
    invalid("zod", "x", anyMsg("zod", "x")),
    invalid("zod", "X", anyMsg("zod", "X")),
    invalid("zod", "x.x.x", anyMsg("zod", "x.x.x")),
    invalid("sw", "npm:string-width", anyMsg("sw", "npm:string-width")),
    invalid("sw", "npm:string-width@latest", anyMsg("sw", "npm:string-width@latest")),
    invalid("lib", "github:acme/lib", gitMsg("lib", "github:acme/lib")),
    invalid("lib", "acme/lib", gitMsg("lib", "acme/lib")),
    invalid("lib", "acme/lib#main", gitMsg("lib", "acme/lib#main", "main")),
    invalid("lib", "git+https://github.com/acme/lib.git", gitMsg("lib", "git+https://github.com/acme/lib.git")),
    invalid("lib", "git+https://github.com/acme/lib.git#master", gitMsg("lib", "git+https://github.com/acme/lib.git#master", "master")),
    invalid("lib", "git://github.com/acme/lib.git#develop", gitMsg("lib", "git://github.com/acme/lib.git#develop", "develop")),
    invalid("lib", "git@github.com:acme/lib.git", gitMsg("lib", "git@github.com:acme/lib.git")),
    invalid("lib", "https://github.com/acme/lib.git", gitMsg("lib", "https://github.com/acme/lib.git")),
    invalid("lib", "gitlab:acme/lib#feature/x", gitMsg("lib", "gitlab:acme/lib#feature/x", "feature/x")),
    invalid("lib", "github:acme/lib#0123abc", gitMsg("lib", "github:acme/lib#0123abc", "0123abc")),
    invalid("lib", "https://github.com/acme/lib/tarball/main", archiveMsg("lib", "https://github.com/acme/lib/tarball/main", "main")),
    invalid("lib", "https://github.com/acme/lib/archive/refs/heads/main.tar.gz", archiveMsg("lib", "https://github.com/acme/lib/archive/refs/heads/main.tar.gz", "main")),
    {
      name: "optionalDependencies are shipped; several findings in file order",
      filename: "package.json",
      code: JSON.stringify({ dependencies: { a: "^1.0.0", b: "*" }, optionalDependencies: { fsevents: "latest" } }, null, 2),
      errors: [
        { message: anyMsg("b", "*"), line: 4, column: 10, endLine: 4, endColumn: 13 },
        { message: anyMsg("fsevents", "latest"), line: 7, column: 17, endLine: 7, endColumn: 25 },
      ],
    },
  ],
});
