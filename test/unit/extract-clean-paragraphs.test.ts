import { describe, expect, it } from "vitest";
import type { Block } from "../../src/extract/block-paragraphs.ts";
import { CLEANING_RULES, cleanParagraphs } from "../../src/extract/clean-paragraphs.ts";

const text = (t: string, tag = "p"): Block => ({ text: t, linkChars: 0, tag });
const link = (t: string, tag = "p"): Block => ({ text: t, linkChars: t.length, tag });
const story = "The council voted on Tuesday to close the old bridge to cars for the summer.";

describe("cleanParagraphs", () => {
  it("keeps ordinary article paragraphs in order", () => {
    expect(cleanParagraphs([text(story), text("Work starts in June.")])).toEqual([
      story,
      "Work starts in June.",
    ]);
  });

  it("drops standalone advertisement labels in any case", () => {
    expect(
      cleanParagraphs([
        text("Advertisement"),
        text(story),
        text("ADVERTISEMENT"),
        text("Story continues below advertisement"),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence that merely mentions advertisements", () => {
    const p = "The advertisement was pulled after complaints from viewers.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops share prompts", () => {
    expect(
      cleanParagraphs([
        text("Share this article"),
        text("Share on Facebook"),
        text("Tweet"),
        text("Copy link"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence about sharing", () => {
    const p = "Shareholders will vote on the merger next month.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops newsletter sign-up prompts", () => {
    expect(
      cleanParagraphs([
        text(story),
        text("Sign up for our morning newsletter and get the news delivered to your inbox."),
        link("Get our free weekly newsletter"),
      ]),
    ).toEqual([story]);
  });

  it("keeps a short sentence that reports on a newsletter", () => {
    const news = "The council's newsletter carried the apology on Friday.";
    expect(cleanParagraphs([text(news)])).toEqual([news]);
  });

  it("keeps a long paragraph that reports on a newsletter", () => {
    const p =
      "The company's newsletter, which goes to forty thousand readers, carried the apology on its front page on Friday, the same day the chief executive resigned after a week of pressure from investors, staff and regulators.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("keeps a short line that starts like a prompt", () => {
    expect(cleanParagraphs([text("More to come."), text("Watch this space.")])).toEqual([
      "More to come.",
      "Watch this space.",
    ]);
  });

  it("drops read-more links but keeps prose that starts with the same words", () => {
    const prose = "Related reports from the inspectors found similar faults at three other plants.";
    expect(
      cleanParagraphs([
        { text: "Read more: Why the bridge is closing", linkChars: 26, tag: "p" },
        link("See also: Timeline of the bridge repairs"),
        text("READ MORE"),
        text(prose),
      ]),
    ).toEqual([prose]);
  });

  it("drops standalone timestamps, absolute or relative", () => {
    expect(
      cleanParagraphs([
        text("09:10"),
        text("Updated 3 hours ago"),
        text("March 9, 2026 10:02 AM"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence containing a time", () => {
    const p = "The 09:10 train left without passengers.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops photo credits", () => {
    expect(
      cleanParagraphs([
        text("Photo: Anna Berg/Reuters"),
        text("(Image credit: Harbor Courier)"),
        text("Jane Doe / Getty Images"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence that starts with the word photo", () => {
    const p = "Photographs taken by the drone show the damage to the roof.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops ad labels in other languages", () => {
    expect(
      cleanParagraphs([text("Anzeige"), text("Publicité"), text("Iklan"), text(story)]),
    ).toEqual([story]);
  });

  it("drops comment counts and comment prompts", () => {
    expect(
      cleanParagraphs([
        text(story),
        text("12 Comments"),
        text("comments"),
        text("Leave a comment"),
        text("Tell us what you think..."),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence about comments", () => {
    const p = "Comments made by the minister on Friday were criticised by the opposition.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops skip-to-content links", () => {
    expect(cleanParagraphs([link("Skip to content"), text(story)])).toEqual([story]);
  });

  it("drops timestamps made of several date parts", () => {
    expect(
      cleanParagraphs([
        text("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"),
        text("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps table rows and scores made only of numbers", () => {
    expect(cleanParagraphs([text("1 24 2019"), text("3 - 1")])).toEqual(["1 24 2019", "3 - 1"]);
  });

  it("drops a caption that ends in its photo credit", () => {
    expect(
      cleanParagraphs([
        text("Protesters gathered on the bridge before dawn (Image: Getty)"),
        text("A worker loads timber into a truck outside the yard. (AP Photo/Jan Novak, File)"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence that ends in an ordinary parenthesis", () => {
    const p = "The mayor said the bridge would reopen in June (weather permitting).";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops a related-stories heading and the story titles after it, up to the next paragraph", () => {
    const next =
      "Back in the article, the council also approved a new budget for the ferry terminal and its car park.";
    expect(
      cleanParagraphs([
        text(story),
        text("You may also like...", "h3"),
        link("Bridge closure: what you need to know", "li"),
        text("Ten photos of the old bridge", "li"),
        text(next),
      ]),
    ).toEqual([story, next]);
  });

  it("drops gallery and player control labels", () => {
    expect(
      cleanParagraphs([
        text("Caption"),
        text("Close"),
        text("Image 1 of 23"),
        text("Next"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops a byline repeated in the body", () => {
    expect(
      cleanParagraphs([text("By Reuters"), text("By Anna Berg and Carl Diaz"), text(story)]),
    ).toEqual([story]);
  });

  it("drops a repeated byline followed by its timestamp", () => {
    expect(cleanParagraphs([text("By Anna Berg - 11/18/19 11:04 PM EST"), text(story)])).toEqual([
      story,
    ]);
  });

  it("keeps prose that starts with By and a date", () => {
    const p = "By Tuesday, March 3, the water had reached the bridge.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops the wire desk's reporting and editing credits", () => {
    expect(
      cleanParagraphs([
        text(story),
        text("Reporting by Anna Berg; additional reporting by Carl Diaz; Editing by Eva Fox"),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence about reporting", () => {
    const p = "Reporting by local papers first revealed the cracks in the bridge.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("keeps a sentence that starts with By", () => {
    const p = "By Tuesday the river had risen another metre.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("drops a shouted headline that is all link", () => {
    expect(
      cleanParagraphs([
        link("CLICK HERE TO GET THE COURIER APP"),
        link("MAYOR OPENS NEW BRIDGE AFTER TEN YEARS"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a shouted paragraph that is not a link, and a linked title in normal case", () => {
    expect(
      cleanParagraphs([
        text("WASHINGTON WAS QUIET ON MONDAY."),
        link("The full report from the inspectors"),
      ]),
    ).toEqual(["WASHINGTON WAS QUIET ON MONDAY.", "The full report from the inspectors"]);
  });

  it("drops cookie and JavaScript notices", () => {
    expect(
      cleanParagraphs([
        text("This website uses cookies to improve your experience. You can opt out if you wish."),
        text("This slideshow requires JavaScript."),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops unrendered paired shortcodes but keeps a bracketed source", () => {
    expect(
      cleanParagraphs([
        text('[button link="/submit"]Send us your review[/button]'),
        text("[Reuters]"),
      ]),
    ).toEqual(["[Reuters]"]);
  });

  it("drops follow-us prompts and account links", () => {
    expect(
      cleanParagraphs([
        text("Follow the Courier on Instagram, Facebook and YouTube."),
        text("SUBSCRIBE"),
        text("Sign in"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps a sentence about following someone", () => {
    const p = "Follow-up inspections found the same fault on two more bridges.";
    expect(cleanParagraphs([text(p)])).toEqual([p]);
  });

  it("names every rule so a dropped paragraph can be explained", () => {
    expect(Object.keys(CLEANING_RULES).sort()).toEqual([
      "ad label",
      "byline",
      "call-to-action link",
      "captioned photo",
      "comments prompt",
      "control label",
      "counter",
      "counter wording",
      "follow prompt",
      "listen prompt",
      "market quote",
      "newsletter prompt",
      "photo credit",
      "promo link",
      "read-more link",
      "reporting credit",
      "share prompt",
      "shortcode",
      "site notice",
      "skip link",
      "sponsor line",
      "timestamp",
    ]);
  });
});

describe("cleanParagraphs on churning furniture", () => {
  it("drops lines that are only counts of shares, views, likes and the like", () => {
    expect(
      cleanParagraphs([
        text("1,204 shares"),
        text("1.4K Shares"),
        text("Facebook 52 X 9 Email"),
        text("💬 26"),
        text("♥ 87"),
        text("4,210 views"),
        text("1.1K claps"),
        text("212 likes"),
        text("Comments (31)"),
        text("🔴 LIVE · 1,219 watching"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops counters worded as sentences", () => {
    expect(
      cleanParagraphs([
        text("This article has been viewed 2,073 times."),
        text("54 people are reading this now"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops relative and clock-time stamps, glued or separated", () => {
    expect(
      cleanParagraphs([
        text("Updated 14:32 GMT"),
        text("Last updated at 2:32 p.m. ET"),
        text("Published 3 hours ago · Updated 12 min ago"),
        text("10 hours ago10h ago"),
        text("Updated an hour ago"),
        text("Live · updated 05:00"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops listen and reading-time lines", () => {
    expect(
      cleanParagraphs([
        text("Listen to this article · 5 min"),
        text("🎧 Listen (3:50)"),
        text("7 min read"),
        text("Reading time: 8 minutes"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("drops sponsor slots, market quotes, breaking-news links and linked calls to action", () => {
    expect(
      cleanParagraphs([
        text("Sponsored by Gannet Savings Bank"),
        text("Presented by Lindqvist Seafood"),
        text("FTSE 100 7,412.3 ▲ 0.4%"),
        { text: "BREAKING: Harbour board approves the new timetable", linkChars: 40, tag: "div" },
        link("Get breaking news alerts on the Courier app", "div"),
        link("Try the Courier's daily puzzle, free for readers", "div"),
        text(story),
      ]),
    ).toEqual([story]);
  });

  it("keeps short paragraphs that hold figures but are sentences", () => {
    const near = [
      "Three people were hurt.",
      "The vote was 12 to 3.",
      "The death toll rose to 12.",
      "“We will rebuild,” she said.",
      "12 people were hurt.",
      "Temperatures reached 31°C on Tuesday.",
      "It took 3 hours.",
      "Shares fell 4% on Monday.",
      "The 5 min walk is now closed.",
      "Listen to the mayor's full speech below.",
      "Sponsored content rules were tightened in 2024, the regulator said.",
    ];
    expect(cleanParagraphs(near.map((p) => text(p)))).toEqual(near);
  });

  it("keeps a linked line that names a document, and a table row of figures", () => {
    expect(
      cleanParagraphs([link("The full report from the inspectors"), text("Totals 12 34 56", "tr")]),
    ).toEqual(["The full report from the inspectors", "Totals 12 34 56"]);
  });
});
