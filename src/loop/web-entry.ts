/**
 * The package entry everywhere but Node (the `default` export condition: browsers,
 * the in-page worker runtime, bundlers): streams over the in-memory loopback (there
 * are no sockets; see `transport-memory.ts`), threads on Web Workers; then the whole
 * library.
 */
import { setThreadPlatform } from "./threads.ts";
import { memoryBackend } from "./transport-memory.ts";
import { setNetworkBackend } from "./transports.ts";
import { webThreadPlatform } from "./web/threads.ts";

setNetworkBackend(memoryBackend);
setThreadPlatform(webThreadPlatform);

export * from "./index.ts";
export * from "./io.ts";
