/**
 * A fake WebContainer for unit tests, after TutorialKit's test-utils: an in-memory file
 * system that records what was mounted, and processes whose output and exit the test
 * drives.
 */
import type { FileSystemTree, ProcessLike, WebContainerLike } from "../webcontainer/index.ts";

export class FakeProcess implements ProcessLike {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  killed = false;
  private _controller!: ReadableStreamDefaultController<string>;
  private _exit!: (code: number) => void;

  readonly command: string;
  readonly args: string[];
  readonly options: { cwd?: string; env?: Record<string, string> } | undefined;

  // Plain fields, not parameter properties: the benchmarks import this room under Node's type
  // stripping, which refuses them.
  constructor(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } | undefined) {
    this.command = command;
    this.args = args;
    this.options = options;
    this.output = new ReadableStream<string>({ start: (controller) => void (this._controller = controller) });
    this.exit = new Promise((resolve) => (this._exit = resolve));
  }

  /** The program writes to the terminal. */
  write(text: string): void {
    this._controller.enqueue(text);
  }

  /** The program ends with `code`; the terminal closes. */
  end(code: number): void {
    this._controller.close();
    this._exit(code);
  }

  kill(): void {
    this.killed = true;
    this._controller.close();
    this._exit(137);
  }
}

export class FakeWebContainer implements WebContainerLike {
  readonly workdir = "/home/notebook";
  /** Mounted trees by mount point. */
  readonly mounts = new Map<string, FileSystemTree>();
  readonly removed: string[] = [];
  readonly processes: FakeProcess[] = [];
  /** Resolves with each spawned process. */
  onSpawn: (process: FakeProcess) => void = () => {};

  readonly fs = {
    mkdir: async (_path: string, _options: { recursive: true }) => undefined,
    rm: async (path: string) => {
      this.removed.push(path);
      this.mounts.delete(path);
    },
  };

  async mount(tree: FileSystemTree, options?: { mountPoint?: string }): Promise<void> {
    this.mounts.set(options?.mountPoint ?? "", tree);
  }

  async spawn(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<FakeProcess> {
    const process = new FakeProcess(command, args, options);
    this.processes.push(process);
    this.onSpawn(process);
    return process;
  }

  /** The next process spawned. */
  nextProcess(): Promise<FakeProcess> {
    return new Promise((resolve) => (this.onSpawn = resolve));
  }
}
