// Reads the labelled real pages kept outside the repository (../shared/eval): each page's HTML,
// its URL, and the text of its body as labelled, which tells the churn eval where the body is.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

/** One labelled page. */
export interface EvalPage {
  /** `aeb-dev/<id>` or `readability-news/<name>`. */
  id: string;
  url: string;
  html: string;
  /** The body's text as labelled: the benchmark's articleBody, or Readability's expected body. */
  bodyText: string;
}

/** Every labelled page under `evalDir`; null when the folder is not there. */
export function loadEvalPages(evalDir: string): EvalPage[] | null {
  const aeb = join(evalDir, "aeb-dev");
  const news = join(evalDir, "readability-news");
  if (!existsSync(aeb) && !existsSync(news)) return null;
  const pages: EvalPage[] = [];
  if (existsSync(aeb)) {
    const truth = JSON.parse(readFileSync(join(aeb, "ground-truth.json"), "utf8")) as Record<
      string,
      { url: string; articleBody: string }
    >;
    for (const [id, { url, articleBody }] of Object.entries(truth)) {
      const html = gunzipSync(readFileSync(join(aeb, "html", `${id}.html.gz`))).toString("utf8");
      pages.push({ id: `aeb-dev/${id}`, url, html, bodyText: articleBody });
    }
  }
  if (existsSync(news)) {
    const manifest = readFileSync(join(news, "manifest.tsv"), "utf8").trim().split("\n").slice(1);
    for (const line of manifest) {
      const [name = "", , , url = ""] = line.split("\t");
      const expected = readFileSync(join(news, name, "expected.html"), "utf8");
      const { document } = parseHTML(`<!doctype html><html><body>${expected}</body></html>`);
      pages.push({
        id: `readability-news/${name}`,
        url,
        html: readFileSync(join(news, name, "source.html"), "utf8"),
        bodyText: document.body.textContent ?? "",
      });
    }
  }
  return pages;
}
