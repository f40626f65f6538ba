#!/usr/bin/env node
// Generates a synthetic but realistic handbook for the scale benchmark:
//   node bench/generate-handbook.mjs N OUTDIR [SEED]
// Exactly N Markdown pages in folders of ~50 (each with an index.md linking its pages), section
// and root indexes, decision records, meeting notes, front matter on some pages, relative links
// between pages (some with #anchors), a few broken links, 1-3 KB per page. The same N and SEED
// always give byte-identical output, so runs on different machines lint the same input.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const PAGES_PER_FOLDER = 50;
const SECTIONS = [
  'company',
  'people',
  'engineering',
  'product',
  'design',
  'sales',
  'marketing',
  'support',
  'finance',
  'legal',
  'security',
  'operations',
];
const WORDS = (
  'team process policy review owner async handbook meeting decision customer release incident onboarding ' +
  'budget roadmap planning quarter goal metric feedback hiring interview offer contract vendor security access ' +
  'laptop expense travel payroll benefit leave holiday schedule rotation on-call alert runbook deploy staging ' +
  'production database migration backup retention privacy compliance audit training mentor manager report ' +
  'update summary proposal context option consequence status approval escalation channel thread document ' +
  'template checklist deadline priority scope estimate risk dependency launch beta pricing invoice renewal ' +
  'support ticket response handoff timezone calendar focus writing reading recording agenda action follow-up'
).split(' ');
const PEOPLE = [
  'alex.chen',
  'sam.oduya',
  'maria.garcia',
  'kenji.watanabe',
  'amara.okafor',
  'lena.schmidt',
  'omar.haddad',
  'priya.nair',
  'tomas.lindqvist',
  'hannah.brooks',
  'sofia.reyes',
  'dmitri.volkov',
];
const STATUSES = ['Accepted', 'Accepted', 'Accepted', 'Proposed', 'Superseded', 'Rejected', 'Deprecated'];
const DAY_MS = 86_400_000;
const BASE_DATE = Date.UTC(2024, 0, 1);

/** mulberry32: tiny, fast and good enough; Math.random cannot be seeded. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed) {
  const random = prng(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const words = (min, max) => Array.from({ length: int(min, max) }, () => pick(WORDS));
  const title = (min, max) =>
    words(min, max)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ');
  const sentence = () => {
    const text = words(8, 18).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: int(2, 5) }, sentence).join(' ');
  const date = () => new Date(BASE_DATE + int(0, 1050) * DAY_MS).toISOString().slice(0, 10);
  return { random, int, pick, chance, words, title, sentence, paragraph, date };
}

/** Heading slugs as GitHub makes them; the generated headings are plain lowercase words and spaces. */
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

/**
 * Lays out the pages (path, title, kind, headings) before writing any, so that links can point
 * at any page and at its real headings.
 */
function layout(total, g) {
  const pages = [{ path: 'index.md', kind: 'root', title: 'Handbook', headings: [] }];
  const sections = SECTIONS.map((name) => ({
    name,
    index: {
      path: `${name}/index.md`,
      kind: 'section',
      title: `${name[0].toUpperCase()}${name.slice(1)}`,
      headings: [],
    },
    folders: [],
  }));
  pages.push(...sections.map((s) => s.index));
  const folders = [];
  for (let f = 0; pages.length < total; f++) {
    const section = sections[f % sections.length];
    // In every section one folder in eight holds decision records and one in eight meeting notes.
    const nth = Math.floor(f / sections.length) % 8;
    const kind = nth === 3 ? 'decision' : nth === 6 ? 'meeting' : 'page';
    const name =
      kind === 'decision'
        ? `decisions-${f}`
        : kind === 'meeting'
          ? `meetings-${f}`
          : `${g.words(1, 2).join('-')}-${f}`;
    const dir = `${section.name}/${name}`;
    const folder = {
      dir,
      kind,
      index: { path: `${dir}/index.md`, kind: 'folder', title: g.title(2, 3), headings: [] },
      pages: [],
    };
    pages.push(folder.index);
    for (let p = 1; p < PAGES_PER_FOLDER && pages.length < total; p++) {
      const page = pageMeta(kind, dir, p, g);
      folder.pages.push(page);
      pages.push(page);
    }
    section.folders.push(folder);
    folders.push(folder);
  }
  return { pages, sections, folders };
}

