/** A worker whose side of the protocol a test plays: it keeps what the page sent, and `send` answers. */
import type { FromWorker, ToWorker } from "../core/index.ts";
import type { WorkerLike } from "../worker/index.ts";

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}
