/**
 * Name prefixes that front-end tool chains inline into the browser bundle on purpose: a variable
 * named with one of them is public by the team's own choice, so reading it in client code is
 * fine. A new framework is a new row.
 */
export const PUBLIC_ENV_PREFIXES: readonly string[] = [
  "NEXT_PUBLIC_", // Next.js
  "VITE_", // Vite (default `envPrefix`)
  "REACT_APP_", // Create React App
  "PUBLIC_", // SvelteKit `$env/*/public`, Astro
  "NUXT_PUBLIC_", // Nuxt runtime config
  "NUXT_ENV_", // Nuxt 2
  "EXPO_PUBLIC_", // Expo
  "GATSBY_", // Gatsby
  "VUE_APP_", // Vue CLI
  "STORYBOOK_", // Storybook
  "NG_APP_", // @ngx-env/builder (Angular)
  "REDWOOD_ENV_", // RedwoodJS web side
  "SANITY_STUDIO_", // Sanity Studio
];

export function hasPublicPrefix(name: string): boolean {
  return PUBLIC_ENV_PREFIXES.some((prefix) => name.startsWith(prefix));
}
