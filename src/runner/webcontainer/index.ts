/** The WebContainer runtime (real Node.js in the page) and its one boot per page. */
export {
  WebContainerRuntime,
  cleanTerminalText,
  toFileSystemTree,
  type FileSystemTree,
  type ProcessLike,
  type WebContainerLike,
  type WebContainerRuntimeOptions,
} from "./runtime.ts";
export { BootError, ISOLATION_REASON, WebContainerBoot, timeoutReason, type BootOptions, type BootState } from "./boot.ts";
