// Renders a page template of the site in-process with the Nunjucks that Eleventy runs, configured
// as Eleventy configures it (autoescape on): the cheapest real rendering path, for tests that
// render thousands of pages. Eleventy's own wrappers (templates/*.njk) only extend these.

import { join } from "node:path";
import nunjucks from "nunjucks";
import { TEMPLATES_DIR } from "../../src/render/render-pages.ts";

const environment = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(join(TEMPLATES_DIR, "_includes")),
  { autoescape: true, dev: true },
);

/** The HTML of `templates/_includes/pages/<name>.njk` for page data `p` and site chrome `site`. */
export function renderTemplate(name: string, p: unknown, site: unknown): string {
  return environment.render(`pages/${name}.njk`, { p, site });
}
