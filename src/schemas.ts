import { z } from 'zod';
import { isValidGlob } from './glob.js';
import { ruleRegexProblem } from './rules/regex.js';

function regexProblem(value: string): string | undefined {
  try {
    new RegExp(value, 'i');
  } catch {
    return `invalid regular expression: ${value}`;
  }
  const refused = ruleRegexProblem(value);
  return refused && `${refused}: ${value}`;
}

/**
 * A regular expression written in YAML, checked at load time so a bad one is a file:line:col error.
 * It must also compile on RE2, the linear-time engine user patterns run on (no lookaround or backreferences).
 */
export const regexSchema = z.string().refine((value) => regexProblem(value) === undefined, {
  error: (issue) => regexProblem(String(issue.input)),
});

/** A glob written in YAML, checked at load time like regular expressions. */
export const globSchema = z
  .string()
  .min(1)
  .refine(isValidGlob, {
    error: (issue) => `invalid glob (unclosed bracket or brace?): ${String(issue.input)}`,
  });
