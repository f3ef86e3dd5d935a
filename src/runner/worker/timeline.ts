/**
 * The worker runtime's Timeline and Step through: installs the timeline recorder on every
 * loop the program makes (the library's `installInstrument`), batches its events to the
 * page, and for Step through puts the program on the virtual-time loop with a stepper that
 * pauses before each callback. Nothing here runs unless the page asked for it.
 */
import { coroutineTracker, TRACK_KEY, trackCoroutineDeclarations } from "../../timeline/coroutines.ts";
import { TimelineRecorder } from "../../timeline/instrument.ts";
import { awaitStep } from "../../timeline/step-control.ts";
import { readerFrame, Stepper } from "../../timeline/stepper.ts";
import type { FileTree, FromWorker } from "../core/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: the bundled library, read by name
type Library = Record<string, any>;

export interface RecordingHost {
  post(message: FromWorker): void;
  /** Runs a callback soon, outside the program (it must not keep the program alive). */
  schedule(callback: () => void): void;
  /** Sends the program's output printed so far. */
  flushOutput(): void;
  /** The tree path of a linked module's URL. */
  pathOf(url: string): string | undefined;
  /** Step through: the control buffer. */
  step?: SharedArrayBuffer | undefined;
}

const MAX_BATCH = 2000;

export interface Recording {
  /** Sends the events batched so far. */
  flush(): void;
  /** The program wrote to stdout (each line it completes becomes a `print` event). */
  stdout(text: string): void;
  /** Step through: what a loop of the reader's own calls before each callback (see {@link watchOwnLoops}). */
  watcher?: (loop: unknown, callback: unknown) => void;
  /** The tree with the reader's modules rewritten so that the coroutines they make are seen (../../timeline/coroutines.ts). */
  track(tree: FileTree): FileTree;
}

/** Starts recording (and stepping, if asked). */
export function startRecording(library: Library, host: RecordingHost): Recording {
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (recorder.size === 0) return;
    host.post({ type: "timeline", events: recorder.take() });
  };
  const recorder: TimelineRecorder = new TimelineRecorder({
    waitOwner: library.waitOwner,
    waitDetail: library.waitDetail,
    coroutineStarted: library.coroutineStarted,
    locate: (stack) => readerFrame(stack, host.pathOf),
    batch: MAX_BATCH,
    onEvents: (waiting) => {
      // Big batches go at once: a message the page unpacks in one piece must stay short.
      if (waiting >= MAX_BATCH) return flush();
      if (!scheduled) {
        scheduled = true;
        host.schedule(flush);
      }
    },
  });
  const instruments: object[] = [recorder];
  (globalThis as Record<symbol, unknown>)[Symbol.for(TRACK_KEY)] = coroutineTracker((coro, name) => recorder.coroutineMade(coro, name));
  const recording: Recording = { flush, stdout: (text) => recorder.printed(text), track: trackReaderModules };
  const control = host.step;
  if (control) {
    const stepper = new Stepper({
      recorder,
      locate: (stack) => readerFrame(stack, host.pathOf),
      pause: (snapshot) => {
        host.flushOutput();
        flush();
        host.post({ type: "paused", snapshot });
        return awaitStep(control);
      },
    });
    library.setEventLoopPolicy(new library.DefaultEventLoopPolicy(() => new library.VirtualTimeLoop()));
    instruments.push(stepper);
    recording.watcher = stepper.ownLoopCallback;
  }
  for (const instrument of instruments) library.installInstrument(instrument);
  return recording;
}

/** The reader's modules (not the library's, nor a package's) with their `function*` declarations tracked. */
export function trackReaderModules(tree: FileTree): FileTree {
  const tracked: FileTree = {};
  for (const [path, source] of Object.entries(tree)) {
    tracked[path] = path.startsWith("node_modules/") || !path.endsWith(".js") ? source : trackCoroutineDeclarations(source);
  }
  return tracked;
}

/**
 * A loop the reader builds (chapter 6's TinyLoop) opts into Step through with a static
 * `watcher` hook, null until set, that it calls before each callback. Sets it on every class
 * exported by the snippet's own modules that declares one. Only modules whose text says
 * `static watcher` are imported (early, before the entry): they are the loop's own module.
 */
export async function watchOwnLoops(
  files: Record<string, string>,
  load: (path: string) => Promise<Record<string, unknown>>,
  watcher: (loop: unknown, callback: unknown) => void,
): Promise<void> {
  for (const [path, source] of Object.entries(files)) {
    if (path.startsWith("node_modules/") || !path.endsWith(".js") || !/\bstatic watcher\b/.test(source)) continue;
    for (const value of Object.values(await load(path))) {
      if (typeof value === "function" && Object.hasOwn(value, "watcher")) Reflect.set(value, "watcher", watcher);
    }
  }
}
