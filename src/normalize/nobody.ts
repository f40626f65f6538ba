/**
 * Values that fill a person field without naming anyone: "TBD", "n/a", a slot word ("name"), and a fill-in
 * instruction left as the value ("**Responsável**: _preencher_", "Owner: fill in"). Lower case.
 */
const NOBODY = new Set([
  'tbd',
  'tba',
  'n/a',
  'na',
  'none',
  'nobody',
  'unknown',
  'todo',
  '-',
  '?',
  'name',
  'preencher',
  'a preencher',
  'completar',
  'rellenar',
  'fill in',
  'to fill',
]);

/** Whether a person field's value (trimmed, any case) names nobody. */
export function namesNobody(value: string): boolean {
  return NOBODY.has(value.trim().toLowerCase());
}
