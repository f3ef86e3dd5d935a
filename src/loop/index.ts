/** asyncio's model in TypeScript: the public surface, re-exported. */
export * from "./exceptions.ts";
