/**
 * The character at `index` of `text`, or '' outside it (as `String.prototype.charAt` answers),
 * checked here rather than by the engine: reading past the end of a string makes V8 throw away
 * the optimised code of the function that does it (an "out of bounds" deoptimisation) and
 * compile it again, and so does `text[index]` answering undefined where only strings were seen.
 */
export function charAt(text: string, index: number): string {
  return index >= 0 && index < text.length ? (text[index] as string) : '';
}
