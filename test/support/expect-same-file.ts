// Byte-for-byte comparison of two files, for the tests that check a build gives the same bytes.
// `expect(buffer).toEqual(buffer)` compares Buffers element by element through vitest's generic
// equality: about 4 s for the ~50 files of a small site. `Buffer.equals` is a memcmp; only when
// it finds a difference are the files compared as text (latin1, one character per byte, so the
// check stays exact) to show where they differ.

import { readFile } from "node:fs/promises";
import { expect } from "vitest";

/** Expects the file `actual` to hold exactly the bytes of the file `expected`. */
export async function expectSameFile(actual: string, expected: string): Promise<void> {
  const [got, want] = await Promise.all([readFile(actual), readFile(expected)]);
  if (!got.equals(want)) expect(got.toString("latin1"), actual).toBe(want.toString("latin1"));
}
