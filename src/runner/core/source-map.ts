/**
 * Just enough of Source Map v3 to map a generated line:column back to the TypeScript.
 *
 * The maps come from {@link ../compile/transpile.ts}: one source, token-level segments, lines kept.
 * Browsers never apply source maps to `Error.stack`, so the runtimes do it themselves.
 */

/** A decoded map: per generated line, segments sorted by generated column. */
export interface LineMap {
  /** The original file's name, e.g. "snippet.ts". */
  source: string;
  /** lines[genLine][k] = [genColumn, origLine, origColumn], all 0-based. */
  lines: ReadonlyArray<ReadonlyArray<readonly [number, number, number]>>;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** Decodes one comma-separated run of Base64 VLQ numbers. */
function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map digit ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeValue(value: number): string {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += BASE64[digit];
  } while (vlq > 0);
  return out;
}

/**
 * Encodes line segments as a v3 source map with one source.
 * @param lines as in {@link LineMap}: lines[genLine] = [genColumn, origLine, origColumn][].
 */
export function encodeSourceMap(map: LineMap & { file: string; sourcesContent?: string[] }): object {
  let origLine = 0;
  let origColumn = 0;
  const mappings = map.lines
    .map((segments) => {
      let genColumn = 0;
      return segments
        .map(([gen, line, column]) => {
          const text =
            encodeValue(gen - genColumn) + encodeValue(0) + encodeValue(line - origLine) + encodeValue(column - origColumn);
          genColumn = gen;
          origLine = line;
          origColumn = column;
          return text;
        })
        .join(",");
    })
    .join(";");
  return {
    version: 3,
    file: map.file,
    sources: [map.source],
    ...(map.sourcesContent ? { sourcesContent: map.sourcesContent } : {}),
    names: [],
    mappings,
  };
}

/**
 * Decodes a v3 source map object with a single source.
 * @returns the map, or undefined when it is not one this module understands.
 */
export function decodeSourceMap(map: unknown): LineMap | undefined {
  const { mappings, sources } = (map ?? {}) as { mappings?: unknown; sources?: unknown };
  if (typeof mappings !== "string" || !Array.isArray(sources) || typeof sources[0] !== "string") {
    return undefined;
  }
  const lines: Array<Array<[number, number, number]>> = [];
  let origLine = 0;
  let origColumn = 0;
  for (const line of mappings.split(";")) {
    const segments: Array<[number, number, number]> = [];
    let genColumn = 0;
    for (const text of line.split(",")) {
      if (text === "") continue;
      const [dGen = 0, , dLine, dColumn] = decodeSegment(text);
      genColumn += dGen;
      if (dLine === undefined || dColumn === undefined) continue; // unmapped segment
      origLine += dLine;
      origColumn += dColumn;
      segments.push([genColumn, origLine, origColumn]);
    }
    lines.push(segments);
  }
  return { source: sources[0], lines };
}

/** Reads the inline `//# sourceMappingURL=data:...;base64,` map at the end of a JS file. */
export function inlineSourceMap(js: string): LineMap | undefined {
  const match = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(js);
  if (!match) return undefined;
  try {
    const binary = atob(match[1]!);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return decodeSourceMap(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return undefined;
  }
}

/**
 * Maps a 1-based generated position to the 1-based original one.
 *
 * Within a token the offset carries over; a position before the line's first mapped token
 * keeps its column. Lines are never moved by Sucrase, so a line without segments maps to
 * itself.
 */
export function originalPosition(
  map: LineMap,
  line: number,
  column: number,
): { line: number; column: number } {
  const segments = map.lines[line - 1];
  if (!segments || segments.length === 0) return { line, column };
  const target = column - 1;
  let best: readonly [number, number, number] | undefined;
  for (const segment of segments) {
    if (segment[0] > target) break;
    best = segment;
  }
  if (!best) return { line, column };
  return { line: best[1] + 1, column: best[2] + (target - best[0]) + 1 };
}
