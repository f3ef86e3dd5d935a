import type { Fake } from "./index.ts";

/** The exercise's TinyLoop with `nextTimer` and `callLater` as given. */
const loopWith = (nextTimer: string, callLater = "this.timers.push({ when: this.now + delay, callback });") => `type Callback = () => void;

interface Timer {
  when: number;
  callback: Callback;
}

export class TinyLoop {
  private ready: Callback[] = [];
  private timers: Timer[] = [];
  private now = 0;

  time(): number {
    return this.now;
  }

  callSoon(callback: Callback): void {
    this.ready.push(callback);
  }

  callLater(delay: number, callback: Callback): void {
    ${callLater}
  }

  private nextTimer(): number {
    ${nextTimer}
  }

  runOnce(): void {
    if (this.ready.length === 0 && this.timers.length > 0) {
      this.now = Math.max(this.now, this.timers[this.nextTimer()]!.when);
    }
    while (this.timers.length > 0 && this.timers[this.nextTimer()]!.when <= this.now) {
      this.ready.push(this.timers.splice(this.nextTimer(), 1)[0]!.callback);
    }
    const n = this.ready.length;
    for (let i = 0; i < n; i++) this.ready.shift()!();
  }

  run(): void {
    while (this.ready.length > 0 || this.timers.length > 0) this.runOnce();
  }
}

export function* main(): Generator<never, void> {
  for (const line of ["0.00 soon", "0.10 a, sets d for 0.05 s later", "0.10 a2", "0.15 d", "0.20 b", "0.30 c"]) console.log(line);
}
`;

const earliest = (compare: string) => `let best = 0;
    for (let i = 1; i < this.timers.length; i++) if (this.timers[i]!.when ${compare} this.timers[best]!.when) best = i;
    return best;`;

export default [
  {
    kind: "prints the expected lines; the timers still run in the order set",
    fails: "timers run earliest deadline first, each at its own time",
    code: loopWith("return 0;"),
  },
  {
    kind: "ties go to the timer set last",
    fails: "timers with the same deadline run in the order they were set",
    code: loopWith(earliest("<=")),
  },
  {
    kind: "deadlines counted from the start, not from when the timer was set",
    fails: "a timer set by a callback counts from the time it was set",
    code: loopWith(earliest("<"), "this.timers.push({ when: delay, callback });"),
  },
  {
    kind: "looks at the first three timers only (right on the four fixed schedules)",
    fails: "any schedule runs in deadline order",
    code: loopWith(`let best = 0;
    for (let i = 1; i < Math.min(this.timers.length, 3); i++) if (this.timers[i]!.when < this.timers[best]!.when) best = i;
    return best;`),
  },
] satisfies Fake[];

/** The same kinds of wrong solution in Python, each in place of the reader's exercise.py. */
export const python = [
  {
    kind: "prints the expected lines; the timers still run in the order set",
    fails: "timers run earliest deadline first, each at its own time",
    code: String.raw`class TinyLoop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.now = 0

    def time(self):
        return self.now

    def call_soon(self, callback):
        self.ready.append(callback)

    def call_later(self, delay, callback):
        self.timers.append((self.now + delay, callback))

    def run(self):
        while self.ready or self.timers:
            while self.ready:
                self.ready.pop(0)()
            if self.timers:
                when, callback = self.timers.pop(0)
                self.now = max(self.now, when)
                callback()

print("0.00 soon")
print("0.10 a, sets d for 0.05 s later")
print("0.10 a2")
print("0.15 d")
print("0.20 b")
print("0.30 c")
`,
  },
  {
    kind: "ties go to the timer set last",
    fails: "timers with the same deadline run in the order they were set",
    code: String.raw`class TinyLoop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.now = 0

    def time(self):
        return self.now

    def call_soon(self, callback):
        self.ready.append(callback)

    def call_later(self, delay, callback):
        self.timers.append((self.now + delay, callback))

    def next_timer(self):
        best = 0
        for i in range(1, len(self.timers)):
            if self.timers[i][0] <= self.timers[best][0]:
                best = i
        return best

    def run(self):
        while self.ready or self.timers:
            while self.ready:
                self.ready.pop(0)()
            if self.timers:
                when, callback = self.timers.pop(self.next_timer())
                self.now = max(self.now, when)
                callback()
`,
  },
  {
    kind: "deadlines counted from the start, not from when the timer was set",
    fails: "a timer set by a callback counts from the time it was set",
    code: String.raw`class TinyLoop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.now = 0

    def time(self):
        return self.now

    def call_soon(self, callback):
        self.ready.append(callback)

    def call_later(self, delay, callback):
        self.timers.append((delay, callback))

    def next_timer(self):
        best = 0
        for i in range(1, len(self.timers)):
            if self.timers[i][0] < self.timers[best][0]:
                best = i
        return best

    def run(self):
        while self.ready or self.timers:
            while self.ready:
                self.ready.pop(0)()
            if self.timers:
                when, callback = self.timers.pop(self.next_timer())
                self.now = max(self.now, when)
                callback()
`,
  },
  {
    kind: "looks at the first three timers only (right on the four fixed schedules)",
    fails: "any schedule runs in deadline order",
    code: String.raw`class TinyLoop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.now = 0

    def time(self):
        return self.now

    def call_soon(self, callback):
        self.ready.append(callback)

    def call_later(self, delay, callback):
        self.timers.append((self.now + delay, callback))

    def next_timer(self):
        best = 0
        for i in range(1, min(3, len(self.timers))):
            if self.timers[i][0] < self.timers[best][0]:
                best = i
        return best

    def run(self):
        while self.ready or self.timers:
            while self.ready:
                self.ready.pop(0)()
            if self.timers:
                when, callback = self.timers.pop(self.next_timer())
                self.now = max(self.now, when)
                callback()
`,
  },
] satisfies Fake[];
