import fc from "fast-check";
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
      "stet.config.yaml:2: fetch.concurrency: must be a whole number from 1 to 32",
    );
  });

  it("names file and line of a YAML syntax error", () => {
    expect(errorOf("outlets:\n  - id: [harbor\n")).toMatch(
      /^stet\.config\.yaml:\d+: not valid YAML: /,
    );
  });

  it("names an unknown key where it stands", () => {
    expect(errorOf(`${VALID}    feed: https://harbor.example/x.xml\n`)).toBe(
      "stet.config.yaml:7: outlets.0.feed: unknown key: must be one of id, name, feeds, sitemaps, urls, articleUrl, selectors, schedule, ignore, allowPrivateAddresses (check its spelling and indentation)",
    );
  });

  it("rejects reserved and duplicate outlet ids", () => {
    expect(errorOf(VALID.replace("id: harbor", "id: feeds"))).toMatch(
      /outlets\.0\.id: must not be one of the site's own paths/,
    );
    const twice = `${VALID}  - id: harbor\n    name: Again\n    urls: [https://harbor.example/a]\n`;
    expect(errorOf(twice)).toMatch(/duplicate outlet id "harbor"/);
  });

  it("rejects non-http feed URLs and bad regular expressions", () => {
    expect(
      errorOf(VALID.replace("https://harbor.example/feed.xml", "javascript:alert(1)")),
    ).toMatch(/outlets\.0\.feeds\.0: must be an absolute http\(s\) URL/);
    expect(errorOf(VALID.replace('"^https://harbor.example/news/"', '"(unclosed"'))).toBe(
      "stet.config.yaml:6: outlets.0.articleUrl: must be a regular expression in RE2 syntax, which matches in linear time (no lookaround or backreferences): missing closing ): `(unclosed`",
    );
  });

  it("requires at least one outlet", () => {
    expect(errorOf("site: { title: x }\n")).toMatch(/outlets: /);
  });
});

describe("every invalid value", () => {
  // One key per line, so the line of each key is known.
  const TEMPLATE: [key: string, value: string][] = [
    ["site", ""],
    ["site.title", '"Watched"'],
    ["site.baseUrl", '"https://watch.example/"'],
    ["fetch", ""],
    ["fetch.userAgent", '"stet-test"'],
    ["fetch.concurrency", "4"],
    ["fetch.perHostDelayMs", "1000"],
    ["fetch.timeoutMs", "20000"],
    ["fetch.maxBytes", "5000000"],
    ["fetch.retries", "2"],
    ["fetch.retryDelayMs", "1000"],
    ["fetch.typography", "false"],
    ["fetch.schedule", "[{ until: 3h, every: 15m }]"],
    ["git", ""],
    ["git.authorName", "stet"],
    ["git.authorEmail", "stet@localhost"],
    ["outlets", ""],
    ["outlets.0.id", "harbor"],
    ["outlets.0.name", "The Harbor Courier"],
    ["outlets.0.feeds", '["https://harbor.example/feed.xml"]'],
    ["outlets.0.sitemaps", "[]"],
    ["outlets.0.articleUrl", "'^https://harbor\\.example/news/'"],
    ["outlets.0.ignore", '["^Advertisement$"]'],
    ["outlets.0.selectors", "{ body: article p }"],
    ["outlets.0.allowPrivateAddresses", "false"],
  ];
  const render = (key: string, value: string) =>
    TEMPLATE.map(([k, v]) => {
      const parts = k.split(".");
      const name = parts[parts.length - 1];
      const indent = k.startsWith("outlets.0.")
        ? k === "outlets.0.id"
          ? "  - "
          : "    "
        : parts.length > 1
          ? "  "
          : "";
      return `${indent}${name}:${k === key ? ` ${value}` : v === "" ? "" : ` ${v}`}`;
    }).join("\n");
  const leaves = TEMPLATE.filter(([, v]) => v !== "").map(([k]) => k);

  it("parses the template as it is", () => {
    expect(parseConfig(render("", ""), "stet.config.yaml").outlets[0]?.id).toBe("harbor");
  });

  it("gets one line naming file, line, key and what is allowed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.jsonValue({ maxDepth: 2 }), (key, value) => {
        const text = render(key, JSON.stringify(value));
        let message: string | null = null;
        try {
          parseConfig(text, "stet.config.yaml");
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          message = (error as Error).message;
        }
        fc.pre(message !== null);
        const line = TEMPLATE.findIndex(([k]) => k === key) + 1;
        const escaped = key.replace(/\./g, "\\.");
        expect(message).toMatch(
          new RegExp(
            `^stet\\.config\\.yaml:${line}: ${escaped}(\\.([\\w-]+|"(?:[^"\\\\]|\\\\.)*"))*: [^\\n]*must [^\\n]+$`,
          ),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("names the line of a YAML alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const name of "bcdefgh") {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    expect(errorOf(`${bomb.join("\n")}\n${VALID}`)).toBe(
      "stet.config.yaml:2: not valid config: YAML aliases (*name) expand too far (Excessive alias count indicates a resource exhaustion attack); write the values out",
    );
  });

  it("names the line of a duplicate outlet id", () => {
    expect(
      errorOf(`${VALID}  - id: harbor\n    name: Again\n    urls: [https://harbor.example/a]\n`),
    ).toBe(
      'stet.config.yaml:7: outlets.1.id: duplicate outlet id "harbor": each outlet needs its own',
    );
  });
});

