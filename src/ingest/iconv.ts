import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');

const require = createRequire(import.meta.url);
let loaded: Iconv | undefined;

/**
 * iconv-lite, loaded on first use. Only UTF-16 and GBK text and web pages with a declared
 * charset need it, and loading it costs about 10 ms of CPU on every `luoshi` start that reads a
 * file (most files are UTF-8).
 */
export function iconv(): Iconv {
  loaded ??= require('iconv-lite') as Iconv;
  return loaded;
}
