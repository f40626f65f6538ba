import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real decision folders from the sixth out-of-sample audit
// (a hold-out set) whose findings were judged wrong, linted with no config.
const pages: Record<string, string> = {
  // A team writing its records in Japanese: status, date and sections under Japanese names.
  'docs/adr/0003-cache-layer.md': `# ADR-0003: 読み込み結果をキャッシュする\n\n- ステータス: 承認済み\n- 日付: 2026-09-01\n- 決定者: 山田 花子\n\n## 背景\n\n毎回の読み込みに 3 秒かかり、画面の表示が遅い。\n\n## 決定\n\n読み込み結果を 1 時間キャッシュする。\n\n## 検討した代替\n\n- **毎回読み込む** — 表示が遅いままになるため不採用\n\n## 結果\n\n- 最大 1 時間古いデータが表示される\n`,
  'docs/adr/0004-retire-batch.md': `# ADR-0004: 夜間バッチを廃止する\n\n- ステータス：廃止（[ADR-0005](0005-stream.md) により置換）\n- 日付：2026-09-10\n- 作成者: 山田 花子\n\n## 背景\n\n夜間バッチは失敗しても翌朝まで気づけない問題がある。\n\n## 決定\n\n夜間バッチをやめる。\n\n## 結果\n\n- 集計は翌朝まで遅れない\n`,
  'docs/adr/0006-defer-export.md': `# ADR-0006: エクスポートは後回しにする\n\n- ステータス: 提案\n- 日付: 2026-10-01\n- 決定者: 山田 花子\n\n## 背景\n\n出力形式がまだ固まっていないので、今作ると作り直しになる。\n\n## 決定\n\nエクスポート機能の着手を形式が固まるまで待つ。\n\n## 結果\n\n- それまでは手で書き出す\n`,
  // A German record whose status is the German word for superseded, with the English one after it.
  'docs/adrs/deprecated/0001-sessions.md': `# ADR 0001: Sitzungen im Speicher\n\n## Status\n\nAbgelöst (Superseded)\n\n## Datum\n\n2026-01-15\n\nVerantwortlich: Team Plattform\n\n## Kontext\n\nAnmeldungen müssen schnell geprüft werden, weil jede Anfrage sie braucht.\n\n## Entscheidung\n\nSitzungen liegen im Speicher des Servers.\n\n## Konsequenzen\n\nNach einem Neustart sind alle abgemeldet.\n`,
  // Records that kept their template's list of states and set the chosen one in bold.
  'docs/adrs/0005-locale.md': `# ADR-0005: Locale aus dem Pfad\n\n## Status\n\nVorgeschlagen | **Akzeptiert** | Abgelehnt | Überholt | Ersetzt\n\n## Datum\n\n2026-02-01\n\nVerantwortlich: Team Plattform\n\n## Kontext\n\nToasts erscheinen auf Englisch, weil die Middleware deutsche Pfade umleitet.\n\n## Entscheidung\n\nDeutsche Pfade werden nicht mehr umgeleitet.\n\n## Konsequenzen\n\nDie Sprache folgt dem Pfad.\n`,
  'docs/adrs/0007-retries.md': `# ADR-0007: Retry failed webhooks\n\nStatus: Proposed | **Accepted** | Rejected\nDate: 2026-03-01\nOwner: Dana Whit\n\n## Context\n\nWebhooks are lost when the receiver is down, because nothing resends them.\n\n## Decision\n\nRetry each webhook three times.\n\n## Consequences\n\nReceivers may see a webhook twice.\n`,
  // Records of an ADR site theme: the context and the people involved are front matter fields, the
  // body starts at the Decision.
  'architecture/adrs/20260301-long-options.md': `---\ndate: 2026-03-01\nstatus: accepted\ncontributors:\n  - Ana Ruiz\n  - Ben Ode\ntitle: Spell out long options in scripts\ncontext: Scripts shared with the team are read more often than written, and short options are easy to misread since each tool picks its own letters.\n---\n## Decision\n\nShared scripts use the long form of every option.\n\n## Consequences\n\nScripts get longer lines.\n`,
  'architecture/adrs/20260302-record-decisions.md': `---\ndate: 2026-03-02\nstatus: accepted\ncontributors: []\ntitle: Record architecture decisions\n---\n## Decision\n\nWe will keep architecture decision records.\n\n## Consequences\n\nEach significant change gets a record.\n`,
};

describe('decision records from the hold-out folders of the sixth audit', async () => {
  const { on } = await lintDecisionFolder(pages, '2026-12-01T00:00:00Z');
  const rules = (file: string) => on(file).map(([rule]) => rule);

  it('reads the status, date, deciders and sections of a record written in Japanese', () => {
    expect(on('docs/adr/0003-cache-layer.md')).toEqual([]);
  });

  it('reads a Japanese status after a full-width colon, and a retired record’s state', () => {
    expect(on('docs/adr/0004-retire-batch.md')).toEqual([]);
  });

  it('takes a Japanese proposal for a Proposed record, and a stated problem for its reason', () => {
    expect(on('docs/adr/0006-defer-export.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-10-01.'],
    ]);
  });

  it('reads the German word for superseded as a status', () => {
    expect(rules('docs/adrs/deprecated/0001-sessions.md')).not.toContain('decision-status');
  });

  it('takes the state set in bold among a template’s list of states for the status', () => {
    expect(rules('docs/adrs/0005-locale.md')).not.toContain('decision-lag');
    expect(on('docs/adrs/0007-retries.md')).toEqual([]);
  });

  it('takes a context kept in front matter for the Context, and contributors for the owner', () => {
    expect(on('architecture/adrs/20260301-long-options.md')).toEqual([]);
    // An empty contributors list names nobody; the record states no context anywhere.
    expect(rules('architecture/adrs/20260302-record-decisions.md')).toEqual([
      'decision-owner',
      'decision-sections',
      'decision-rationale',
    ]);
  });
});
