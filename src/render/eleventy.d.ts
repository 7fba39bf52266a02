// Eleventy 3 ships no type declarations; this covers the part of its API stet uses: the Render
// plugin's RenderManager, which compiles a template with Eleventy's own engines and configuration
// and renders it per data object.

declare module "@11ty/eleventy" {
  /** Eleventy's project folders; the input folder holds `_includes/`. */
  interface ProjectDirectories {
    setInput(dir: string): void;
  }

  /** A compiled template: renders one data object to text. */
  type CompiledTemplate = (data: Record<string, unknown>) => Promise<string>;

  class RenderManager {
    readonly templateConfig: { directories: ProjectDirectories };
    init(): Promise<true>;
    /** Compiles `content` in `templateLang` ("njk") once; call the result per page. */
    compile(content: string, templateLang: string): Promise<CompiledTemplate>;
  }

  export const RenderPlugin: { RenderManager: typeof RenderManager };
}
