/**
 * The package's `asyncio/instruments` entry: watching loops from outside a program (a
 * timeline, a stepper, a runtime). It is `instruments.ts`'s public half, also exported by
 * the main entry, and the same module instance: instruments installed here reach the loops
 * the program makes with `asyncio`.
 */
export {
  type Instrument,
  type InstrumentHook,
  instrumentHooks,
  installInstrument,
  uninstallInstrument,
  noteWait,
  waitOwner,
  waitDetail,
  coroutineStarted,
} from "./instruments.ts";
