/**
 * What every runtime shares: the {@link Runtime} interface, the shape of a snippet's file tree,
 * the output cap, stack traces in the reader's coordinates, the loop library as the browser
 * gets it, and the messages between the page and a runtime's Web Worker. Light enough for a
 * worker bundle: no Sucrase (that is ../compile/), no DOM.
 */
export type { FileTree, RunEvent, RunRequest, RunResult, Runtime } from "./runtime.ts";
export { ENTRY, LIBRARY_ROOT, PACKAGE_JSON, buildFileTree, isLibraryPath, jsPath, libraryTree, tsPath } from "./tree.ts";
export { SnippetSyntaxError } from "./syntax-error.ts";
export { OUTPUT_LIMITS, OutputCap, truncationNotice, type OutputLimits } from "./output-cap.ts";
export { LIBRARY_ENDPOINT, LIBRARY_MODULE, isLibraryFile, loadLibrary, siteUrl } from "./library.ts";
export { directoryLocator, stackRewriter, type StackOptions } from "./stack.ts";
export { decodeSourceMap, encodeSourceMap, inlineSourceMap, originalPosition, type LineMap } from "./source-map.ts";
export type { FromWorker, Stream, ToWorker } from "./worker-protocol.ts";
export { OutputChannel, type OutputChannelOptions } from "./worker-output.ts";
export { STOP_SIGNAL, progressText, type LoadProgress, type SyntaxErrorInfo } from "./python-protocol.ts";
