/**
 * Controls a component draws before the page's script has wired them carry `disabled
 * data-until-wired`: visible in place (nothing shifts when the script arrives), but a press
 * cannot land on a button that does nothing yet. The script enables them once it listens.
 */
export function enableWired(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-until-wired]")) {
    button.disabled = false;
    button.removeAttribute("data-until-wired");
  }
}
