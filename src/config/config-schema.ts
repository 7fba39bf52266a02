// The shape of stet.config.yaml, with defaults, as a zod schema: the single source of truth for
// what a config may contain.

import { z } from "zod";
import type { ScheduleTier } from "../types.ts";

/** Outlet ids that would collide with the site's own paths (/feeds/, /assets/, …) or feed names. */
export const RESERVED_OUTLET_IDS = new Set([
  "feeds",
  "api",
  "search",
  "assets",
  "page",
  "all",
  "headlines",
  "status",
  "pagefind",
]);

/** The default commit identity: the github-actions bot's noreply address. */
export const GITHUB_ACTIONS_BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

const httpUrl = z.string().refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
  message: "must be an absolute http(s) URL",
});

const httpsUrl = z.string().refine((value) => /^https:\/\//i.test(value) && URL.canParse(value), {
  message: "must be an https URL such as https://github.com/owner/repo",
});

const regex = z.string().refine(
  (value) => {
    try {
      new RegExp(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a valid regular expression" },
);

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
  .string()
  .regex(/^\d+(\.\d+)?[mhd]$/, "must be a duration such as 15m, 3h or 7d")
  .transform((value) => Number.parseFloat(value) * (UNITS[value.slice(-1)] ?? 0));

// Tiers keyed to the time since an article's last change; after the last one it is not checked.
const schedule = z
  .array(z.strictObject({ until: duration, every: duration }))
  .min(1)
  .refine((tiers) => tiers.every((tier, i) => i === 0 || tier.until > (tiers[i - 1]?.until ?? 0)), {
    message: "tiers must be listed with increasing `until`",
  })
  .transform((tiers) => tiers.map((tier) => ({ untilMs: tier.until, everyMs: tier.every })));

const selectors = z.strictObject({
  title: z.string().optional(),
  byline: z.string().optional(),
  published: z.string().optional(),
  body: z.string().optional(),
  remove: z.array(z.string()).optional(),
});

const outlet = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lowercase letters, digits and dashes")
      .refine((id) => !RESERVED_OUTLET_IDS.has(id), {
        message: "is reserved for the site's own pages",
      }),
    name: z.string().min(1),
    feeds: z.array(httpUrl).default([]),
    sitemaps: z.array(httpUrl).default([]),
    urls: z.array(httpUrl).default([]),
    articleUrl: regex.optional(),
    selectors: selectors.optional(),
    schedule: schedule.optional(),
    ignore: z.array(regex).default([]),
  })
  .refine((o) => o.feeds.length + o.sitemaps.length + o.urls.length > 0, {
    message: "needs at least one of feeds, sitemaps or urls",
  });

export const configSchema = z.strictObject({
  site: z
    .strictObject({
      title: z.string().min(1).default("stet"),
      baseUrl: httpUrl.default("http://127.0.0.1:8080/"),
      /** The archive's repository on its forge, for links to each version's commit and file. */
      repository: httpsUrl.optional(),
    })
    .prefault({}),
  fetch: z
    .strictObject({
      userAgent: z.string().min(1).default("stet (+https://github.com/stet-news/stet)"),
      concurrency: z.number().int().min(1).max(32).default(4),
      perHostDelayMs: z.number().int().min(0).default(1000),
      timeoutMs: z.number().int().min(100).default(20_000),
      maxBytes: z.number().int().min(1024).default(5_000_000),
      retries: z.number().int().min(0).max(5).default(2),
      retryDelayMs: z.number().int().min(0).default(1000),
      schedule: schedule.optional(),
      typography: z.boolean().default(false),
    })
    .prefault({}),
  git: z
    .strictObject({
      // GitHub's own bot: commits made with GITHUB_TOKEN are credited to it, never to a person.
      authorName: z.string().min(1).default(GITHUB_ACTIONS_BOT.name),
      authorEmail: z.string().min(1).default(GITHUB_ACTIONS_BOT.email),
    })
    .prefault({}),
  outlets: z.array(outlet).min(1, "must list at least one outlet"),
});

export type RawConfig = z.output<typeof configSchema>;