describe("config regular expressions", () => {
  const withPatterns = (articleUrl: string, ignore: string) =>
    parseConfig(
      VALID.replace('"^https://harbor.example/news/"', JSON.stringify(articleUrl)) +
        `    ignore: [${JSON.stringify(ignore)}]\n`,
      "stet.config.yaml",
    ).outlets[0];

  it("cannot hang on nested quantifiers: (a+)+$ on 100,000 a's and a mismatch returns", () => {
    // A backtracking engine takes longer than the age of the universe here; RE2 is linear.
    const outlet = withPatterns("(a+)+$", "^(\\w+\\s?)*$");
    const text = `${"a".repeat(100_000)}!`;
    expect(outlet?.articleUrl?.test(text)).toBe(false);
    expect(outlet?.ignore[0]?.test(text)).toBe(false);
    expect(outlet?.ignore[0]?.test("Follow us on social media")).toBe(true);
  });

  it("rejects lookaround and backreferences in one line that names the key and the syntax", () => {
    expect(errorOf(`${VALID}    ignore: ["^(?=Advert)"]\n`)).toBe(
      "stet.config.yaml:7: outlets.0.ignore.0: must be a regular expression in RE2 syntax, which matches in linear time (no lookaround or backreferences): invalid or unsupported Perl syntax: `(?=`",
    );
    expect(errorOf(`${VALID}    ignore: ["(Read more)\\\\1"]\n`)).toMatch(
      /^stet\.config\.yaml:7: outlets\.0\.ignore\.0: .*invalid escape sequence: `\\1`$/,
    );
  });

  it("accepts JavaScript's \\u escapes", () => {
    expect(withPatterns("caf\\u00e9", "x")?.articleUrl?.test("https://harbor.example/café")).toBe(
      true,
    );
  });

  it("never hangs, whatever the nesting of quantifiers: it matches in linear time or is refused in one line", () => {
    const atom = fc.constantFrom("a", "b", "\\w", ".", "[ab]", "a?", "(?:a|aa)", "(a|a)");
    const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc
          .tuple(tie("node"), fc.constantFrom("+", "*", "{1,9}", "+?"))
          .map(([p, q]) => `(${p})${q}`),
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `${a}${b}`),
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(${a}|${b})`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(pattern, fc.integer({ min: 1, max: 3000 }), (source, n) => {
        let outlet: ReturnType<typeof withPatterns>;
        try {
          outlet = withPatterns(`^${source}$`, `${source}$`);
        } catch (error) {
          // RE2 refuses a program too large to run (repeat counts nested past 1,000), up front.
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).toMatch(
            /^stet\.config\.yaml:\d+: outlets\.0\.(articleUrl|ignore\.0): must be a regular expression in RE2 syntax[^\n]*: invalid repeat count: [^\n]*$/,
          );
          return;
        }
        const text = `${"a".repeat(n)}!`;
        // A backtracking engine needs 2^n steps on some of these; here each test is linear in n.
        expect(typeof outlet?.articleUrl?.test(text)).toBe("boolean");
        expect(typeof outlet?.ignore[0]?.test(text)).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
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
