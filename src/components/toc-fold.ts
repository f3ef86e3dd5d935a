/**
 * Folds the chapter's table of contents on a narrow screen, where it sits between the title and
 * the chapter; a wide screen shows it open beside the chapter. Runs on every page load,
 * client-side navigations included.
 */
const WIDE = "(min-width: 64rem)";

function fold(): void {
  if (matchMedia(WIDE).matches) return;
  for (const toc of document.querySelectorAll<HTMLDetailsElement>("details[data-toc]")) toc.open = false;
}

fold();
document.addEventListener("astro:page-load", fold);
