// The search page's script: starts Pagefind's search interface (loaded just before it) over the
// index the build wrote, with result links below the site's path prefix.

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => unknown;
  }
}

const element = document.getElementById("search");
if (element !== null && window.PagefindUI !== undefined) {
  element.querySelector(".needs-script")?.remove();
  new window.PagefindUI({
    element: "#search",
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.base,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  });
  // Pagefind's input has only a placeholder and a title; name it for screen readers.
  const name = (): void => {
    const input = element.querySelector("input.pagefind-ui__search-input");
    if (input !== null && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "Search the articles");
    }
  };
  name();
  new MutationObserver(name).observe(element, { childList: true, subtree: true });
}

export {};
