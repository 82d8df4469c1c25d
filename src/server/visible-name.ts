import { z } from 'zod';
import { hasInvisibleCharacters } from '../core/invisible-characters.js';

/**
 * A name people read (a unit, a user's display name): trimmed, 1–`max` characters, and refused
 * when it holds bidi controls or zero-width characters, which would make it read as another.
 */
export function visibleName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasInvisibleCharacters(name), 'no invisible or direction-changing characters');
}
