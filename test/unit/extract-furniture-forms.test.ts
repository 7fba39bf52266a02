// Every churning furniture form of the churn eval (test/fixtures/churn/), with and without its
// telling class, before, between and after the paragraphs of an invented article: extraction
// must give back exactly the article's paragraphs. A short article is tried too: on one, a share
// counter once made a version on every check.

import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { FURNITURE_FORMS, PLACEMENTS } from "../fixtures/churn/furniture-forms.ts";
import { churnPage } from "../fixtures/churn/inject-furniture.ts";
import { articlePage } from "../support/scenario-server.ts";

const ARTICLES = {
  short: [
    "The harbour master closed the north slipway on Monday after a survey found a crack in its concrete apron.",
    "Boat owners were told to use the ferry ramp until repairs are done, which the council expects by the end of the month.",
  ],
  long: [
    "The Millbrook town council voted on Tuesday to close the old swimming baths on Quarry Lane after an engineer found cracks in the pool floor.",
    "Councillor Ines Aldana said the repairs would cost more than the town spends on its parks in a year, and that the money was not there.",
    "About two hundred people signed a letter asking the council to keep the baths open through the summer while a charity raises funds.",
    "The baths opened in 1931 and were last refurbished in 1988, when a wave machine was added that has not worked since the early 2000s.",
    "Swimming lessons for the town's primary schools will move to the leisure centre in Harwick, a forty-minute bus ride away, from January.",
    "The council will meet again next month to decide what to do with the building, which is listed and cannot be demolished.",
  ],
};

// Bare forms that read like a line of text and change only in figures: extraction cannot tell
// them from a sentence, so the fetch's volatility rule is what keeps them from making versions.
const LEFT_TO_THE_VOLATILITY_RULE = new Set(["live score", "weather widget"]);

describe.each(Object.entries(ARTICLES))("extraction of a %s article", (_, paragraphs) => {
  const html = articlePage({
    headline: "Harbour slipway closed after survey",
    byline: "Dora Penhallow",
    paragraphs,
    published: "2026-11-20T07:30:00Z",
  });
  const cases = FURNITURE_FORMS.flatMap((form) =>
    [true, false].flatMap((labelled) =>
      PLACEMENTS.map((placement) => ({ form, labelled, placement })),
    ),
  ).filter((c) => c.labelled || !LEFT_TO_THE_VOLATILITY_RULE.has(c.form.name));

  it.each(
    cases.map((c) => [`${c.form.name}${c.labelled ? "" : " (bare)"} ${c.placement}`, c] as const),
  )("leaves out %s the body", (_name, injection) => {
    for (const pass of [1, 2]) {
      const page = churnPage(html, paragraphs.join("\n"), [injection], { pass, seed: 7 }, false);
      expect(extract(page?.html ?? "", "https://example.org/news/slipway").paragraphs).toEqual(
        paragraphs,
      );
    }
  });
});
