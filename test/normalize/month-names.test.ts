import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/normalize/fields.js';

const day = (value: string) => parseDate(value)?.toISOString().slice(0, 10);

describe('dates with the month written out in the languages the rules read', () => {
  it.each([
    ['15 de diciembre de 2023', '2023-12-15'],
    ['12 de Outubro de 2022', '2022-10-12'],
    ['3. März 2024', '2024-03-03'],
    ['1er janvier 2025', '2025-01-01'],
    ['7 mei 2024', '2024-05-07'],
    ['21 settembre 2024', '2024-09-21'],
    ['15 December 2023', '2023-12-15'],
  ])('%s is %s', (value, iso) => {
    expect(day(value)).toBe(iso);
  });

  it('a day the month does not have, or a word that is no month, is no date', () => {
    expect(parseDate('31 de fevereiro de 2024')).toBeUndefined();
    expect(parseDate('15 de proyecto de 2023')).toBeUndefined();
  });
});
