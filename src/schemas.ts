import { z } from 'zod';
import { isValidGlob } from './glob.js';
import { ruleRegexProblem } from './rules/regex.js';

/**
 * A regular expression written in YAML, checked at load time so a bad one is a file:line:col error.
 * It must compile on RE2, the linear-time engine user patterns run on (no lookaround or backreferences).
 */
export const regexSchema = z.string().refine((value) => ruleRegexProblem(value) === undefined, {
  error: (issue) => `${ruleRegexProblem(String(issue.input))}: ${String(issue.input)}`,
});

/** A glob written in YAML, checked at load time like regular expressions. */
export const globSchema = z
  .string()
  .min(1)
  .refine(isValidGlob, {
    error: (issue) => `invalid glob (unclosed bracket or brace?): ${String(issue.input)}`,
  });
