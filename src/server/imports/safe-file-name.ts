/**
 * A client-supplied file name made harmless: no directories (../../etc/passwd → passwd), no
 * control, invisible format (bidi, zero-width) or reserved characters, at most 200 characters, never empty. Stored names are only
 * ever labels; files are addressed by content hash, never by name.
 */
export function safeFileName(name: string | undefined, fallback = 'upload'): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    // Bidi controls and zero-width characters would make `invoice\u202Efdp.txt` read "invoicetxt.pdf".
    .replace(/\p{Cf}/gu, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(-200);
  return cleaned.length > 0 ? cleaned : fallback;
}
