import { describe, expect, it } from 'vitest';
import { parseNow } from '../../src/main.js';
import { runCli, tempTree } from '../helpers/cli.js';

describe('--now takes only days of the calendar', () => {
  it.each([
    '2024-02-30',
    '2023-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-06-00',
    '2026-06-01 10:00',
  ])('refuses %s with exit 2 and a clear message', async (value) => {
    const { code, stderr } = await runCli(['run', tempTree({ 'a.md': '# A\n' }), '--now', value]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error --now takes a date like 2026-06-01, not "${value}"\n`);
  });

  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z'],
    ['2026-06-01T12:30:00Z', '2026-06-01T12:30:00.000Z'],
  ])('accepts %s', (value, iso) => {
    expect(parseNow(value).toISOString()).toBe(iso);
  });
});
