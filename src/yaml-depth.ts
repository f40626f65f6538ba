import { parse } from 'yaml';

/**
 * Flow collections (`[`, `{`) a YAML file read beside the pages may open inside each other. Real ones
 * open a few; the YAML reader's cost grows faster than their depth (1 MiB of `[`: minutes on a busy
 * host), and `mkdocs.yml` is read by several readers of one run.
 */
export const MAX_FLOW_DEPTH = 100;

/** Whether a YAML text opens flow collections deeper than MAX_FLOW_DEPTH: read once, without parsing. */
export function flowTooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Brackets inside quoted strings count too: a real file never leaves a hundred of them open.
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}

/**
 * A site generator's YAML file as data, as its readers take it: no warnings for its tags, no check for
 * keys written twice (quadratic, and its errors are ignored); undefined when it nests past the bound.
 */
export function parseSiteYaml(text: string): unknown {
  return flowTooDeep(text) ? undefined : parse(text, { logLevel: 'silent', uniqueKeys: false });
}
