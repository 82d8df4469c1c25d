import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it('shows a round limit without a trailing .0 and keeps one decimal otherwise', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(4.5 * 1024 * 1024)).toBe('4.5 MB');
    expect(formatBytes(12.34 * 1024)).toBe('12.3 KB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(900)).toBe('900 B');
  });
});
