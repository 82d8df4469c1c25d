import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from './testing/test-app.js';

const CJK = /[\u3400-\u9fff]+/g;

interface GlossaryEntry {
  /** The words luoshi uses (the 术语 column, split at "/"). */
  terms: string[];
  /** The word the glossary rejects for the same thing (the "Not" column), if any. */
  rejected: string | null;
  /** Chinese phrases the glossary's note on the rejected word allows (“滞后于序时进度”). */
  allowed: string[];
}

/** The rows of docs/glossary.md's table. */
function readGlossary(): GlossaryEntry[] {
  const text = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    // The header row and the |---| separator.
    .slice(2);
  return rows.map(([terms = '', , , not = '']) => {
    const note = /\(([^)]*)\)/.exec(not)?.[1] ?? '';
    const rejected = not.replace(/\(.*\)/, '').trim();
    return {
      terms: terms.split('/').map((term) => term.trim()),
      rejected: rejected && rejected !== '—' ? rejected : null,
      allowed: note.match(CJK) ?? [],
    };
  });
}

/** Every summary and description of the OpenAPI document, with where it is. */
function describedTexts(spec: unknown): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${at}/${index}`);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if ((key === 'summary' || key === 'description') && typeof child === 'string') {
          out.push({ at: `${at}/${key}`, text: child });
        } else walk(child, `${at}/${key}`);
      }
    }
  };
  walk(spec, '#');
  return out;
}

/** The API's resources that are glossary things, and the Chinese term their description must use. */
const SCHEMA_TERMS: Record<string, string> = {
  ReportDetail: '政府工作报告',
  Area: '工作领域',
  Measure: '举措',
  Target: '量化目标',
  ReportingPeriod: '报送周期',
  ProgressReport: '进展报告',
  Milestone: '形象进度',
  TaskStatus: '序时进度',
  ProgressClass: '未启动',
  Light: '预警灯',
  Escalation: '督办单',
  LedgerPage: '台账',
  AuditEntry: '审计记录',
  IndicatorRow: '主要预期目标',
};

describe('the OpenAPI document speaks the glossary (docs/glossary.md)', () => {
  let world: TestWorld;
  let spec: { components: { schemas: Record<string, { description?: string }> } };
  const glossary = readGlossary();

  beforeAll(async () => {
    world = await createTestWorld('sqlite');
    spec = (await (await world.client()).get('/api/openapi.json')).json();
  });
  afterAll(async () => world?.close());

  it('reads the glossary table', () => {
    expect(glossary.length).toBeGreaterThan(20);
    expect(glossary.find((entry) => entry.terms.includes('报送周期'))?.rejected).toBe('填报周期');
  });

  it('uses none of the words the glossary rejects', () => {
    // Words the glossary uses, and the phrases its notes allow, are masked first: 督查通报 is no 通报.
    const masks = [...glossary.flatMap((entry) => [...entry.terms, ...entry.allowed])].sort(
      (a, b) => b.length - a.length,
    );
    const found: string[] = [];
    for (const { at, text } of describedTexts(spec)) {
      const masked = masks.reduce((rest, mask) => rest.replaceAll(mask, '□'), text);
      for (const entry of glossary) {
        if (entry.rejected && masked.includes(entry.rejected)) {
          found.push(`${at}: “${entry.rejected}” (use ${entry.terms.join(' / ')}) in “${text}”`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('names each resource that is a glossary thing by its glossary term', () => {
    const preferred = new Set(glossary.flatMap((entry) => entry.terms));
    const missing: string[] = [];
    for (const [schema, term] of Object.entries(SCHEMA_TERMS)) {
      expect(preferred.has(term), term).toBe(true);
      const description = spec.components.schemas[schema]?.description ?? '';
      if (!description.includes(term)) missing.push(`${schema}: “${description}” lacks ${term}`);
    }
    expect(missing).toEqual([]);
  });
});
