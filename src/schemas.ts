import { z } from 'zod';
import { isValidGlob } from './glob.js';

/** A regular expression written in YAML, checked at load time so a bad one is a file:line:col error. */
export const regexSchema = z.string().refine(
  (value) => {
    try {
      new RegExp(value, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `invalid regular expression: ${String(issue.input)}` },
);

/** A glob written in YAML, checked at load time like regular expressions. */
export const globSchema = z
  .string()
  .min(1)
  .refine(isValidGlob, {
    error: (issue) => `invalid glob (unclosed bracket or brace?): ${String(issue.input)}`,
  });
