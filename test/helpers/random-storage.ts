/** A seeded generator (a 31-bit LCG in 32-bit arithmetic, so it does not lose precision and repeat early) and a picker. */
export function seeded(seed: number) {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return { random, pick };
}

/** Random, well-formed storage bodies: every construct the writer places, mixed with text a writer must escape. */
export function randomStorage(seed: number, count: number): string[] {
  const { random, pick } = seeded(seed);
  const words = [
    'a',
    'word',
    'two words',
    ' ',
    '*',
    '_',
    '#',
    '|',
    '[',
    ']',
    '(',
    ')',
    '.',
    '-',
    '1.',
    '&amp;',
    '&lt;',
    '`',
    '\\',
    '~',
    '!',
    ':',
    'é',
    '😀',
    'https://e.x/p',
    '&nbsp;',
    'Owner: Ana',
  ];
  const inline = (depth: number): string => {
    let out = '';
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const r = random();
      if (depth > 2 || r < 0.45) out += pick(words);
      else if (r < 0.55) out += `<em>${inline(depth + 1)}</em>`;
      else if (r < 0.65) out += `<strong>${inline(depth + 1)}</strong>`;
      else if (r < 0.7) out += `<s>${inline(depth + 1)}</s>`;
      else if (r < 0.77) out += `<code>${pick(words)}${pick(words)}</code>`;
      else if (r < 0.84)
        out += `<a href="${pick(['https://e.x/a', 'https://e.x/(b)', '/wiki/x'])}">${inline(depth + 1)}</a>`;
      else if (r < 0.9) out += '<br/>';
      else if (r < 0.95) out += `<img src="https://e.x/i.png" alt="${pick(['', 'a', 'a]b', 'x|y'])}"/>`;
      else out += '<ac:link><ri:user ri:account-id="557058:ana"/></ac:link>';
    }
    return out;
  };
  const block = (depth: number): string => {
    let out = '';
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const r = random();
      const level = 1 + Math.floor(random() * 3);
      if (depth > 2 || r < 0.35) out += `<p>${inline(0)}</p>`;
      else if (r < 0.45) out += `<h${level}>${inline(0)}</h${level}>`;
      else if (r < 0.6) {
        const tag = pick(['ul', 'ol']);
        const items = Array.from(
          { length: 1 + Math.floor(random() * 3) },
          () => `<li>${random() < 0.5 ? inline(0) : block(depth + 1)}</li>`,
        );
        out += `<${tag}>${items.join('')}</${tag}>`;
      } else if (r < 0.68) out += `<blockquote>${block(depth + 1)}</blockquote>`;
      else if (r < 0.76)
        out += `<ac:structured-macro ac:name="${pick(['info', 'note', 'expand'])}"><ac:rich-text-body>${block(depth + 1)}</ac:rich-text-body></ac:structured-macro>`;
      else if (r < 0.84) {
        const cols = 1 + Math.floor(random() * 3);
        const rows = Array.from(
          { length: 1 + Math.floor(random() * 3) },
          (_, row) =>
            `<tr>${Array.from({ length: cols }, () => (row === 0 ? `<th>${inline(1)}</th>` : `<td>${inline(1)}</td>`)).join('')}</tr>`,
        );
        out += `<table><tbody>${rows.join('')}</tbody></table>`;
      } else if (r < 0.9) out += `<pre>${pick(words)}\n${pick(words)}</pre>`;
      else if (r < 0.95)
        out += `<ac:task-list><ac:task><ac:task-status>${pick(['complete', 'incomplete'])}</ac:task-status><ac:task-body>${inline(0)}</ac:task-body></ac:task></ac:task-list>`;
      else out += '<hr/>';
    }
    return out;
  };
  return Array.from({ length: count }, () => block(0));
}
