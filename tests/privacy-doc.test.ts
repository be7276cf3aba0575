/**
 * docs/privacy.md lists every table and column the database has, what it holds and how long it is
 * kept. This test compares that list with the live schema of a freshly migrated database, so a
 * new column (or table) cannot appear without being described there, and a removed one cannot
 * linger in the document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_DEFAULTS, RETENTION_DEFAULTS } from '../bot/config/index.js';
import { openDatabase } from '../store/sqlite-store.js';

const DOC = fileURLToPath(new URL('../docs/privacy.md', import.meta.url));

interface DocumentedTable {
  columns: Map<string, string>;
  kept: boolean;
}

/** The tables section: `### \`table\`` headings, a **Kept:** line, and `| \`column\` | holds |` rows. */
export function parsePrivacyDoc(markdown: string): Map<string, DocumentedTable> {
  const begin = markdown.indexOf('<!-- schema:begin -->');
  const end = markdown.indexOf('<!-- schema:end -->');
  if (begin < 0 || end < begin) throw new Error('docs/privacy.md: the <!-- schema:begin --> ... <!-- schema:end --> section is missing');
  const tables = new Map<string, DocumentedTable>();
  let current: DocumentedTable | undefined;
  for (const line of markdown.slice(begin, end).split('\n')) {
    const heading = /^###\s+`([A-Za-z_][\w]*)`\s*$/.exec(line);
    if (heading) {
      if (tables.has(heading[1]!)) throw new Error(`docs/privacy.md: table ${heading[1]} is described twice`);
      current = { columns: new Map(), kept: false };
      tables.set(heading[1]!, current);
      continue;
    }
    if (!current) continue;
    if (/^\*\*Kept:\*\*\s*\S/.test(line)) current.kept = true;
    const row = /^\|\s*`([A-Za-z_][\w]*)`\s*\|(.*)\|\s*$/.exec(line);
    if (row) current.columns.set(row[1]!, row[2]!.trim());
  }
  return tables;
}

function liveSchema(): Map<string, string[]> {
  const db = openDatabase(':memory:');
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return new Map(
      names.map((t) => [t, (db.prepare(`PRAGMA table_info(${JSON.stringify(t)})`).all() as { name: string }[]).map((c) => c.name)]),
    );
  } finally {
    db.close();
  }
}

describe('docs/privacy.md', () => {
  const doc = parsePrivacyDoc(readFileSync(DOC, 'utf8'));
  const live = liveSchema();

  it('describes every table and column of the live schema, and nothing that is not in it', () => {
    const problems: string[] = [];
    for (const [table, columns] of live) {
      const documented = doc.get(table);
      if (!documented) {
        problems.push(`table ${table} (columns ${columns.join(', ')}) is in the schema but not in docs/privacy.md`);
        continue;
      }
      for (const column of columns) {
        if (!documented.columns.has(column)) problems.push(`${table}.${column} is in the schema but not in docs/privacy.md`);
      }
      for (const column of documented.columns.keys()) {
        if (!columns.includes(column)) problems.push(`${table}.${column} is in docs/privacy.md but not in the schema`);
      }
    }
    for (const table of doc.keys()) {
      if (!live.has(table)) problems.push(`table ${table} is in docs/privacy.md but not in the schema`);
    }
    expect(problems).toEqual([]);
  });

  it('says what each column holds and how long each table is kept', () => {
    const problems: string[] = [];
    for (const [table, documented] of doc) {
      if (!documented.kept) problems.push(`${table}: no **Kept:** line`);
      for (const [column, holds] of documented.columns) {
        if (holds.replace(/[|\s]/g, '').length < 3) problems.push(`${table}.${column}: says nothing about what it holds`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every retention key the config has', () => {
    const text = readFileSync(DOC, 'utf8');
    const missing = Object.keys(RETENTION_DEFAULTS).filter((k) => !text.includes(`retention.${k}`));
    expect(missing).toEqual([]);
  });

  it('says how precise a stored pin is, with the default the config has', () => {
    const text = readFileSync(DOC, 'utf8');
    expect(text).toContain('`privacy.pinDecimals`');
    expect(text).toContain(`(default ${PRIVACY_DEFAULTS.pinDecimals}, about 100 m`);
  });

  it('the parser finds a missing column (a guard against a test that passes vacuously)', () => {
    const doc = parsePrivacyDoc(
      '<!-- schema:begin -->\n### `t`\n**Kept:** x\n| column | holds |\n| --- | --- |\n| `a` | an a |\n<!-- schema:end -->',
    );
    expect([...doc.get('t')!.columns.keys()]).toEqual(['a']);
    expect(live.get('reports')?.length).toBeGreaterThan(20);
    expect(doc.get('t')!.columns.has('b')).toBe(false);
  });
});
