// Eleventy 3 ships no type declarations; this covers the part of its API stet uses.

declare module "@11ty/eleventy" {
  export interface EleventyUserConfig {
    addGlobalData(name: string, value: unknown): EleventyUserConfig;
    addPassthroughCopy(paths: string | Record<string, string>): EleventyUserConfig;
    setTemplateFormats(formats: string | string[]): void;
    setQuietMode(quiet: boolean): void;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    config?: (config: EleventyUserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Where Eleventy logs; `overrideLogger(false)` silences it. */
    readonly logger: {
      overrideLogger(logger: false | Pick<Console, "log" | "warn" | "error">): void;
    };
    write(): Promise<unknown>;
    toJSON(): Promise<unknown[]>;
  }
}
