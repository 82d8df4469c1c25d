import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.js';
import { auditActor, auditLabel } from './audit-labels.js';

const zhT = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);

describe('audit trail labels', () => {
  it('names every field the server writes in Chinese, never the raw key', () => {
    const fields = [
      'title',
      'fileName',
      'revision',
      'size',
      'period_id',
      'status',
      'deadline',
      'values',
      'publishedAt',
    ];
    for (const field of fields) {
      const text = auditLabel(zhT, 'audit.field', field);
      expect(text, field).not.toBe(field);
      expect(text, field).toMatch(/\p{Script=Han}/u);
    }
    expect(auditLabel(zhT, 'audit.field', 'period_id')).toBe('报送周期');
  });

  it('names the server’s own actors', () => {
    expect(auditActor(zhT, 'system', null)).toBe('系统');
    expect(auditActor(zhT, 'cli', undefined)).toBe('命令行');
    expect(auditActor(zhT, 'admin', '督查室管理员')).toBe('督查室管理员');
  });
});
