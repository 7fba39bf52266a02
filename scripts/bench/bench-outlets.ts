// The three invented outlets of the benchmark archive, their article URLs and the
// stet.config.yaml that makes the archive buildable.

/** An invented outlet: id, name, host and its share of the articles. */
export interface BenchOutlet {
  id: string;
  name: string;
  share: number;
  /** The canonical URL of article number `index` with the given headline and first-seen date. */
  articleUrl(index: number, headline: string, date: Date): string;
}

function slugOf(headline: string): string {
  return headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .split("-")
    .filter((w) => w !== "")
    .slice(0, 7)
    .join("-");
}

const SECTIONS = ["news", "politics", "business", "local", "sport", "culture"];

/** Tame dated paths, section paths, and query-string URLs (which take the hashed archive path). */
export const BENCH_OUTLETS: BenchOutlet[] = [
  {
    id: "lantern",
    name: "The Lantern Gazette",
    share: 0.5,
    articleUrl: (index, headline, date) => {
      const day = date.toISOString().slice(0, 10).replaceAll("-", "/");
      return `https://lantern.example/news/${day}/${slugOf(headline)}-${index}`;
    },
  },
  {
    id: "meridian",
    name: "Meridian Daily",
    share: 0.3,
    articleUrl: (index, headline) =>
      `https://www.meridian.example/${SECTIONS[index % SECTIONS.length]}/${slugOf(headline)}-a${index}/`,
  },
  {
    id: "quarry",
    name: "Quarry Valley Post",
    share: 0.2,
    articleUrl: (index) => `https://quarry.example/story.php?id=${100_000 + index}`,
  },
];

/** stet.config.yaml for the benchmark outlets (each lists one URL, so the config is valid). */
export function benchConfigYaml(): string {
  const outlets = BENCH_OUTLETS.map(
    (o) =>
      `  - id: ${o.id}\n    name: ${JSON.stringify(o.name)}\n    urls: [${JSON.stringify(o.articleUrl(0, "Front page", new Date(0)))}]\n`,
  ).join("");
  return `# Invented outlets of the synthetic benchmark archive (scripts/bench.ts).
site: { title: "stet benchmark", baseUrl: "https://bench.example/stet/" }
git: { authorName: "stet", authorEmail: "stet@localhost" }
outlets:
${outlets}`;
}
