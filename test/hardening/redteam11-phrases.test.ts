import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Eleventh round, held. meeting-outcomes' negation look-behinds come first in their phrases (Portuguese
// `(?<!\b(?:não|sem|nada)\s+…)\b(?:[Dd]ecidid|…)`), so V8 tries them at every position of the page's text. With
// the `i` flag the Portuguese one read a run of spaces back from each of its spaces (100 KB: 51 s, 200 KB:
// 169 s); the rule compiles its phrases without it (`compileRegex(phrase, 'm')`: `mu`), and so a run of
// 200,000 spaces costs milliseconds. This holds it: the pattern as the rule runs it, on its attack, with
// vitest's timeout as the clock, and the sentences it was written for.

const rule = parse(readFileSync(join(import.meta.dirname, '../../rules/meeting-outcomes.yml'), 'utf8')) as {
  phrases: Record<string, string[]>;
};
// As the rule runs it: compileRegex(phrase, 'm') on V8 adds `u`, not `i`.
const decided = new RegExp(rule.phrases.pt?.[0] ?? '', 'mu');

describe("meeting-outcomes' Portuguese decision phrase", () => {
  it('reads a run of 200,000 spaces once', { timeout: 60_000 }, () => {
    expect(decided.test(`Reunião ${' '.repeat(200_000)}x\n`)).toBe(false);
    expect(decided.test(`${' \n'.repeat(100_000)}x\n`)).toBe(false);
  });

  it('every phrase that starts with a look-behind reads the same runs once', { timeout: 60_000 }, () => {
    const leading = Object.values(rule.phrases)
      .flat()
      .filter((phrase) => phrase.startsWith('(?<!'));
    expect(leading.length).toBeGreaterThan(10);
    for (const phrase of leading) expect(new RegExp(phrase, 'mu').test(' '.repeat(200_000))).toBe(false);
  });

  it('still finds a decision, and none after a negation', () => {
    expect(decided.test('Foi decidido usar Postgres.')).toBe(true);
    expect(decided.test('Algumas das tarefas atribuídas incluem o deploy.')).toBe(true);
    expect(decided.test('Aprovado sem objeções.')).toBe(true);
    expect(decided.test('nada foi decidido.')).toBe(false);
    expect(decided.test('O plano não foi ainda aprovado.')).toBe(false);
    expect(decided.test('não\ndecidido')).toBe(false);
    expect(decided.test('sem ser aprovado')).toBe(false);
    expect(decided.test('decididamente')).toBe(false);
  });
});
