/**
 * Normalise raw report text so that every span the parser produces is meaningful:
 * strip a leading byte-order mark and unify line ends (CRLF, lone CR and the `\r\r\n` of some
 * Windows tools all become one `\n`). Everything else — indentation, blank lines, full-width
 * spaces, zero-width characters — is kept, so offsets still point at what the author wrote.
 */
export function normalizeReportText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // `\r\r\n` first: it is one line end written by a tool that doubled the CR, not an empty line.
  return withoutBom.replace(/\r\r\n|\r\n|\r/g, '\n');
}