function pageMeta(kind, dir, n, g) {
  const number = String(n).padStart(4, '0');
  if (kind === 'decision') {
    const title = g.title(3, 6);
    return {
      kind,
      path: `${dir}/${number}-${slug(title)}.md`,
      title: `ADR-${number}: ${title}`,
      headings: ['Status', 'Context', 'Decision', 'Consequences'],
    };
  }
  if (kind === 'meeting') {
    const day = g.date();
    const title = `${g.title(1, 2)} sync`;
    return {
      kind,
      day,
      path: `${dir}/${day}-${slug(title)}-${n}.md`,
      title: `${title}, ${day}`,
      headings: ['Agenda', 'Notes', 'Decisions', 'Action items'],
    };
  }
  const title = g.title(2, 5);
  const headings = Array.from({ length: g.int(2, 5) }, () => g.title(1, 3));
  return { kind, path: `${dir}/${slug(title)}-${n}.md`, title, headings };
}

const relative = (from, to) => posix.relative(posix.dirname(from), to) || posix.basename(to);

/** A link from `page`: mostly same folder, then same section, then anywhere; ~2% deliberately broken. */
function link(page, folder, section, all, g) {
  const roll = g.random();
  const pool = roll < 0.5 ? folder.pages : roll < 0.85 ? g.pick(section.folders).pages : g.pick(all).pages;
  const target = pool.length ? g.pick(pool) : folder.index;
  let href = relative(page.path, target.path);
  const headings = target.headings.map((h) => slug(h));
  if (headings.length && g.chance(0.3)) href += `#${g.pick(headings)}`;
  const broken = g.random();
  if (broken < 0.01) href = href.replace(/\.md/, '-old.md');
  else if (broken < 0.02) href = `${href.split('#')[0]}#no-such-heading`;
  return `[${target.title.replace(/[[\]]/g, '')}](${href})`;
}

/** Body text: every heading of the page (links to them must resolve), then more blocks up to 1-3 KB. */
function body(page, folder, section, folders, g) {
  const target = g.int(500, 2000);
  const parts = [];
  let size = 0;
  const add = (text) => {
    parts.push(text);
    size += text.length + 2;
  };
  const block = () => {
    const roll = g.random();
    if (roll < 0.55) return `${g.paragraph()} See ${link(page, folder, section, folders, g)}.`;
    if (roll < 0.85)
      return Array.from({ length: g.int(2, 5) }, () =>
        `- ${g.sentence()} ${g.chance(0.4) ? link(page, folder, section, folders, g) : ''}`.trimEnd(),
      ).join('\n');
    return `| Item | Owner | Due |\n|---|---|---|\n${Array.from({ length: g.int(2, 4) }, () => `| ${g.title(2, 3)} | @${g.pick(PEOPLE)} | ${g.date()} |`).join('\n')}`;
  };
  for (const heading of page.headings) {
    add(`## ${heading}`);
    add(block());
  }
  while (size < target) add(block());
  return parts.join('\n\n');
}

