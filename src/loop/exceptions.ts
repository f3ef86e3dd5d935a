/** asyncio's exceptions. */
export class CancelledError extends Error {}
