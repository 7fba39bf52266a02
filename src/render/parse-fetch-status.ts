// Reads the fetch's status file (`.stet/status.json`, see FetchStatus in src/types.ts) for the
// public status page. The file is the fetch's, not the record's: a malformed one is reported as a
// value, and the page then says there is no status to show, rather than the build failing.

import { z } from "zod";
import type { FetchStatus } from "../types.ts";

const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a time");
const count = z.number().int().min(0);

const schema = z.object({
  updated: time,
  outlets: z.array(
    z.object({
      id: z.string(),
      lastRun: time,
      lastSuccess: time.nullable(),
      failingRuns: count,
      watched: count,
      checked: count,
      newArticles: count,
      newVersions: count,
      notReached: count,
      held: z.array(z.object({ url: z.string(), reason: z.string(), since: time, checks: count })),
      failed: z.array(z.object({ url: z.string(), reason: z.string() })),
    }),
  ),
});

/** The status, or what is wrong with the text, in one line. */
export function parseFetchStatus(text: string): { status: FetchStatus } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") || "the top level";
    return { problem: `${where}: ${issue?.message ?? "not a fetch status"}` };
  }
  return { status: result.data };
}
