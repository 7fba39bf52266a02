// Real failures, typed, each with a message that tells the user what to do. Expected outcomes
// (not modified, gone, suspect page) are values, not exceptions: see src/fetch/.

/** Base class: the CLI prints `message` (no stack trace) and exits non-zero. */
export class StetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The config file is missing, is not YAML, or has a wrong key or value. */
export class ConfigError extends StetError {}

/** The repository or an archive file cannot be read or written. */
export class ArchiveError extends StetError {}

/** A fetch run could not work at all (one failing outlet is a result, not this). */
export class FetchError extends StetError {}

/** The site could not be built. */
export class BuildError extends StetError {}

/** The command line was wrong. */
export class UsageError extends StetError {}
