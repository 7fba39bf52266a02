// The compare page's script: reads the chosen pair from the URL (`?from=M&to=N`, as the form
// sends it), loads the article's versions from its API file, and shows their diff made by the
// build's own code (src/diff/ and the diff page's renderer), so any pair reads exactly as a
// pre-rendered diff page does.

import { changeLabels } from "../../diff/change-labels.ts";
import { diffVersions } from "../../diff/diff-versions.ts";
import type { ApiArticle, ApiVersion } from "../article-api.ts";
import { describeInterval } from "../describe-interval.ts";
import { describeLabel } from "../describe-label.ts";
import { diffBody } from "../diff-body.ts";
import { diffBodyHtml } from "../diff-html.ts";
import { escapeHtml } from "../escape-html.ts";
import { formatTime } from "../format-time.ts";
import { linkableUrl } from "../linkable-url.ts";
import { followView } from "./follow-view.ts";

async function compare(): Promise<void> {
  const output = document.getElementById("comparison");
  const api = output?.dataset.api;
  if (output === null || api === undefined) return;
  const params = new URL(document.location.href).searchParams;
  let article: ApiArticle;
  try {
    const response = await fetch(api);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    article = (await response.json()) as ApiArticle;
  } catch (error) {
    output.innerHTML = `<p class="notice">The versions could not be loaded (${escapeHtml(String(error))}); the comparisons below work without them.</p>`;
    return;
  }
  const count = article.versions.length;
  const pick = (name: string, fallback: number) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n >= 1 && n <= count ? n : fallback;
  };
  let from = pick("from", 1);
  let to = pick("to", count);
  if (from > to) [from, to] = [to, from];
  for (const [name, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    const select = document.querySelector<HTMLSelectElement>(
      `form.compare-form select[name="${name}"]`,
    );
    if (select !== null) select.value = String(value);
  }
  const before = article.versions[from - 1] as ApiVersion;
  const after = article.versions[to - 1] as ApiVersion;
  if (from === to) {
    output.innerHTML = `<p class="notice">Version ${from} and version ${to} are the same version: choose two different ones.</p>`;
    return;
  }
  const diff = diffVersions(before, after);
  const labels = changeLabels(diff).map(describeLabel);
  output.innerHTML = [
    `<h2 id="comparison-heading">Version ${from} → ${to}</h2>`,
    `<p class="meta">${side(before)}; ${side(after)}, ${escapeHtml(describeInterval(before.time, after.time))}.</p>`,
    diffBodyHtml(diffBody(before, after, diff), { from, to, labels, headlineRevertsTo: null }),
  ].join("\n");
  document.title = `Version ${from} → ${to} · ${document.title}`;
  followView(document);
}

/** "Version 2 fetched 3 Nov 2026, 16:00 UTC (commit abc1234)", linked where the API links. */
function side(version: ApiVersion): string {
  const page = linkableUrl(version.page);
  const commit = escapeHtml(version.commit.slice(0, 7));
  const commitUrl = version.commitUrl === null ? null : linkableUrl(version.commitUrl);
  const name =
    page === null
      ? `Version ${version.number}`
      : `<a href="${escapeHtml(page)}">Version ${version.number}</a>`;
  const time = `<time datetime="${escapeHtml(version.time)}">${escapeHtml(formatTime(version.time))}</time>`;
  const recorded = commitUrl === null ? commit : `<a href="${escapeHtml(commitUrl)}">${commit}</a>`;
  return `${name} fetched ${time} (commit <code>${recorded}</code>)`;
}

void compare();
