import { describe, expect, it } from "vitest";
import { createStepControl, pollStep, sendStep, StepCommand } from "./step-control.ts";

describe("Step through's control buffer", () => {
  it("pollStep gives up with null when no command came, and returns a command sent, once", () => {
    const buffer = createStepControl();
    expect(pollStep(buffer, 1)).toBeNull();
    sendStep(buffer, StepCommand.NextTimer);
    expect(pollStep(buffer, 1)).toBe(StepCommand.NextTimer);
    expect(pollStep(buffer, 1)).toBeNull();
  });
});
