// Renders a page template of the site in-process with the renderer the build uses: Eleventy's
// Render plugin compiling `templates/_includes/pages/<kind>.njk` once and rendering it per page
// (autoescape on, as in every build). One renderer per site chrome, made on first use.

import {
  createPageRenderer,
  type PageKind,
  type PageRenderer,
  type SiteChrome,
} from "../../src/render/page-renderer.ts";
import type { PageBase } from "../../src/render/page-types.ts";

const renderers = new Map<SiteChrome, Promise<PageRenderer>>();

/** The HTML of `templates/_includes/pages/<kind>.njk` for page data `p` and site chrome `site`. */
export async function renderTemplate(
  kind: PageKind,
  p: PageBase,
  site: SiteChrome,
): Promise<string> {
  let renderer = renderers.get(site);
  if (renderer === undefined) {
    renderer = createPageRenderer(site);
    renderers.set(site, renderer);
  }
  return (await renderer)(kind, p);
}
