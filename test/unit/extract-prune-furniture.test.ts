import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { pruneFurniture } from "../../src/extract/prune-furniture.ts";

const long =
  "The council met on Tuesday evening and voted to close the old bridge to cars for the summer. ".repeat(
    4,
  );
const pruned = (inner: string) => {
  const { document } = parseHTML(
    `<html><body><div id="root"><p>${long}</p>${inner}<p>${long}</p></div></body></html>`,
  );
  const root = document.getElementById("root") as Element;
  pruneFurniture(root);
  return root.innerHTML.replaceAll(`<p>${long}</p>`, "[text]");
};

describe("pruneFurniture", () => {
  it("removes header, footer, nav, aside and figure elements", () => {
    expect(
      pruned(
        "<header>Kicker</header><figure><img src=x>Caption</figure><nav>Menu</nav><aside>Box</aside><footer>End</footer>",
      ),
    ).toBe("[text][text]");
  });

  it("keeps a figure that frames a data table or a quote", () => {
    const table =
      "<figure><table><tr><td>Team</td><td>3</td></tr></table><figcaption>Standings</figcaption></figure>";
    expect(pruned(table)).toBe(`[text]${table}[text]`);
  });

  it("removes elements whose class or id names furniture, in any naming style", () => {
    expect(
      pruned(
        '<span class="newsCaption">Photo of a bridge</span><div class="share_bar">Share</div><div id="related-links">More</div><p class="article-byline">By Kim</p>',
      ),
    ).toBe("[text][text]");
  });

  it("keeps an element whose class merely contains a furniture word inside another word", () => {
    expect(
      pruned(
        '<p class="shareholder-note">Shareholders meet in May.</p><p class="adventure">Hike.</p>',
      ),
    ).toBe(
      '[text]<p class="shareholder-note">Shareholders meet in May.</p><p class="adventure">Hike.</p>[text]',
    );
  });

  it("never removes an element holding much of the text, whatever its class", () => {
    const { document } = parseHTML(
      `<html><body><div id="root"><div class="body field-label-hidden share-enabled"><p>${long}</p></div></div></body></html>`,
    );
    const root = document.getElementById("root") as Element;
    pruneFurniture(root);
    expect(root.textContent?.trim()).toBe(long.trim());
  });

  it("removes elements hidden by inline style or attributes", () => {
    expect(
      pruned(
        '<p style="display: none">Hidden</p><p hidden>Gone</p><span aria-hidden="true">x</span>',
      ),
    ).toBe("[text][text]");
  });

  it("removes lists made of links", () => {
    expect(
      pruned('<ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul>'),
    ).toBe("[text][text]");
  });

  it("keeps lists of prose with an occasional link", () => {
    const list =
      '<ul><li>Trains run hourly from the <a href="/s">station</a> until midnight.</li></ul>';
    expect(pruned(list)).toBe(`[text]${list}[text]`);
  });

  it("removes a hover card that repeats the linked name", () => {
    expect(
      pruned(
        '<p>Rep. <a href="/p">Jane Doe</a><span class="card"><img src="j.jpg"><a href="/p">Jane Q. Doe</a><a href="/n">Doe backs the bridge plan</a></span> (D) said on Monday.</p>',
      ),
    ).toBe('[text]<p>Rep. <a href="/p">Jane Doe</a> (D) said on Monday.</p>[text]');
  });
});
