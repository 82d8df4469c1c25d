/**
 * Unicode format characters (category Cf): bidirectional controls (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF), the soft hyphen…
 * Invisible in a name, they make it read as something else — `invoice\u202Efdp.txt` shows as
 * "invoicetxt.pdf" — or make two different names look alike.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Whether a name holds invisible format characters (see FORMAT_CHARACTERS). */
export function hasInvisibleCharacters(text: string): boolean {
  return new RegExp(FORMAT_CHARACTERS.source, 'u').test(text);
}

/** The text without its invisible format characters. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '');
}
