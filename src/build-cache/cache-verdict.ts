// Decides whether a build may start from the build cache, and from where. Pure: the caller reads
// the cache head, the site marker and git, and acts on the verdict.

import type { BuildInputs, SiteSettings } from "./inputs-digest.ts";

/** The small part of the build cache a build reads first. */
export interface CacheHead {
  format: number;
  inputs: BuildInputs;
  /** The commit whose history the cache describes. */
  commit: string;
  /** Digest of the cache's body; the site folder's marker names the same one. */
  body: string;
  /**
   * The settings read from the config whose bytes `inputs.config` digests: a build with the same
   * config takes them from here rather than parse it again. Absent in older heads.
   */
  settings?: SiteSettings;
}

export type CacheVerdict =
  /** Build everything into an emptied folder; `reason` says why (logged). */
  | { kind: "full"; reason: string }
  /** The archive is as the cache describes it: nothing to do. */
  | { kind: "same" }
  /** Read the commits after `since`, and rebuild what they changed. */
  | { kind: "since"; since: string };

export interface VerdictInput {
  head: CacheHead | null;
  /** CACHE_FORMAT of this stet. */
  format: number;
  inputs: BuildInputs;
  /** HEAD now; null in a repository without commits. */
  commit: string | null;
  /** The cache body digest that the site folder's marker names; null when there is none. */
  siteBuild: string | null;
  /** Whether HEAD descends from `head.commit`; asked only when they differ. */
  descends: () => Promise<boolean>;
}

export async function cacheVerdict(input: VerdictInput): Promise<CacheVerdict> {
  const { head } = input;
  if (head === null) return { kind: "full", reason: "no build cache" };
  if (head.format !== input.format) {
    return { kind: "full", reason: "the build cache has another format" };
  }
  if (head.inputs.code !== input.inputs.code) {
    return { kind: "full", reason: "the build cache is from another version of stet" };
  }
  if (head.inputs.templates !== input.inputs.templates) {
    return { kind: "full", reason: "the templates changed since the cached build" };
  }
  if (head.inputs.settings !== input.inputs.settings) {
    return {
      kind: "full",
      reason: "the site settings in the config changed since the cached build",
    };
  }
  if (input.siteBuild !== head.body) {
    return { kind: "full", reason: "the site folder is not the one the build cache describes" };
  }
  if (input.commit === head.commit) return { kind: "same" };
  if (input.commit === null || !(await input.descends())) {
    return {
      kind: "full",
      reason: `the build cache is from another history (commit ${head.commit.slice(0, 10)} is not an ancestor of HEAD)`,
    };
  }
  return { kind: "since", since: head.commit };
}
