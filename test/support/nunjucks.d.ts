// The part of Nunjucks' API the tests use (the package ships no type declarations).

declare module "nunjucks" {
  export class FileSystemLoader {
    constructor(searchPaths: string | string[]);
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: { autoescape?: boolean; dev?: boolean });
    render(name: string, context: object): string;
  }
  const nunjucks: { Environment: typeof Environment; FileSystemLoader: typeof FileSystemLoader };
  export default nunjucks;
}
