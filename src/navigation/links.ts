/**
 * Which link clicks the client router takes over: a plain left click on a link to another
 * page of this site. Everything else (new tab, download, another origin, a jump within this
 * page, `data-astro-reload`) stays the browser's.
 */
export interface ClickLike {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}

export interface LinkLike {
  href: string;
  target: string;
  hasAttribute(name: string): boolean;
}

export function routedHref(event: ClickLike, link: LinkLike, here: URL): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download") || link.hasAttribute("data-astro-reload")) return null;
  const to = new URL(link.href, here);
  if (to.origin !== here.origin) return null;
  if (to.pathname === here.pathname && to.search === here.search) return null; // same page: anchors stay native
  if (/\.[a-z0-9]+$/i.test(to.pathname) && !to.pathname.endsWith(".html")) return null; // files, not pages
  return to.href;
}
