import { describe, expect, it } from "vitest";
import {
  type CacheHead,
  cacheVerdict,
  type VerdictInput,
} from "../../src/build-cache/cache-verdict.ts";

const inputs = {
  code: "code1",
  templates: "tpl1",
  config: "cfg1",
  settings: "set1",
  status: "none",
};
const head: CacheHead = { format: 1, inputs, commit: "a".repeat(40), body: "body1" };

function verdict(change: Partial<VerdictInput>, descends = true) {
  let asked = false;
  const result = cacheVerdict({
    head,
    format: 1,
    inputs,
    commit: "b".repeat(40),
    siteBuild: "body1",
    descends: async () => {
      asked = true;
      return descends;
    },
    ...change,
  });
  return result.then((v) => ({ ...v, asked }));
}

describe("cacheVerdict", () => {
  it("builds on the cache from its commit when HEAD descends from it", async () => {
    expect(await verdict({})).toEqual({ kind: "since", since: "a".repeat(40), asked: true });
  });

  it("has nothing to do when HEAD is the cached commit, without asking git", async () => {
    expect(await verdict({ commit: "a".repeat(40) })).toEqual({ kind: "same", asked: false });
  });

  it("keeps the cache when only the fetch status changed (the build renders its page again)", async () => {
    const status = { inputs: { ...inputs, status: "other" } };
    expect(await verdict({ ...status, commit: "a".repeat(40) })).toEqual({
      kind: "same",
      asked: false,
    });
    expect((await verdict(status)).kind).toBe("since");
  });

  it.each([
    [{ head: null }, "no build cache"],
    [{ format: 2 }, "the build cache has another format"],
    [{ inputs: { ...inputs, code: "code2" } }, "the build cache is from another version of stet"],
    [{ inputs: { ...inputs, templates: "tpl2" } }, "the templates changed since the cached build"],
    [
      { inputs: { ...inputs, settings: "set2" } },
      "the site settings in the config changed since the cached build",
    ],
    [{ siteBuild: null }, "the site folder is not the one the build cache describes"],
    [{ siteBuild: "body0" }, "the site folder is not the one the build cache describes"],
  ])("builds everything when %o: %s", async (change, reason) => {
    expect(await verdict(change as Partial<VerdictInput>)).toEqual({
      kind: "full",
      reason,
      asked: false,
    });
  });

  it("builds everything when the cached commit is not in HEAD's history", async () => {
    expect(await verdict({}, false)).toEqual({
      kind: "full",
      reason:
        "the build cache is from another history (commit aaaaaaaaaa is not an ancestor of HEAD)",
      asked: true,
    });
  });

  it("builds everything in a repository whose commits are gone", async () => {
    const result = await verdict({ commit: null });
    expect(result.kind).toBe("full");
    expect(result.asked).toBe(false);
  });
});
