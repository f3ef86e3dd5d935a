/**
 * The chapter's folds (`Fold.astro`) open where the reader must see inside: when the address
 * names something in one (a shared link to a cell in a fold), and for printing (the print
 * style shows them in engines that style `::details-content`; this opens them in the others,
 * and closes them again after). Runs on every page load, client-side navigations included.
 */
function openAt(hash: string): void {
  if (hash.length < 2) return;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  let opened = false;
  for (let fold = target?.closest<HTMLDetailsElement>("details[data-fold]:not([open])"); fold; fold = fold.parentElement?.closest("details[data-fold]:not([open])")) {
    fold.open = true;
    opened = true;
  }
  // The browser scrolled to the target while it was folded away, so to the fold's summary.
  if (opened) target?.scrollIntoView();
}

let openedForPrint: HTMLDetailsElement[] = [];

addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll<HTMLDetailsElement>("details[data-fold]:not([open])")];
  for (const fold of openedForPrint) fold.open = true;
});
addEventListener("afterprint", () => {
  for (const fold of openedForPrint) fold.open = false;
  openedForPrint = [];
});
addEventListener("hashchange", () => openAt(location.hash));
document.addEventListener("astro:page-load", () => openAt(location.hash));
openAt(location.hash);
