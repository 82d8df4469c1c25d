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

  it('pins the server date with LUOSHI_TODAY, a real YYYY-MM-DD date', () => {
    expect(loadConfig({}).LUOSHI_TODAY).toBeUndefined();
    expect(loadConfig({ LUOSHI_TODAY: '2026-06-30' }).LUOSHI_TODAY).toBe('2026-06-30');
    expect(loadConfig({ LUOSHI_TODAY: '2028-02-29' }).LUOSHI_TODAY).toBe('2028-02-29');
  });

  it.each(['2026-6-30', '2026/06/30', '2026-02-30', '2026-13-01', '2026-06-30T00:00:00Z', 'today'])(
    'refuses LUOSHI_TODAY=%s with a message naming the setting and the form',
    (value) => {
      let caught: unknown;
      try {
        loadConfig({ LUOSHI_TODAY: value });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).problems).toEqual([
        `LUOSHI_TODAY=${JSON.stringify(value)}: a calendar date written YYYY-MM-DD, such as 2026-06-30`,
      ]);
    },
  );
});

describe('TRUST_PROXY', () => {
  it('is off by default, or a hop count, or a list of proxy addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.internal', '11', '10.0.0.1,'])(
    'refuses TRUST_PROXY=%s naming the setting',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY=/);
    },
  );
});
