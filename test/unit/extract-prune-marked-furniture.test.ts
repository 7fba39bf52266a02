// Small furniture marked by its class or id goes before Readability can strip the class away;
// text that only happens to sit in a marked element stays.

import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { pruneMarkedFurniture } from "../../src/extract/prune-marked-furniture.ts";

const long =
  "The council met on Tuesday evening and voted to close the old bridge to cars for the summer.";

function pruned(inner: string): string {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="root"><p>${long}</p>${inner}<p>${long}</p></div></body></html>`,
  );
  pruneMarkedFurniture(document);
  return (document.getElementById("root")?.innerHTML ?? "").replaceAll(`<p>${long}</p>`, "[text]");
}

describe("pruneMarkedFurniture", () => {
  it("removes a marked div holding only inline content, which Readability would unclass", () => {
    expect(pruned('<div class="share-count"><span>1,204</span> shares</div>')).toBe("[text][text]");
  });

  it("removes marked counters, stamps and players in any naming style", () => {
    expect(
      pruned(
        '<div class="postViews">4,210 views</div><span class="timeago">3 hours ago</span><p id="reading_time">5 min read</p><div class="audio-player">Listen · 4 min</div><div class="ad-slot">Advertisement</div>',
      ),
    ).toBe("[text][text]");
  });

  it("removes a marked block wherever it stands, even inside a quote or beside text", () => {
    expect(
      pruned(
        '<blockquote><p>We will rebuild.</p><div class="share-bar">Share · 12</div></blockquote>',
      ),
    ).toBe("[text]<blockquote><p>We will rebuild.</p></blockquote>[text]");
  });

  it("removes small text hidden by an inline style, which Readability would unhide", () => {
    expect(
      pruned('<span style="display: none">a41f 3</span><div style="visibility:hidden">9</div>'),
    ).toBe("[text][text]");
  });

  it("keeps a large block hidden by an inline style: some pages reveal the article by script", () => {
    const hidden = `<div style="display:none"><p>${long}</p><p>${long}</p></div>`;
    expect(pruned(hidden)).toBe(`[text]${hidden.replaceAll(`<p>${long}</p>`, "[text]")}[text]`);
  });

  it("removes a bare count shown beside an icon", () => {
    expect(
      pruned(
        '<div><span aria-hidden="true">💬</span> 26</div><a href="#c"><svg></svg> 1.2K</a><span><i class="icon-heart"></i> (31)</span>',
      ),
    ).toBe("[text][text]");
  });

  it("keeps figures beside words, italics and icons inside sentences", () => {
    const kept =
      '<div><i>Volume</i> 12</div><p>Turnout rose <svg /> 12% this year.</p><div><img src="chart.png"> Figure 3 shows the trend</div>';
    expect(pruned(kept)).toBe(`[text]${kept}[text]`);
  });

  it("keeps a marked element that is part of a sentence", () => {
    const sentence = '<p>The vote is on <time class="date">Tuesday</time> at the hall.</p>';
    expect(pruned(sentence)).toBe(`[text]${sentence}[text]`);
  });

  it("keeps a marked inline element when text runs on beside it", () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><div>Polls close at <span class="time">8pm</span> tonight.</div></body></html>',
    );
    pruneMarkedFurniture(document);
    expect(document.body.textContent).toBe("Polls close at 8pm tonight.");
  });

  it("keeps a marked element holding more than 30 words", () => {
    const body = `<div class="story-body social-enabled">${long} ${long}</div>`;
    expect(pruned(body)).toBe(`[text]${body}[text]`);
  });

  it("keeps marked table cells and rows: they are data", () => {
    const table =
      '<table><tr class="stats-row"><td class="ticker">HD</td><td>225.86</td></tr></table>';
    expect(pruned(table)).toBe(`[text]${table}[text]`);
  });

  it("keeps a marked block that holds the byline, which Readability reads by its class", () => {
    const meta =
      '<div class="post-author-date"><span class="byline">By Ines Aldana</span> May 20, 2026</div>';
    expect(pruned(meta)).toBe(`[text]${meta}[text]`);
  });
});
