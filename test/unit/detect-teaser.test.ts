// Teasers and walls that stand in for an article, on invented pages; and the full articles that
// only look a little like them, which must never be flagged.

import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { detectTeaser } from "../../src/fetch/detect-teaser.ts";
import type { Article, HeldReason } from "../../src/types.ts";
import { articlePage } from "../support/scenario-server.ts";

const HEADLINE = "Harbour wall repairs to take all winter";

// `count` invented paragraphs of exactly 20 words each.
function paragraphs(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `Paragraph ${i + 1} of the report says engineers will replace the eroded blocks one section at a time before the spring.`,
  );
}

function article(body: string[]): Article {
  return {
    title: HEADLINE,
    byline: "Mira Castellan",
    published: "2026-11-20T08:00:00Z",
    paragraphs: body,
  };
}

// What the fetch does: extract once, then judge the page from the signals read alongside, with
// `body` standing for the extracted article where a test fixes it.
function teaser(html: string, body?: string[]): HeldReason | null {
  const extracted = extract(html, "https://gazette.example/news/harbour-wall");
  return detectTeaser(extracted.page, body ? article(body) : extracted);
}

function page(body: string[], extra: Partial<Parameters<typeof articlePage>[0]> = {}): string {
  return articlePage({ headline: HEADLINE, byline: "Mira Castellan", paragraphs: body, ...extra });
}

describe("detectTeaser flags", () => {
  it("a short body marked isAccessibleForFree false", () => {
    const body = paragraphs(3);
    const html = page(body, { jsonLd: true, isAccessibleForFree: false });
    expect(teaser(html, body)).toEqual({
      code: "paywall",
      text: "paywall teaser: marked as not free, with only 60 words",
    });
  });

  it("a page whose hasPart paywalled section is missing", () => {
    const body = paragraphs(10);
    const jsonLd = JSON.stringify({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: HEADLINE,
      isAccessibleForFree: "False",
      hasPart: {
        "@type": "WebPageElement",
        isAccessibleForFree: "False",
        cssSelector: ".paywalled",
      },
    });
    const html = `<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head>
<body><article><h1>${HEADLINE}</h1>${body.map((p) => `<p>${p}</p>`).join("")}
<div class="paywalled"></div></article></body></html>`;
    expect(teaser(html, body)).toEqual({
      code: "paywall",
      text: "paywall teaser: paywalled section missing",
    });
  });

  it("a short body followed by a subscribe-to-continue box", () => {
    const body = paragraphs(2);
    const html = page(body, {
      furniture: `<div class="gate"><h2>Subscribe to continue reading</h2><p>Get unlimited access from £1 a week.</p><a href="/subscribe">Subscribe</a></div>`,
    });
    expect(teaser(html, body)).toEqual({
      code: "paywall",
      text: "paywall teaser: subscribe prompt",
    });
  });

  it("a short body that ends in a subscriber prompt the extractor kept", () => {
    const body = [...paragraphs(2), "Already a subscriber? Sign in here."];
    expect(teaser(page(body), body)).toEqual({
      code: "paywall",
      text: "paywall teaser: subscribe prompt",
    });
  });

  it("a subscribers-only notice with curly apostrophes and odd spacing", () => {
    const body = paragraphs(1);
    const html = page(body, {
      furniture:
        '<div class="notice"><p>This  article is\nreserved for subscribers.</p><p>You’ve reached your limit of free articles this month.</p></div>',
    });
    expect(teaser(html, body)).toEqual({
      code: "paywall",
      text: "paywall teaser: subscribe prompt",
    });
  });

  it("a login wall", () => {
    const body = paragraphs(1);
    const html = page(body, {
      furniture: `<div class="wall"><p>Sign in to continue reading.</p><p>Create a free account to read this story.</p><button>Sign in</button></div>`,
    });
    expect(teaser(html, body)).toEqual({ code: "login-wall", text: "login wall" });
  });

  it("a bot check asking to verify you are human", () => {
    const html = `<!doctype html><html><head><title>Just a moment...</title></head><body>
<h1>Checking your connection</h1><p>Please verify you are human to continue.</p>
<div id="challenge-form"></div></body></html>`;
    const extracted = {
      ...article(["Please verify you are human to continue."]),
      title: "Just a moment...",
    };
    expect(teaser(html, extracted.paragraphs)).toEqual({ code: "captcha", text: "captcha" });
  });

  it("a page that is only a captcha widget", () => {
    const html = `<!doctype html><html><body><form><div class="g-recaptcha" data-sitekey="invented"></div>
<button>Continue</button></form><script src="/recaptcha/api.js"></script></body></html>`;
    expect(teaser(html, [])).toEqual({ code: "captcha", text: "captcha" });
  });

  it("a consent wall the extractor took for the article", () => {
    const body = [
      "We value your privacy.",
      "We and our 812 partners use cookies to store and/or access information on your device.",
      "You can accept all, reject all or manage your preferences at any time.",
    ];
    const html = `<!doctype html><html><body><div role="dialog"><h1>Before you continue</h1>
${body.map((p) => `<p>${p}</p>`).join("")}<button>Accept all</button><button>Reject all</button></div></body></html>`;
    expect(teaser(html, body)).toEqual({ code: "consent-wall", text: "consent wall" });
  });

  it("a short page made mostly of a consent dialog", () => {
    const html = `<!doctype html><html><body><div class="consent">
<p>This site uses cookies and similar technologies, with your consent, to show personalised advertising and measure audiences.</p>
<p>Our partners process personal data on the basis of consent or legitimate interest.</p>
<button>Accept all</button><button>Reject all</button><button>Manage preferences</button></div>
<main><h1>${HEADLINE}</h1><p>Loading…</p></main></body></html>`;
    expect(teaser(html, ["Loading…"])).toEqual({ code: "consent-wall", text: "consent wall" });
  });
});

