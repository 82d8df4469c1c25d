import type { Translate } from '../i18n/i18n.js';
import { type MessageKey, zh } from '../i18n/messages.js';

/** A message for a key built from data, or the raw word when the dictionary has none. */
export function auditLabel(t: Translate, prefix: string, word: string): string {
  const key = `${prefix}.${word}`;
  return key in zh ? t(key as MessageKey) : word;
}

/** Who made an audited change: a person's name, or 系统 / 命令行 for the server's own actors. */
export function auditActor(t: Translate, actor: string, actorName: string | null | undefined): string {
  return actorName ?? auditLabel(t, 'audit.actor', actor);
}
