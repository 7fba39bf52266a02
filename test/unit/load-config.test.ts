import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import { ConfigError } from "../../src/errors.ts";

const VALID = `site: { title: "Watched" }
outlets:
  - id: harbor
    name: The Harbor Courier
    feeds: [https://harbor.example/feed.xml]
    articleUrl: "^https://harbor.example/news/"
`;

function errorOf(text: string): string {
  try {
    parseConfig(text, "stet.config.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("fills in defaults", () => {
    const config = parseConfig(VALID, "stet.config.yaml");
    expect(config.site).toEqual({ title: "Watched", baseUrl: "http://127.0.0.1:8080/" });
    expect(config.fetch.concurrency).toBe(4);
    expect(config.outlets[0]?.articleUrl?.test("https://harbor.example/news/x")).toBe(true);
    expect(config.outlets[0]?.urls).toEqual([]);
  });

  it("takes the archive's repository as an https URL, and names a wrong one", () => {
    const withRepository = VALID.replace(
      'site: { title: "Watched" }',
      'site: { title: "Watched", repository: "https://github.com/owner/repo" }',
    );
    expect(parseConfig(withRepository, "stet.config.yaml").site.repository).toBe(
      "https://github.com/owner/repo",
    );
    expect(errorOf(withRepository.replace("https://github", "http://github"))).toBe(
      "stet.config.yaml:1: site.repository: must be an https URL such as https://github.com/owner/repo",
    );
  });

  it("names file, line and key of a wrong type", () => {
    expect(errorOf(`fetch:\n  concurrency: four\n${VALID}`)).toBe(
      "stet.config.yaml:2: fetch.concurrency: Invalid input: expected number, received string",
    );
  });

  it("names file and line of a YAML syntax error", () => {
    expect(errorOf("outlets:\n  - id: [harbor\n")).toMatch(
      /^stet\.config\.yaml:\d+: not valid YAML: /,
    );
  });

  it("names an unknown key where it stands", () => {
    expect(errorOf(`${VALID}    feed: https://harbor.example/x.xml\n`)).toBe(
      "stet.config.yaml:7: outlets.0.feed: unknown key (check its spelling and indentation)",
    );
  });

  it("rejects reserved and duplicate outlet ids", () => {
    expect(errorOf(VALID.replace("id: harbor", "id: feeds"))).toMatch(
      /outlets\.0\.id: is reserved/,
    );
    const twice = `${VALID}  - id: harbor\n    name: Again\n    urls: [https://harbor.example/a]\n`;
    expect(errorOf(twice)).toMatch(/duplicate outlet id "harbor"/);
  });

  it("rejects non-http feed URLs and bad regular expressions", () => {
    expect(
      errorOf(VALID.replace("https://harbor.example/feed.xml", "javascript:alert(1)")),
    ).toMatch(/outlets\.0\.feeds\.0: must be an absolute http\(s\) URL/);
    expect(errorOf(VALID.replace('"^https://harbor.example/news/"', '"(unclosed"'))).toMatch(
      /outlets\.0\.articleUrl: must be a valid regular expression/,
    );
  });

  it("requires at least one outlet", () => {
    expect(errorOf("site: { title: x }\n")).toMatch(/outlets: /);
  });
});

describe("the repository's own stet.config.yaml", () => {
  it("is valid and lists outlets with feeds", async () => {
    const { loadConfig } = await import("../../src/config/load-config.ts");
    const config = await loadConfig(new URL("../../stet.config.yaml", import.meta.url).pathname);
    expect(config.outlets.length).toBeGreaterThan(0);
    for (const outlet of config.outlets) expect(outlet.feeds.length).toBeGreaterThan(0);
  });
});