describe("detectTeaser leaves alone", () => {
  it("a full article with a newsletter box and a subscribe link", () => {
    const body = paragraphs(30);
    const html = page(body, {
      furniture: `<aside class="newsletter"><p>Subscribe now to our morning briefing.</p><p>Subscribe to continue reading our best stories every day.</p><a href="/subscribe">Subscribe</a></aside>`,
    });
    expect(teaser(html, body)).toBeNull();
  });

  it("a short free article with the usual sign-in link in the masthead", () => {
    const body = paragraphs(4);
    const html = page(body, {
      furniture: `<div class="account"><a href="/login">Already a subscriber? Sign in</a> <a href="/subscribe">Subscribe</a></div>`,
    });
    expect(teaser(html, body)).toBeNull();
  });

  it("an article about captchas that quotes their wording", () => {
    const body = [
      "The council's new parking site asks residents to solve a captcha before paying, and some say it fails them.",
      'One resident said the page kept asking "are you a robot?" even after she had ticked the box twice.',
      ...paragraphs(10),
    ];
    const html = page(body, {
      furniture: '<div class="g-recaptcha" data-sitekey="invented"></div>',
    });
    expect(teaser(html, body)).toBeNull();
  });

  it("a paywalled page that still serves all 800 words", () => {
    const body = paragraphs(40);
    const html = page(body, { jsonLd: true, isAccessibleForFree: false });
    expect(teaser(html, body)).toBeNull();
  });

  it("a paywalled page whose hasPart section is there in full", () => {
    const body = paragraphs(10);
    const jsonLd = JSON.stringify({
      "@type": "NewsArticle",
      isAccessibleForFree: false,
      hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled" },
    });
    const html = `<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head>
<body><article><h1>${HEADLINE}</h1><div class="paywalled">${body.map((p) => `<p>${p}</p>`).join("")}</div></article></body></html>`;
    expect(teaser(html, body)).toBeNull();
  });

  it("a short free article with a cookie banner", () => {
    const body = paragraphs(6);
    const html = page(body, {
      furniture: `<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>`,
    });
    expect(teaser(html, body)).toBeNull();
  });

  it("a short news brief with no paywall signals", () => {
    const body = [
      "The ferry to the outer islands will run an hour late on Saturday because of the tide.",
    ];
    expect(teaser(page(body, { jsonLd: true }), body)).toBeNull();
  });

  it("a short post whose comment form says you must be logged in to post a comment", () => {
    const body = paragraphs(3);
    const html = wordpressPost(
      body,
      `<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<p class="must-log-in">You must be <a href="/wp-login.php?redirect_to=%2Fharbour-wall">logged in</a> to post a comment.</p>
</div></div>`,
    );
    expect(teaser(html)).toBeNull();
  });

  it("the same comment-form sentence outside any comment region", () => {
    const body = paragraphs(3);
    const html = page(body, { furniture: "<p>You must be logged in to post a comment.</p>" });
    expect(teaser(html)).toBeNull();
  });

  it("an account menu and cookie banner whose wording would make a wall inside the article", () => {
    const body = paragraphs(3);
    const html = page(body, {
      furniture: `<div class="user-menu"><a href="/login">Log in</a> <p>Sign in to continue reading on any device.</p></div>
<div class="cookie-consent"><p>We and our partners use cookies to store and/or access information. Accept all or manage your preferences.</p></div>`,
    });
    expect(teaser(html)).toBeNull();
  });

  it("a wall's wording in the page header, away from the article", () => {
    const body = paragraphs(3);
    const html = page(body).replace(
      '<header class="masthead">',
      '<header class="masthead"><p>Subscribe to continue reading the Gazette in print.</p>',
    );
    expect(teaser(html)).toBeNull();
  });

  it("a one-line brief beside a cookie banner on a short page", () => {
    const body = [
      "The ferry to the outer islands will run an hour late on Saturday because of the tide.",
    ];
    const html = page(body, {
      furniture: `<div class="cookie-notice"><p>This site uses cookies, with your consent, to measure audiences and show advertising.</p><p>Our partners process data on the basis of consent or legitimate interest.</p></div>`,
    });
    expect(teaser(html)).toBeNull();
  });

  it("a captcha widget in the comment form under a short article", () => {
    const body = paragraphs(2);
    const html = wordpressPost(
      body,
      '<div id="comments"><form id="commentform"><textarea name="comment"></textarea><div class="g-recaptcha" data-sitekey="invented"></div></form></div>',
    );
    expect(teaser(html)).toBeNull();
  });

  it("a full article whose paywall markup names a section the page does not have", () => {
    const body = paragraphs(10);
    const jsonLd = JSON.stringify({
      "@type": "NewsArticle",
      isAccessibleForFree: false,
      hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywall" },
    });
    const html = page(body).replace(
      "</head>",
      `<script type="application/ld+json">${jsonLd}</script></head>`,
    );
    expect(teaser(html)).toBeNull();
  });
});

