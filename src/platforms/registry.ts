import type { z } from 'zod';
import type { HeadingAnchors } from '../report/location.js';
import { confluence } from './confluence/entry.js';
import { markdown } from './markdown/entry.js';
import { notion } from './notion/entry.js';
import type { Connection, PlatformEntry, RawPage, ToPage } from './platform.js';

/**
 * Every platform handbook-lint reads, in the order the config, the run and the reports list them.
 * Adding one: a folder under src/platforms/ with an entry.ts, and one line here.
 */
export const PLATFORMS = [markdown, notion, confluence] as const;

type Entry = (typeof PLATFORMS)[number];
export type PlatformId = Entry['id'];
type EntryOf<Id extends PlatformId> = Extract<Entry, { id: Id }>;
type SettingsOf<E> = E extends PlatformEntry<string, infer S> ? S : never;
type TargetOf<E> = E extends PlatformEntry<string, unknown, infer T> ? T : never;

/** `sources.<platform>` as the code reads it: each configured platform's settings. */
export type PlatformSettings = { [Id in PlatformId]?: SettingsOf<EntryOf<Id>> };
/** `writeback.findings-page.<platform>` as the code reads it. */
export type FindingsPageTargets = { [Id in PlatformId]?: TargetOf<EntryOf<Id>> };
/** The parsed (not yet converted) config sections, for the config loader. */
export type RawSources = { [Id in PlatformId]?: z.output<EntryOf<Id>['source']['schema']> };

/** The wikis among the platforms: they keep a ledger and take comments. */
export const WIKI_IDS: readonly PlatformId[] = PLATFORMS.filter((p) => p.wiki).map((p) => p.id);

/** The platforms the config reads pages from, in registry order. */
export function configuredPlatforms(sources: PlatformSettings): PlatformId[] {
  return PLATFORMS.filter((p) => sources[p.id] !== undefined).map((p) => p.id);
}

/** The wikis the config reads, by the source name their page keys and ledger entries carry. */
export function configuredWikis(sources: PlatformSettings): PlatformId[] {
  return configuredPlatforms(sources).filter((id) => WIKI_IDS.includes(id));
}

function entry(id: string): PlatformEntry {
  const found = PLATFORMS.find((p) => p.id === id);
  if (!found) throw new Error(`no platform "${id}" in the registry`);
  return found as PlatformEntry;
}

/** Connects one platform for a run, loading its code now; `settings` absent for a findings file only. */
export async function connect(id: PlatformId, sources: PlatformSettings): Promise<Connection> {
  const platform = await entry(id).load();
  return platform.connect(sources[id]);
}

const converters = new Map<string, Promise<ToPage>>();

/** A raw page as a Page; each platform's converter is loaded once, when its first page arrives. */
export async function convert(raw: RawPage, classify: Parameters<ToPage>[1]) {
  let converter = converters.get(raw.source);
  if (!converter) {
    converter = entry(raw.source).toPage();
    converters.set(raw.source, converter);
  }
  return (await converter)(raw, classify);
}

/** A run's connections: each platform connected once, when first asked for, then shared by every stage. */
export function connections(sources: PlatformSettings): (id: PlatformId) => Promise<Connection> {
  const made = new Map<PlatformId, Promise<Connection>>();
  return (id) => {
    let connection = made.get(id);
    if (!connection) {
      connection = connect(id, sources);
      made.set(id, connection);
    }
    return connection;
  };
}

/** Each configured wiki's heading anchors, through the run's connection (the crawl's client). */
export async function headingAnchors(
  sources: PlatformSettings,
  connection: (id: PlatformId) => Promise<Connection>,
): Promise<Map<string, HeadingAnchors>> {
  const anchors = new Map<string, HeadingAnchors>();
  for (const id of configuredWikis(sources)) {
    const read = (await connection(id)).headingAnchors;
    if (read) anchors.set(id, read);
  }
  return anchors;
}
