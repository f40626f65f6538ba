/** Error codes the CLI maps to messages and exit codes; stable so scripts can rely on them. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'RULES_INVALID'
  | 'USAGE'
  | 'SOURCE_NOT_FOUND'
  | 'AUTH_FAILED'
  | 'OUTPUT_FAILED'
  | 'SOURCE_FAILED'
  | 'STATE_INVALID'
  | 'STATE_LOCKED'
  | 'WRITEBACK_FAILED'
  /** Write-back failed on one page's own answer (404, cut short, unreadable): that page waits, the rest goes on. */
  | 'WRITEBACK_PAGE_FAILED'
  /** One page's comment list got no answer (a timeout, a dropped connection): that page waits; several in a row are an outage. */
  | 'WRITEBACK_PAGE_UNANSWERED';

/** One located problem in a config or rule file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  snippet?: string;
}

/** The project's one error type: a code for programs, a message for people, no stack shown. */
export class HandbookLintError extends Error {
  readonly code: ErrorCode;
  readonly diagnostics: Diagnostic[];

  constructor(code: ErrorCode, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'HandbookLintError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}
