import { describe, expect, it } from 'vitest';
import { KeptValues } from './kept-values.js';

describe('KeptValues', () => {
  it('serves a value only at the version it was filed under', async () => {
    const kept = new KeptValues<string, { n: number }>({ max: 4 });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await kept.getOrCompute('a', 1, compute)).toEqual({ n: 1 });
    expect(await kept.getOrCompute('a', 1, compute)).toEqual({ n: 1 });
    expect(await kept.getOrCompute('a', 2, compute)).toEqual({ n: 2 });
    expect(kept.get('a', 1)).toBeUndefined();
    expect(kept.latest('a')?.version).toBe(2);
    // A version that cannot be checked (-1) is computed every time and never kept.
    expect(await kept.getOrCompute('b', -1, compute)).toEqual({ n: 3 });
    expect(await kept.getOrCompute('b', -1, compute)).toEqual({ n: 4 });
    expect(kept.latest('b')).toBeUndefined();
  });

  it('shares one computation between concurrent askers and never keeps a failure', async () => {
    const kept = new KeptValues<string, { n: number }>({ max: 4 });
    let computed = 0;
    const slow = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { n: computed };
    };
    const answers = await Promise.all([1, 2, 3].map(() => kept.getOrCompute('a', 1, slow)));
    expect(answers.map((a) => a.n)).toEqual([1, 1, 1]);
    await expect(kept.getOrCompute('b', 1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(kept.latest('b')).toBeUndefined();
    expect(await kept.getOrCompute('b', 1, async () => ({ n: 9 }))).toEqual({ n: 9 });
  });

  it('freezes what it keeps, so no reader changes what the next one reads', async () => {
    const kept = new KeptValues<string, { n: number }>({ max: 4 });
    const value = await kept.getOrCompute('a', 1, async () => ({ n: 1 }));
    expect(Object.isFrozen(value)).toBe(true);
    expect(() => {
      (value as { n: number }).n = 2;
    }).toThrow(TypeError);
  });

  it('drops the least recently used entries beyond its count or its size', async () => {
    const byCount = new KeptValues<string, { key: string }>({ max: 2 });
    for (const key of ['a', 'b']) await byCount.getOrCompute(key, 1, async () => ({ key }));
    byCount.get('a', 1);
    await byCount.getOrCompute('c', 1, async () => ({ key: 'c' }));
    expect(byCount.latest('a')).toBeDefined();
    expect(byCount.latest('b')).toBeUndefined();

    const bySize = new KeptValues<string, { bytes: Buffer }>({
      maxSize: 1000,
      sizeOf: (v) => v.bytes.length,
    });
    for (const key of ['a', 'b', 'c'])
      await bySize.getOrCompute(key, 1, async () => ({ bytes: Buffer.alloc(400) }));
    expect(bySize.size).toBe(2);
    expect(bySize.calculatedSize).toBe(800);
    expect(bySize.latest('a')).toBeUndefined();
  });
});
