/**
 * Taking a chapter home: the chapter as a Jupyter notebook (nbformat 4.5), its prose as Markdown
 * cells and its Python originals as code cells with their recorded CPython output
 * (./notebook.ts), each rewritten for Jupyter's running event loop (./await.ts). Build time and
 * tests only: the page just links to the file.
 */
export { chapterNotebook, lines, NOTEBOOK_MEDIA_TYPE, notebookResponse, ownLoopNote, relinked, starterWithoutRun } from "./notebook.ts";
export type { ChapterInfo, CodeCell, CodeCellOrigin, MarkdownCell, Notebook, NotebookCell, StreamOutput } from "./notebook.ts";
export { findOwnLoop, forJupyter, type JupyterCode, type OwnLoop } from "./await.ts";
export { notebookFileName, notebookHref } from "./names.ts";
