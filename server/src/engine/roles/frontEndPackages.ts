/**
 * Which package.json dependencies make a package a browser front-end whose `src/` is bundled
 * for the client. Deliberately narrow: a wrong guess here would flag server code, so a package
 * counts only when it builds with a front-end bundler AND renders a UI AND depends on nothing
 * that runs code on a server.
 */

/** Bundlers whose output is a browser bundle, with the label used in messages. */
export const FRONT_END_BUNDLERS: ReadonlyMap<string, string> = new Map([
  ["react-scripts", "Create React App"],
  ["vite", "Vite"],
]);

/**
 * UI libraries: with Vite, one of these (or an `index.html` at the package root, Vite's entry)
 * tells a front-end from a Node tool or library that merely builds or tests with Vite.
 */
export const UI_LIBRARIES: readonly string[] = ["react", "react-dom", "preact", "vue", "svelte", "solid-js", "lit", "@angular/core", "@builder.io/qwik", "mithril"];

/**
 * Anything that runs part of the package on a server (SSR frameworks, HTTP servers, desktop
 * shells with a Node main process): such a package's `src/` mixes server and client code, and
 * only explicit markers (`"use client"`) can tell them apart. Prefix rows end with `/`.
 */
export const SERVER_PACKAGES: readonly string[] = [
  "next", "nuxt", "@sveltejs/kit", "astro", "@remix-run/", "@react-router/dev", "@react-router/node", "@builder.io/qwik-city",
  "@solidjs/start", "@tanstack/start", "@tanstack/react-start", "@tanstack/solid-start", "vike", "vite-plugin-ssr", "@analogjs/platform", "waku",
  "gatsby", "@redwoodjs/", "express", "fastify", "koa", "@nestjs/core", "@hapi/hapi", "hapi", "hono", "h3", "nitropack", "restify",
  "polka", "@adonisjs/core", "electron", "vite-plugin-electron", "@electron-forge/", "@cloudflare/workers-types", "wrangler",
];

export function isServerPackage(name: string): boolean {
  return SERVER_PACKAGES.some((entry) => (entry.endsWith("/") ? name.startsWith(entry) : name === entry));
}

/**
 * Plain HTTP servers: a front-end package may carry one in a `server/` folder beside `src/` (an
 * API for the SPA, a static file server) without rendering any of `src/` on the server.
 */
export const HTTP_SERVER_PACKAGES: readonly string[] = ["express", "fastify", "koa", "@hapi/hapi", "hapi", "hono", "restify", "polka"];
