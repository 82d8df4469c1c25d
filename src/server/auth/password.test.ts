import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('scrypt passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('正确的马 battery staple');
    const b = await hashPassword('正确的马 battery staple');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('正确的马 battery staple', a)).toBe(true);
    expect(await verifyPassword('正确的马 battery stapl', a)).toBe(false);
  });

  it('rejects malformed or hostile stored hashes without throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$1$8$1$AA$AA',
      'scrypt$99999999$8$1$AA$AA',
      'bcrypt$x$y$z$a$b',
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('generates 16-character passwords and enforces a minimum length', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(passwordProblem('short')).not.toBeNull();
    expect(passwordProblem('long enough!')).toBeNull();
  });
});
