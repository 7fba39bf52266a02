// Renders page data to HTML with the site's Nunjucks templates: each kind of page has its template
// in `templates/_includes/pages/<kind>.njk`, compiled once per build and then rendered once per
// page. Nunjucks is loaded only when a build has a page to render, and it autoescapes everything.

import { fileURLToPath } from "node:url";
import type { Environment, Template } from "nunjucks";
import { BuildError } from "../errors.ts";
import type { Link, PageBase } from "./article-pages.ts";

/** The Nunjucks templates, `_includes/` layouts and `assets/` of the site. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Each kind of page, named as its template is: `_includes/pages/<kind>.njk`. */
export type PageKind = "home" | "outlet" | "day" | "article" | "version" | "diff";

/** What every page shows around its content: site name, outlet navigation, feeds. */
export interface SiteChrome {
  title: string;
  home: string;
  stylesheet: string;
  outlets: Link[];
  feeds: Link[];
}

/** Renders one page's data with its kind's template. */
export type PageRenderer = (kind: PageKind, page: PageBase) => string;

/** A renderer for pages inside `chrome`, reading the templates from `templatesDir`. */
export async function createPageRenderer(
  chrome: SiteChrome,
  templatesDir = TEMPLATES_DIR,
): Promise<PageRenderer> {
  const nunjucks = (await import("nunjucks")).default;
  const includes = `${templatesDir.replace(/\/$/, "")}/_includes`;
  const env: Environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(includes), {
    autoescape: true,
  });
  const compiled = new Map<PageKind, Template>();
  return (kind, page) => {
    const name = `pages/${kind}.njk`;
    try {
      let template = compiled.get(kind);
      if (template === undefined) {
        template = env.getTemplate(name, true);
        compiled.set(kind, template);
      }
      return template.render({ site: chrome, p: page });
    } catch (cause) {
      throw new BuildError(
        `Rendering ${page.outputPath} with ${includes}/${name} failed: ${cause instanceof Error ? cause.message : String(cause)}. Check that template.`,
        { cause },
      );
    }
  };
}
