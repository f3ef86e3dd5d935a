/**
 * The package entry under Node (the `node` export condition, WebContainers included):
 * streams over real TCP (`net`), threads on `worker_threads`; then the whole library.
 */
import { netBackend } from "./node/net-transport.ts";
import { nodeThreadPlatform } from "./node/threads.ts";
import { setThreadPlatform } from "./threads.ts";
import { setNetworkBackend } from "./transports.ts";

setNetworkBackend(netBackend);
setThreadPlatform(nodeThreadPlatform);

export * from "./index.ts";
export * from "./io.ts";
