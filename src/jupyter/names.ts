/** Where a chapter's notebook lives: its file name, and its path on the site. No imports: the layout uses it. */

/** A notebook's file name on the site and on the reader's disk: "03-asyncio-walkthrough.ipynb". */
export function notebookFileName(chapterId: string): string {
  return `${chapterId}.ipynb`;
}

/** The site path a chapter's notebook is served at (built by src/pages/notebooks/[chapter].ipynb.ts). */
export function notebookHref(chapterId: string): string {
  return `/notebooks/${notebookFileName(chapterId)}`;
}
