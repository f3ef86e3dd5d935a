/**
 * The error a cell's code gets when it does not parse. Its own module, so the page can
 * recognise it without loading Sucrase.
 */

/**
 * Bad input: where the parser gave up, in the reader's own coordinates.
 *
 * `message` reads like a compiler's, location first: `snippet.ts:2:11: Unexpected token`;
 * `reason` is the bare message.
 */
export class SnippetSyntaxError extends Error {
  override name = "SnippetSyntaxError";
  /** What is wrong, without the location, e.g. "Unexpected token". */
  readonly reason: string;
  /** The file the error is in, e.g. "snippet.ts". */
  readonly path: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;

  constructor(reason: string, path: string, line: number, column: number) {
    super(`${path}:${line}:${column}: ${reason}`);
    this.reason = reason;
    this.path = path;
    this.line = line;
    this.column = column;
  }
}
