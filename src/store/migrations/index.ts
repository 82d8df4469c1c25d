import type { Migration } from 'kysely';
import * as initial from './20261127-1050-initial.js';
import * as searchIndex from './20261127-1130-search-index.js';

/**
 * Every migration, by name. Names start with a UTC timestamp so they sort in the order they
 * must run. Add one line per new migration file; never edit or remove a landed one.
 */
export const migrations: Record<string, Migration> = {
  '20261127-1050-initial': initial,
  '20261127-1130-search-index': searchIndex,
};