describe("detectTeaser looks at the article's place", () => {
  it("flags a login prompt that follows the article's body", () => {
    const body = paragraphs(1);
    const html = page(body, {
      furniture: '<div class="regwall"><p>Sign in to continue reading.</p></div>',
    });
    expect(teaser(html)).toEqual({ code: "login-wall", text: "login wall" });
  });

  it("flags a short teaser whose paywalled section the page does not have", () => {
    const body = paragraphs(2);
    const jsonLd = JSON.stringify({
      "@type": "NewsArticle",
      hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywall" },
    });
    const html = page(body).replace(
      "</head>",
      `<script type="application/ld+json">${jsonLd}</script></head>`,
    );
    expect(teaser(html)).toEqual({
      code: "paywall",
      text: "paywall teaser: paywalled section missing",
    });
  });

  it("reads the place from the article's container, not from the whole page", () => {
    const body = paragraphs(2);
    const extracted = extract(
      page(body, { furniture: '<div class="comments"><p>Log in to reply</p></div>' }),
      "https://gazette.example/news/harbour-wall",
    );
    expect(extracted.page.placeLines).toEqual([HEADLINE, "By Mira Castellan", ...body]);
    expect(extracted.page.pageLines).toContain("Log in to reply");
    expect(extracted.page.canonical).toBeNull();
  });
});

// A WordPress-style post: the body in .entry-content, comments after the article, in <main>.
function wordpressPost(body: string[], comments: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HEADLINE} – Harbour Notes</title></head>
<body class="single"><header id="masthead" class="site-header"><a href="/">Harbour Notes</a>
<div class="account"><a href="/wp-login.php">Log in</a></div></header>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post"><header class="entry-header"><h1 class="entry-title">${HEADLINE}</h1></header>
<div class="entry-content">${body.map((p) => `<p>${p}</p>`).join("\n")}</div></article>
${comments}
</main></div><footer class="site-footer"><p>Proudly powered by a CMS.</p></footer></body></html>`;
}