function frontMatter(fields) {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`);
  return `---\n${lines.join('\n')}\n---\n\n`;
}

function render(page, folder, section, folders, g) {
  const owner = `"@${g.pick(PEOPLE)}"`;
  if (page.kind === 'decision') {
    // Half keep the status in front matter (MADR style), half under a `## Status` heading.
    const status = g.pick(STATUSES);
    const inFront = g.chance(0.5);
    const head = inFront
      ? frontMatter({ title: `"${page.title}"`, date: g.date(), status, owner, type: 'decision' })
      : '';
    const sections = [
      `## Status\n\n${inFront ? `See front matter: ${status}.` : `${status} on ${g.date()}.`}`,
      `## Context\n\n${g.paragraph()}\n\n${g.paragraph()} ${link(page, folder, section, folders, g)}`,
      `## Decision\n\n${g.paragraph()}`,
      `## Consequences\n\n${body({ ...page, headings: [] }, folder, section, folders, g)}`,
    ];
    return `${head}# ${page.title}\n\n${sections.join('\n\n')}\n`;
  }
  if (page.kind === 'meeting') {
    const attendees = Array.from({ length: g.int(3, 6) }, () => `@${g.pick(PEOPLE)}`);
    const head = frontMatter({ title: `"${page.title}"`, date: page.day, type: 'meeting-notes', owner });
    const agenda = Array.from(
      { length: g.int(2, 4) },
      (_, i) => `${i + 1}. ${g.title(2, 4)} (${attendees[i % attendees.length]}, ${g.int(5, 20)} min)`,
    ).join('\n');
    const decisions = g.chance(0.7) ? `- ${g.sentence()}` : 'None.';
    const actions = Array.from(
      { length: g.int(1, 3) },
      () =>
        `- [${g.chance(0.5) ? 'x' : ' '}] @${g.pick(PEOPLE)}: ${g.words(3, 7).join(' ')} (due ${g.date()})`,
    ).join('\n');
    return `${head}# ${page.title}\n\nAttendees: ${attendees.join(', ')}.\n\n## Agenda\n\n${agenda}\n\n## Notes\n\n${body({ ...page, headings: [] }, folder, section, folders, g)}\n\n## Decisions\n\n${decisions}\n\n## Action items\n\n${actions}\n`;
  }
  // Ordinary pages: some with front matter, some with a sourcegraph-style owner line, some with neither.
  const roll = g.random();
  const head =
    roll < 0.4
      ? frontMatter({ title: `"${page.title}"`, owner, last_reviewed: g.date(), tags: g.words(1, 3) })
      : '';
  const ownerLine = roll >= 0.4 && roll < 0.7 ? `**Policy Owner:** ${owner.slice(1, -1)}\n\n` : '';
  return `${head}# ${page.title}\n\n${ownerLine}${g.paragraph()}\n\n${body(page, folder, section, folders, g)}\n`;
}

const listing = (from, pages) =>
  pages.map((p) => `- [${p.title}](${relative(from.path, p.path)})`).join('\n');

function generate(total, outDir, seed) {
  const g = generator(seed);
  const { pages, sections, folders } = layout(total, g);
  rmSync(outDir, { recursive: true, force: true });
  let written = 0;
  const write = (path, text) => {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written++;
  };
  write(
    'index.md',
    `# Handbook\n\n${g.paragraph()}\n\n## Sections\n\n${listing(
      pages[0],
      sections.map((s) => s.index),
    )}\n`,
  );
  for (const section of sections) {
    write(
      section.index.path,
      `# ${section.index.title}\n\n${g.paragraph()}\n\n${listing(
        section.index,
        section.folders.map((f) => f.index),
      )}\n`,
    );
    for (const folder of section.folders) {
      write(
        folder.index.path,
        `# ${folder.index.title}\n\n${g.paragraph()}\n\n## Pages\n\n${listing(folder.index, folder.pages)}\n`,
      );
      for (const page of folder.pages) write(page.path, render(page, folder, section, folders, g));
    }
  }
  return written;
}

const [count, outDir, seed = '1'] = process.argv.slice(2);
const total = Number(count);
if (!Number.isInteger(total) || total < SECTIONS.length + 1 || !outDir) {
  console.error(`Usage: node bench/generate-handbook.mjs N OUTDIR [SEED]   (N >= ${SECTIONS.length + 1})`);
  process.exit(2);
}
const written = generate(total, outDir, Number(seed));
console.log(`${written} pages written to ${outDir}`);
