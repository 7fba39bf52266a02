import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runExtract } from "../../src/commands/extract.ts";

const page = (title: string) =>
  `<html><head><meta property="og:title" content="${title}"></head><body><article><p>${"Body text of the invented page. ".repeat(20)}</p></article></body></html>`;

const collect = () => {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk) => {
    text += chunk;
  });
  return { stream, text: () => text };
};

describe("runExtract", () => {
  it("prints one JSON line per file in input order, reads .html.gz, and reports a missing file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stet-extract-"));
    writeFileSync(join(dir, "b.html"), page("Second"));
    writeFileSync(join(dir, "a.html.gz"), gzipSync(page("First")));
    const out = collect();
    const err = collect();
    const files = [join(dir, "b.html"), join(dir, "missing.html"), join(dir, "a.html.gz")];
    const code = await runExtract(files, { json: true }, out.stream, err.stream);
    const lines = out
      .text()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(code).toBe(1);
    expect(lines.map((l) => [l.file, l.title, l.byline, l.published])).toEqual([
      [files[0], "Second", null, null],
      [files[2], "First", null, null],
    ]);
    expect(Object.keys(lines[0])).toEqual(["file", "title", "byline", "published", "paragraphs"]);
    expect(lines[0].paragraphs).toEqual(["Body text of the invented page. ".repeat(20).trim()]);
    expect(err.text()).toContain(files[1]);
  });

  it("exits 0 when every file was read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stet-extract-"));
    writeFileSync(join(dir, "a.html"), page("Only"));
    const out = collect();
    expect(
      await runExtract(
        [join(dir, "a.html")],
        { json: true, url: "https://x.example/a" },
        out.stream,
      ),
    ).toBe(0);
  });
});
