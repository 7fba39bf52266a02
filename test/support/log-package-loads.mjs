// A module hook for `node --import`: prints every package module that the ES module loader loads
// to stderr as "loaded <url>", so a test can check which dependencies a command pulls in.
import { register } from "node:module";

if (!import.meta.url.includes("?hook")) {
  register(`${import.meta.url}?hook`);
}

export async function load(url, context, next) {
  if (url.includes("/node_modules/")) process.stderr.write(`loaded ${url}\n`);
  return next(url, context);
}
