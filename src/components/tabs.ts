/**
 * ARIA tabs (a cell's TypeScript and Python, an exercise's): each `role="tab"` shows the panel
 * its `aria-controls` names and hides the others; ←/→ move between tabs, and only the selected
 * one is in the Tab order. The first tab starts selected.
 */
function select(tabs: HTMLElement[], chosen: HTMLElement): void {
  for (const tab of tabs) {
    const selected = tab === chosen;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute("aria-controls")!)!.hidden = !selected;
  }
}

/** Wires the tabs inside `root` (nothing to do when it has none). */
export function enhanceTabs(root: HTMLElement): void {
  const tabs = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
  if (tabs.length === 0) return;
  select(tabs, tabs[0]!);
  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tabs, tab));
    tab.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
      select(tabs, next);
      next.focus();
    });
  }
}
