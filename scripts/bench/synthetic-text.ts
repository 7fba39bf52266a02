// Invented news text for the benchmark: articles made of generated sentences, and later versions
// made the way newsrooms edit (a word swapped, a paragraph added, cut or rewritten, sometimes a
// new headline). The words are a plain list of our own plus invented words drawn with a Zipf
// law, so that, as in real text, unrelated paragraphs share mostly their little words and the
// paragraph aligner does not mistake a rewrite for an edit. No real article is copied.

import type { Article } from "../../src/types.ts";
import { SeededRandom } from "./seeded-random.ts";

const NOUNS = (
  "council harbor bridge school budget river market station mayor court ferry storm road " +
  "village hospital library festival union plant factory tunnel tower garden museum " +
  "committee report inquiry vote election minister district island airport train route " +
  "company farm orchard coast valley county board police fire crew team season match " +
  "stadium theatre gallery shop bakery canal dam reservoir forest park square clinic " +
  "plan proposal contract agreement strike fund grant tax fare price rent wage pension " +
  "teacher nurse driver farmer fisher builder engineer student resident neighbour official"
).split(" ");
const VERBS = (
  "approved rejected delayed announced opened closed reviewed questioned backed blocked " +
  "funded cut raised lowered repaired rebuilt expanded moved cancelled confirmed denied " +
  "welcomed criticised extended paused restarted inspected measured counted reported"
).split(" ");
const ADJECTIVES = (
  "new old local regional northern southern eastern western busy quiet late early long " +
  "short costly cheap narrow wide public private temporary permanent small large final " +
  "first second annual weekly heavy light urgent planned unexpected disputed"
).split(" ");
const GLUE = (
  "the the the a a this that its their after before during while because although " +
  "and and but or with without from into over under near on at by for of of to to"
).split(" ");
const TIMES = (
  "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|at the weekend|last week|" +
  "this morning|late on Sunday|earlier this year|next month|by the spring"
).split("|");
const FIRST_NAMES =
  "Ada Bram Cleo Dario Edda Fenn Greta Hal Ines Joss Kaya Lior Mira Nils Odile".split(" ");
const LAST_NAMES =
  "Arden Blythe Corran Dunmore Elling Farrow Gilder Hollis Ivers Jessop Kettle".split(" ");

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SYLLABLES = (
  "ar bel cor dan el fen gar hol is jun kel lor mar nev or pal quin ras sel tor ul ven wil yar " +
  "zen ba ce di fo gu ha ke lo mi nu pe ri so ta vo"
).split(" ");
const INVENTED_WORDS = 4_000;

/** Invented content words, rarest last, and the cumulative Zipf weights to draw them by rank. */
const invented = (() => {
  const random = new SeededRandom(0x5e7);
  const words = new Set<string>();
  while (words.size < INVENTED_WORDS) {
    const count = random.int(2, 3);
    words.add(Array.from({ length: count }, () => random.pick(SYLLABLES)).join(""));
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= INVENTED_WORDS; rank++) {
    sum += 1 / rank;
    cumulative.push(sum);
  }
  return { words: [...words], cumulative, sum };
})();

function inventedWord(random: SeededRandom): string {
  const target = random.next() * invented.sum;
  let low = 0;
  let high = INVENTED_WORDS - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((invented.cumulative[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return invented.words[low] ?? "";
}

// About four words in ten are little words, as in English news prose.
function word(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.42) return random.pick(GLUE);
  if (roll < 0.52) return random.pick(NOUNS);
  if (roll < 0.58) return random.pick(VERBS);
  if (roll < 0.64) return random.pick(ADJECTIVES);
  if (roll < 0.97) return inventedWord(random);
  return String(random.int(2, 4_000));
}

/** One sentence of 6–28 words, sometimes with a quote or a time. */
export function sentence(random: SeededRandom): string {
  const length = random.int(6, 28);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(word(random));
    if (i > 2 && i < length - 2 && random.chance(0.06)) words[words.length - 1] += ",";
  }
  if (random.chance(0.2)) words.push(random.pick(TIMES));
  const text = `${capitalize(words.join(" "))}.`;
  if (random.chance(0.1)) {
    return `“${text}” said ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}.`;
  }
  return text;
}

/** One paragraph of 1–4 sentences. */
export function paragraph(random: SeededRandom): string {
  const count = random.int(1, 4);
  return Array.from({ length: count }, () => sentence(random)).join(" ");
}

/** A headline of 5–11 words. */
export function headline(random: SeededRandom): string {
  const words = [random.pick(ADJECTIVES), random.pick(NOUNS), random.pick(VERBS)];
  const extra = random.int(2, 8);
  for (let i = 0; i < extra; i++) words.push(word(random));
  return capitalize(words.join(" "));
}

/** A new article of 8–25 paragraphs. */
export function newArticle(random: SeededRandom, published: string): Article {
  const count = random.int(8, 25);
  return {
    title: headline(random),
    byline: `By ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    published,
    paragraphs: Array.from({ length: count }, () => paragraph(random)),
  };
}

function substituteWords(random: SeededRandom, text: string): string {
  const words = text.split(" ");
  const swaps = random.int(1, 4);
  for (let i = 0; i < swaps; i++) {
    const at = random.int(0, words.length - 1);
    const old = words[at] ?? "";
    // Keep the punctuation that ends the word, as a sub-editor would.
    const tail = /[.,”]+$/.exec(old)?.[0] ?? "";
    words[at] = `${word(random)}${tail}`;
  }
  return words.join(" ");
}

/**
 * The next version of `before`: one to three edits, always at least one real change. Body edits
 * are the common case; a headline change comes about one time in seven.
 */
export function editArticle(random: SeededRandom, before: Article): Article {
  const paragraphs = [...before.paragraphs];
  let title = before.title;
  let byline = before.byline;
  const edits = random.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const roll = random.next();
    const at = random.int(0, paragraphs.length - 1);
    if (roll < 0.45) {
      paragraphs[at] = substituteWords(random, paragraphs[at] ?? "");
    } else if (roll < 0.65) {
      // Updates mostly land at the end or near the top.
      const where = random.chance(0.5) ? paragraphs.length : random.int(0, 2);
      paragraphs.splice(where, 0, paragraph(random));
    } else if (roll < 0.75 && paragraphs.length > 4) {
      paragraphs.splice(at, 1);
    } else if (roll < 0.9) {
      paragraphs[at] = `${paragraphs[at] ?? ""} ${sentence(random)}`;
    } else {
      paragraphs[at] = paragraph(random);
    }
  }
  if (random.chance(0.14))
    title = random.chance(0.5) ? headline(random) : substituteWords(random, title ?? "");
  if (random.chance(0.02))
    byline = `${byline ?? "By"} and ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const after = { ...before, title, byline, paragraphs };
  if (after.title === before.title && after.byline === before.byline && sameText(before, after)) {
    // A swap can draw the very word it replaces; guarantee a version.
    after.paragraphs.push(sentence(random));
  }
  return after;
}

function sameText(a: Article, b: Article): boolean {
  return (
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => p === b.paragraphs[i])
  );
}
