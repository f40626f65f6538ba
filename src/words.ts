/** "1 page", "2 pages": a count with its English noun, for messages and reports. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
