// Outlet ids the site cannot give an outlet: its own top-level folders and feed names. Apart from
// the config schema, so that a build that reads no config does not load the schema's packages.

/** Outlet ids that would collide with the site's own paths (/feeds/, /assets/, …) or feed names. */
export const RESERVED_OUTLET_IDS: ReadonlySet<string> = new Set([
  "feeds",
  "api",
  "search",
  "assets",
  "page",
  "all",
  "headlines",
  "status",
  "pagefind",
  // Its API list would be /api/index.json, the API's own index.
  "index",
]);
