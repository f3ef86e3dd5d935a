/** asyncio's model in TypeScript: the public surface, re-exported. */
export * from "./exceptions.ts";
export * from "./coroutines.ts";
export * from "./events.ts";
export * from "./futures.ts";
export * from "./tasks.ts";
export * from "./base-events.ts";
export * from "./runners.ts";
export * from "./timeouts.ts";
export * from "./taskgroups.ts";
export * from "./eager-tasks.ts";
export * from "./locks.ts";
export * from "./queues.ts";
export * from "./virtual-time.ts";
export * from "./instruments.ts";
export * from "./host.ts";
