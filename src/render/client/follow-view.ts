// Keeps a diff's view (inline or side by side) in the page's URL as `?view=side`: the radio
// buttons work without a script; with one, the chosen view survives a reload and can be linked.

const PARAMETER = "view";

/** Sets the view radios from the URL, and writes the URL whenever a reader picks a view. */
export function followView(document: Document): void {
  const side = document.getElementById("view-side");
  const inline = document.getElementById("view-inline");
  if (!(side instanceof HTMLInputElement) || !(inline instanceof HTMLInputElement)) return;
  const wanted = new URL(document.location.href).searchParams.get(PARAMETER);
  if (wanted === "side") side.checked = true;
  else inline.checked = true;
  for (const radio of [side, inline]) {
    radio.addEventListener("change", () => {
      const url = new URL(document.location.href);
      if (side.checked) url.searchParams.set(PARAMETER, "side");
      else url.searchParams.delete(PARAMETER);
      history.replaceState(history.state, "", url);
    });
  }
}
