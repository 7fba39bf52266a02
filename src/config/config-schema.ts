// The shape of stet.config.yaml, with defaults, as a zod schema: the single source of truth for
// what a config may contain.

import { z } from "zod";
import type { ScheduleTier } from "../types.ts";
import { linearPattern, PatternError } from "./linear-pattern.ts";
import { RESERVED_OUTLET_IDS } from "./reserved-outlet-ids.ts";

/** The default commit identity: the github-actions bot's noreply address. */
export const GITHUB_ACTIONS_BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

// Every schema below says what it allows in its own message, so an error reads "key: must be …".
const httpUrl = z
  .string({ error: "must be an absolute http(s) URL" })
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
    message: "must be an absolute http(s) URL",
  });

const httpsUrl = z
  .string({ error: "must be an https URL such as https://github.com/owner/repo" })
  .refine((value) => /^https:\/\//i.test(value) && URL.canParse(value), {
    message: "must be an https URL such as https://github.com/owner/repo",
  });

const urlList = z.array(httpUrl, { error: "must be a list of absolute http(s) URLs" });

function text(what = "text") {
  return z.string({ error: `must be ${what}` }).min(1, `must be ${what}, not empty`);
}

function wholeNumber(min: number, max?: number) {
  const message =
    max === undefined
      ? `must be a whole number, at least ${min}`
      : `must be a whole number from ${min} to ${max}`;
  const schema = z.number({ error: message }).int(message).min(min, message);
  return max === undefined ? schema : schema.max(max, message);
}

const flag = z.boolean({ error: "must be true or false" });

function mapping(keys: string) {
  return { error: `must be a mapping with ${keys}` };
}

// Checked by compiling with the linear-time engine the fetch uses; its reason ends the message.
const regex = z
  .string({ error: "must be a regular expression (text)" })
  .superRefine((value, context) => {
    try {
      linearPattern(value);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      context.addIssue({
        code: "custom",
        message: `must be a regular expression in RE2 syntax, which matches in linear time (no lookaround or backreferences): ${error.message}`,
      });
    }
  });

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const [MINUTE, HOUR, DAY] = [60_000, 3_600_000, 86_400_000];

/** Under 3 h → every 15 min; to 1 day → hourly; to 7 days → every 3 h; to 30 days → every 3 days. */
export const DEFAULT_SCHEDULE: ScheduleTier[] = [
  { untilMs: 3 * HOUR, everyMs: 15 * MINUTE },
  { untilMs: DAY, everyMs: HOUR },
  { untilMs: 7 * DAY, everyMs: 3 * HOUR },
  { untilMs: 30 * DAY, everyMs: 3 * DAY },
];

const duration = z
  .string({ error: "must be a duration such as 15m, 3h or 7d" })
  .regex(/^\d+(\.\d+)?[mhd]$/, "must be a duration such as 15m, 3h or 7d")
  .transform((value) => Number.parseFloat(value) * (UNITS[value.slice(-1)] ?? 0));

// Tiers keyed to the time since an article's last change; after the last one it is not checked.
const schedule = z
  .array(z.strictObject({ until: duration, every: duration }, mapping("until and every")), {
    error: "must be a list of { until, every } tiers",
  })
  .min(1, "must list at least one { until, every } tier")
  .refine((tiers) => tiers.every((tier, i) => i === 0 || tier.until > (tiers[i - 1]?.until ?? 0)), {
    message: "tiers must be listed with increasing `until`",
  })
  .transform((tiers) => tiers.map((tier) => ({ untilMs: tier.until, everyMs: tier.every })));

const selector = text("a CSS selector");
const selectors = z.strictObject(
  {
    title: selector.optional(),
    byline: selector.optional(),
    published: selector.optional(),
    body: selector.optional(),
    remove: z.array(selector, { error: "must be a list of CSS selectors" }).optional(),
  },
  mapping("title, byline, published, body or remove"),
);

const outlet = z
  .strictObject(
    {
      id: z
        .string({ error: "must be lowercase letters, digits and dashes (up to 40)" })
        .regex(
          /^[a-z0-9][a-z0-9-]{0,39}$/,
          "must be lowercase letters, digits and dashes (up to 40), starting with a letter or digit",
        )
        .refine((id) => !RESERVED_OUTLET_IDS.has(id), {
          message: `must not be one of the site's own paths (${[...RESERVED_OUTLET_IDS].join(", ")})`,
        }),
      name: text(),
      feeds: urlList.default([]),
      sitemaps: urlList.default([]),
      urls: urlList.default([]),
      articleUrl: regex.optional(),
      selectors: selectors.optional(),
      schedule: schedule.optional(),
      ignore: z.array(regex, { error: "must be a list of regular expressions" }).default([]),
      allowPrivateAddresses: flag.default(false),
    },
    mapping("id, name and feeds, sitemaps or urls"),
  )
  .refine((o) => o.feeds.length + o.sitemaps.length + o.urls.length > 0, {
    message: "must list at least one URL (an outlet needs feeds, sitemaps or urls)",
    path: ["feeds"],
  });

export const configSchema = z.strictObject(
  {
    site: z
      .strictObject(
        {
          title: text().default("stet"),
          baseUrl: httpUrl.default("http://127.0.0.1:8080/"),
          /** The archive's repository on its forge, for links to each version's commit and file. */
          repository: httpsUrl.optional(),
        },
        mapping("title, baseUrl and repository"),
      )
      .prefault({}),
    fetch: z
      .strictObject(
        {
          userAgent: text().default("stet (+https://github.com/stet-news/stet)"),
          concurrency: wholeNumber(1, 32).default(4),
          perHostDelayMs: wholeNumber(0).default(1000),
          timeoutMs: wholeNumber(100).default(20_000),
          maxBytes: wholeNumber(1024).default(5_000_000),
          retries: wholeNumber(0, 5).default(2),
          retryDelayMs: wholeNumber(0).default(1000),
          schedule: schedule.optional(),
          typography: flag.default(false),
        },
        mapping("fetch settings such as userAgent and concurrency"),
      )
      .prefault({}),
    git: z
      .strictObject(
        {
          // GitHub's own bot: commits made with GITHUB_TOKEN are credited to it, never to a person.
          authorName: text().default(GITHUB_ACTIONS_BOT.name),
          authorEmail: text().default(GITHUB_ACTIONS_BOT.email),
        },
        mapping("authorName and authorEmail"),
      )
      .prefault({}),
    outlets: z
      .array(outlet, { error: "must be a list of outlets (id, name, feeds)" })
      .min(1, "must list at least one outlet"),
  },
  mapping("site, fetch, git and outlets"),
);

export type RawConfig = z.output<typeof configSchema>;
