/**
 * The notebook: what a cell is, how its output is judged, how an exercise's checks are read.
 * DOM-free: the page's cells and exercises, the build and the tests all use it.
 */
export { OutputMatcher, WILDCARD, checkMergedOutput, checkOutput, splitLines, type OutputCheck } from "./expected.ts";
export { OutputJudge, type JudgeOptions, type JudgedLine, type OutputVerdict, type Stream } from "./output-judge.ts";
export { PYTHON_RULES, RULE_NAMES, TS_ONLY, checkTwin, type PythonDeclaration, type TwinCheck } from "./python-rules.ts";
export { isTheShownSolution, readReports, verdictOf, type CheckReport, type CheckRun, type Verdict } from "./exercise-verdict.ts";
export { cellProblems, type CellRun } from "./cell-check.ts";
