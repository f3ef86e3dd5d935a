/** The library's logger: where asyncio's `logging.getLogger("asyncio")` messages go (CPython's `log.py`). */

interface Console {
  error(...data: unknown[]): void;
}

/**
 * Writes asyncio's log records to stderr through `console.error`, looked up at each
 * call so that a runtime that redirects the console after import is honoured.
 *
 * Python prints records of level WARNING and above when logging is not configured,
 * with nothing but the message; so does this. Replace `logger.write` to capture them.
 */
export const logger = {
  /** Sink for every record; the default writes the text to stderr. */
  write(text: string): void {
    (globalThis as unknown as { console?: Console }).console?.error(text);
  },
  /** Log at ERROR level (the exception handler's reports). */
  error(text: string): void {
    logger.write(text);
  },
  /** Log at WARNING level (debug mode's slow callback reports). */
  warning(text: string): void {
    logger.write(text);
  },
};
