import { z } from 'zod';

/** The findings page's title unless config names another. */
export const DEFAULT_FINDINGS_TITLE = 'Handbook lint findings';

/** `title` of a wiki's findings page in the config. */
export const findingsTitleSchema = z.string().min(1).max(255).default(DEFAULT_FINDINGS_TITLE);
