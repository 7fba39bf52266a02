// Compiles the regular expressions a config gives (articleUrl, ignore) with RE2's linear-time
// engine (the pure-JS port re2js), so no pattern, however nested its quantifiers, can make a run
// hang on a long URL or paragraph: matching time grows with the text, never exponentially.

import { RE2JS } from "re2js";
import type { TextPattern } from "../types.ts";

/** A pattern RE2 cannot compile (lookaround, backreferences, bad syntax), with RE2's reason. */
export class PatternError extends Error {}

/**
 * Compiles `source` (RE2 syntax; JavaScript's `\uXXXX` escapes are accepted too). Throws
 * PatternError saying what RE2 could not accept.
 */
export function linearPattern(source: string): TextPattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(withRe2Escapes(source));
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, "");
    throw new PatternError(reason);
  }
  return { source, test: (text) => compiled.test(text) };
}

// RE2 spells JavaScript's `\u00e9` as `\x{00e9}`; every other escape passes through unchanged.
function withRe2Escapes(source: string): string {
  return source.replace(/\\(u([0-9a-fA-F]{4})|[\s\S])/g, (whole, _escape, hex?: string) =>
    hex === undefined ? whole : `\\x{${hex}}`,
  );
}
