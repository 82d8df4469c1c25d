import { readFileSync } from 'node:fs';
import { isLuoshiError } from '../../core/errors.js';

const FORMATS = new URL('../../../test-data/formats/', import.meta.url);

/** The bytes of a fixture in test-data/formats. */
export function formatFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FORMATS)));
}

/** The reference text every format fixture holds. */
export const FORMATS_PLAIN_TEXT = readFileSync(new URL('beijing-2026-short.txt', FORMATS), 'utf8');

/** The LuoshiError code a read ends with, or "no error". */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isLuoshiError(error) ? error.code : String(error);
  }
}
