import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

const OLD = 'Last reviewed: 2024-01-15\n';

/**
 * Pages shaped after the cases labellers judged on real handbooks (sourcegraph, kep, rust compiler-team,
 * cometbft, harbor-co, lumen-labs): real problems page-owner and stale-page must find, and traps to leave alone.
 */
const HANDBOOK = {
  // Traps: nothing to own or to review.
  'policies/cloud-security.md': `# Cloud security policy\n\n${OLD}\n## Purpose\n\nKeep cloud assets safe.\n\n## Exceptions\n\nApproved by the Policy Owner.\n\n**Policy Owner: Head of Security**\n`,
  'policies/vendors.md': `# Vendor policy\n\n${OLD}\n## Scope\n\nAll vendors.\n\n#### &nbsp; Policy Owner: Compliance Manager\n`,
  'company/travel.md': `---\ntitle: "Travel policy\nowner: Femi Adeyemi\nlast_reviewed: 2026-06-01\n---\n# Travel\n\nBook through the portal.\n`,
  'eng/old-infra.md': '# MOVED: Internal infrastructure\n\nMoved to [internal infrastructure](infra.md).\n',
  'eng/infra.md': `# Infrastructure\n\nOwner: Platform team\n\n${OLD}\nWe run on GCP.\n`,
  'security/trivy/5-2-6.md':
    '# Accepted CVEs for 5.2.4\n\n| CVE | Severity |\n| --- | --- |\n| CVE-2023-1 | High |\n',
  'wg/template/FAQ.md': '# Frequently Asked Questions (FAQ)\n\nNo questions have been asked yet.\n',
  'wg/nll/NOTES.md':
    '---\ntitle: Notes\ntype: docs\n---\n# NLL Meeting Notes\n\n## 2019-05-24\n\n* We triaged issues.\n',
  'rfc/archive/README.md':
    '# Old RFCs\n\nThis list is frozen as-is, and new RFCs go in [rfc](../README.md).\n',
  'CODE_OF_CONDUCT.md': '# Code of Conduct\n\nBe kind.\n',
  // Real problems.
  'eng/deploys.md': `# Deploying\n\n${OLD}\nRun the pipeline, then watch the dashboard.\n`,
  'sales/comparison.md':
    '# Us versus them\n\nOwner: Marketing\n\nLast reviewed: 2025-01-10\n\nThey lack code navigation.\n',
};

describe('judgement fixtures: page-owner and stale-page', () => {
  it('finds the real problems and leaves the traps alone', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const found = (JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[])
      .filter((f) => f.ruleId === 'page-owner' || f.ruleId === 'stale-page')
      .map((f) => `${f.ruleId} ${f.page.file}`);
    expect(found.sort()).toEqual([
      'page-owner eng/deploys.md',
      'stale-page eng/deploys.md',
      'stale-page eng/infra.md',
      'stale-page policies/cloud-security.md',
      'stale-page policies/vendors.md',
      'stale-page sales/comparison.md',
    ]);
  });
});
