/** A place in a page's Markdown, 1-based like editors and SARIF; offsets are 0-based. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A span in a page's Markdown, so findings point at what they are about. */
export interface Position {
  start: Point;
  end: Point;
}

/** Formats a position as `line:col-line:col`, the form rule examples and reports use. */
export function formatPosition(position: Position): string {
  return `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`;
}
