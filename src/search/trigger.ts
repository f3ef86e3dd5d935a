/**
 * The only search code a page loads up front: shows the Search button and opens the dialog on
 * a click, on "/" (outside text fields) or on Ctrl+K / Cmd+K. The dialog and Pagefind load on
 * first use.
 */
const button = document.querySelector<HTMLButtonElement>("[data-search-open]");
if (button) {
  const open = () => void import("./dialog.ts").then((module) => module.openSearch(button));
  button.hidden = false;
  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])") !== null;
    const slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
    if (!slash && !k) return;
    event.preventDefault();
    open();
  });
}
