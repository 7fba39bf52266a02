// Renders page data to HTML with Eleventy and the site's Nunjucks templates: each kind of page has
// its template in `templates/_includes/pages/<kind>.njk`, compiled once per build by Eleventy's
// Render plugin (Eleventy's own Nunjucks set-up: autoescaping, `_includes/` as the include path)
// and rendered once per page, so a build holds no more than the page it is writing. Eleventy is
// loaded only when a build has a page to render: a build with nothing new never pays its import.

import { fileURLToPath } from "node:url";
import type { CompiledTemplate } from "@11ty/eleventy";
import { BuildError } from "../errors.ts";
import type { Link, PageBase } from "./page-types.ts";

/** The Nunjucks templates, `_includes/` layouts and `assets/` of the site. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Each kind of page, named as its template is: `_includes/pages/<kind>.njk`. */
export type PageKind =
  | "home"
  | "outlet"
  | "day"
  | "headlines"
  | "status"
  | "search"
  | "404"
  | "history"
  | "version"
  | "diff"
  | "compare";

/** What every page shows around its content: site name, navigation, feeds, icon. */
export interface SiteChrome {
  title: string;
  home: string;
  stylesheet: string;
  favicon: string;
  outlets: Link[];
  /** The site's own pages in the header: headline changes, search, status. */
  pages: Link[];
  feeds: Link[];
}

/** Renders one page's data with its kind's template. */
export type PageRenderer = (kind: PageKind, page: PageBase) => Promise<string>;

let eleventy: Promise<typeof import("@11ty/eleventy")> | undefined;

/**
 * Starts loading Eleventy (half a second), so that a build that knows it will render something
 * loads it while it waits for git, instead of afterwards.
 */
export function preloadRenderer(): void {
  // Eleventy's module resolver busts the import cache of files it watches; a build watches
  // nothing, and on Node 20 the resolver runs on a worker thread that every later import waits
  // for (a tenth of a second at load, more after). Eleventy's documented switch turns it off.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "true";
  eleventy ??= import("@11ty/eleventy");
  eleventy.catch(() => {});
}

/** A renderer for pages inside `chrome`, reading the templates from `templatesDir`. */
export async function createPageRenderer(
  chrome: SiteChrome,
  templatesDir = TEMPLATES_DIR,
): Promise<PageRenderer> {
  preloadRenderer();
  const { RenderPlugin } = await (eleventy as Promise<typeof import("@11ty/eleventy")>);
  const manager = new RenderPlugin.RenderManager();
  manager.templateConfig.directories.setInput(templatesDir);
  await manager.init();
  const includes = `${templatesDir.replace(/\/$/, "")}/_includes`;
  const compiled = new Map<PageKind, Promise<CompiledTemplate>>();
  return async (kind, page) => {
    const name = `pages/${kind}.njk`;
    try {
      let template = compiled.get(kind);
      if (template === undefined) {
        template = manager.compile(`{% include "${name}" %}`, "njk");
        compiled.set(kind, template);
      }
      return await (await template)({ site: chrome, p: page });
    } catch (cause) {
      throw new BuildError(
        `Rendering ${page.outputPath} with ${includes}/${name} failed: ${cause instanceof Error ? cause.message : String(cause)}. Check that template.`,
        { cause },
      );
    }
  };
}
