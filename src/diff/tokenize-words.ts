// Splits text into the tokens that word diffs and word counts work on: words, single punctuation
// marks and runs of whitespace, which together reproduce the text exactly.

// A word is a run of letters, marks and digits, with inside apostrophes ("don't", "council’s")
// and, between digits, the separators of numbers and times ("3,000", "1.5", "5:30"), so that a
// changed figure shows as one changed word. Han, kana and similar scripts do not separate words
// with spaces, so each of their characters stands alone; otherwise a one-character fix would
// replace a whole sentence.
const WORD_CHAR = String.raw`(?:(?![\p{Ideographic}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{M}\p{N}_])`;
const NUMBER = String.raw`\p{N}+(?:[.,:]\p{N}+)+(?![\p{L}\p{N}])`;
const WORD = `${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`;
const SINGLE = String.raw`[\p{Ideographic}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]`;
const TOKEN = new RegExp(String.raw`${NUMBER}|${WORD}|${SINGLE}|\s+|[^\s]`, "gu");
const IS_WORD = /[\p{L}\p{N}]/u;
const IS_SPACE = /^\s+$/u;

/** The text's tokens, in order; joined they give back the text exactly. */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Whether a token counts as a word (not punctuation, not whitespace). */
export function isWordToken(token: string): boolean {
  return IS_WORD.test(token);
}

/** Whether a token is whitespace only. */
export function isSpaceToken(token: string): boolean {
  return IS_SPACE.test(token);
}

/**
 * How many words the text has, counted the way diffs count them. The project's one word count:
 * extraction's thresholds, the judge's shrink test and teaser detection all count with it, so a
 * "word" means the same everywhere (a Han character is one, "3,000" is one, "—" is none).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of tokenizeWords(text)) if (isWordToken(token)) count++;
  return count;
}
