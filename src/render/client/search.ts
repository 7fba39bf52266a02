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
}

export {};
