/**
 * Levels a run cannot fail on, as `fail-on` and `--fail-on` get them: info (Vale's suggestion) is
 * reported but never fails a run, so the error says what fails it, not only the three values.
 */
export const NOT_FAIL_LEVELS: Readonly<Record<string, string>> = {
  info: 'info findings never fail a run: warning fails it on warnings and errors',
  suggestion:
    "Vale's suggestion is info here, which never fails a run: warning fails it on warnings and errors",
};
