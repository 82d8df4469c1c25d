import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

/** scrypt cost: N=2^15, r=8, p=1 (≈32 MiB, tens of milliseconds) — OWASP's recommended minimum. */
const PARAMS = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hash a password as `scrypt$N$r$p$salt$key` (salt and key base64url). The cost is stored with
 * the hash, so it can be raised later without breaking existing accounts; `params` exists only
 * so test fixtures can use a cheap cost.
 */
export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Check a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/** A random one-time password people can type: 16 characters without look-alikes. */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const byte = bytes[i] ?? 0;
    // Reject bytes beyond the largest multiple of the alphabet size so every character is equally likely.
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

let strength: ZxcvbnFactory | null = null;

/** zxcvbn with the common-password and keyboard-pattern lists, made on first use. */
function passwordStrength(): ZxcvbnFactory {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return strength;
}

/**
 * The rules a new password must meet; returns a reason in both languages, or null. Besides
 * its length it must not be guessable: zxcvbn (common passwords, repeats such as aaaaaaaaaa or
 * abcabcabcabc, sequences, keyboard rows, dates, the user's own name) must score it 3 of 4
 * or better — about 10^8 guesses.
 */
export function passwordProblem(
  password: string,
  userInputs: readonly string[] = [],
): { en: string; zh: string } | null {
  if (password.length < 10)
    return { en: 'The password needs at least 10 characters', zh: '密码至少需要 10 个字符' };
  if (password.length > 200)
    return { en: 'The password is longer than 200 characters', zh: '密码不能超过 200 个字符' };
  if (passwordStrength().check(password, [...userInputs]).score < 3) {
    return {
      en: 'The password is too easy to guess (a common password, a repeat or a sequence): use a longer phrase',
      zh: '密码过于简单（常见密码、重复或连续字符），请使用更长的短语',
    };
  }
  return null;
}
