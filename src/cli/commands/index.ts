import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerBench } from './bench.js';
import { registerBulletin } from './bulletin.js';
import { registerDemo } from './demo.js';
import { registerDiff } from './diff.js';
import { registerDivision } from './division.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerImport } from './import.js';
import { registerInfographic } from './infographic.js';
import { registerMigrate } from './migrate.js';
import { registerParse } from './parse.js';
import { registerRestore } from './restore.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';

/**
 * Every `luoshi` sub-command, one module each. A module registers its options and loads its
 * implementation lazily inside the action, so `luoshi --help` stays fast.
 */
export type RegisterCommand = (program: Command) => Command;

export const commands: RegisterCommand[] = [
  registerParse,
  registerExtract,
  registerServe,
  registerUser,
  registerInfographic,
  registerExport,
  registerBulletin,
  registerDiff,
  registerSearch,
  registerBench,
  registerMigrate,
  registerImport,
  registerAudit,
  registerBackup,
  registerRestore,
  registerDivision,
  registerDemo,
];
