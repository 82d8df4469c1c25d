import { describe, expect, it } from 'vitest';
import { dispositionFileName } from './content-disposition.js';

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name and falls back to the plain one', () => {
    const name = '政府工作报告 (下)重点任务台账.xlsx';
    expect(
      dispositionFileName(`attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`),
    ).toBe(name);
    expect(dispositionFileName('attachment; filename="progress-2026-06.xlsx"')).toBe('progress-2026-06.xlsx');
    expect(dispositionFileName('attachment; filename="a.xlsx"; filename*=UTF-8\'\'%E0%A4%A')).toBe('a.xlsx');
    expect(dispositionFileName(null)).toBeNull();
  });
});
