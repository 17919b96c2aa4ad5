// The esbuild plugin that makes every `import ts from "typescript"` of a bundle share one copy of
// the compiler, loaded with a plain `require(requirePath)`.
//
// Marking "typescript" external in each importing module would make esbuild wrap the require in
// `__toESM(...)` once per importing module, and each wrapper copies the compiler's 2,248 exports
// as getters: with ~60 importing modules that was 140,000 closures, ~24 MB of heap in every
// thread that loads the engine (the CLI, the server, each audit worker) and a slower start. Here
// the importers all reach one tiny ES module that requires the compiler once.
export function sharedTypeScript(requirePath = "./typescript.js") {
  return {
    name: "shared-typescript",
    setup(build) {
      build.onResolve({ filter: /^typescript$/ }, () => ({ path: "typescript", namespace: "shared-typescript" }));
      // The compiler itself stays outside the bundle, loaded at run time from `requirePath`.
      build.onResolve({ filter: /.*/, namespace: "shared-typescript" }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: "shared-typescript" }, () => ({
        contents: `export default require(${JSON.stringify(requirePath)});`,
        loader: "js",
      }));
    },
  };
}
