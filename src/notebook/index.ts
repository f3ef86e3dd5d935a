/**
 * The notebook: what a cell is, one way to run it (./run.ts: runtime, files, run, judgement),
 * the one judge (expected output, Python rules, exercise verdicts) and the typed outcomes it
 * ends with. DOM-free: the page's cells and exercises, the build and the tests all use it.
 */
export { DEFAULT_TIMEOUT_MS, STEPPING_TIMEOUT_MS, type Cell, type ChapterFile, type Half, type PythonRecord } from "./cell.ts";
export { RunSlot, prewarmPython, runCell, runExercise, type CellRunRequest, type ExerciseRunRequest, type ExerciseSource, type PythonRoom, type RunDeps, type RunUpdate } from "./run.ts";
export {
  describeCell,
  describeExercise,
  endText,
  formatSeconds,
  notStarted,
  resultName,
  ranOf,
  type CellOutcome,
  type CutReason,
  type ExerciseOutcome,
  type Ran,
  type ResultName,
  type Tone,
} from "./outcome.ts";
export { OutputJudge, type JudgeOptions, type JudgedLine, type OutputVerdict, type Stream } from "./output-judge.ts";
export { OutputMatcher, WILDCARD, checkMergedOutput, checkOutput, splitLines, type OutputCheck } from "./expected.ts";
export { isTheShownSolution, readReports, verdictOf, type CheckReport, type CheckRun, type Verdict } from "./exercise-verdict.ts";
export { PYTHON_RULES, RULE_NAMES, TS_ONLY, checkTwin, type PythonDeclaration, type TwinCheck } from "./python-rules.ts";
export { normaliseLine, pairLanes, pairOutputs, summarise, type LanePair, type Row, type RowKind } from "./side-by-side.ts";
export { gradePrediction, move, predictionLines, shuffled, type GradeOptions, type PredictionGrade } from "./prediction.ts";
export { cellProblems, outputProblems, type CellRun } from "./cell-check.ts";
