import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.LOAD_SAMPLE).toBe(true);
    expect(config.sqlitePath.endsWith('data/luoshi.db')).toBe(true);
  });

  it('reports every invalid setting together, by name', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT=/m);
    expect(problems).toMatch(/^DATABASE_URL=/m);
    expect(problems).toMatch(/^LOG_LEVEL=/m);
  });

  it('reads PORT from the environment', () => {
    expect(loadConfig({ PORT: '4123' }).PORT).toBe(4123);
  });
});
