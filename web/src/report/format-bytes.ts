/** A byte count as people read it: 900 B, 12.3 KB, 4.5 MB, and a round limit as 20 MB, not 20.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / 1024 / 1024)} MB`;
}

function oneDecimal(value: number): string {
  return String(Number(value.toFixed(1)));
}
