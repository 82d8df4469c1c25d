/**
 * A set of words indexed by first and last character. Long alternations in one regular expression
 * (/新增|新建|增加|…/g) cost every alternative at every position; looking words up only where
 * their first character occurs keeps the extractor linear and fast.
 */
export class WordSet {
  private readonly byFirst = new Map<number, string[]>();
  /** 1 where some word starts with that UTF-16 unit: most characters are rejected by one array read. */
  private readonly starts = new Uint8Array(65536);
  private readonly byLast = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length === 0) continue;
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      const last = word.charCodeAt(word.length - 1);
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), word]);
      this.byLast.set(last, [...(this.byLast.get(last) ?? []), word]);
    }
    for (const list of [...this.byFirst.values(), ...this.byLast.values()]) {
      list.sort((a, b) => b.length - a.length);
    }
  }

  /** The longest word starting at `pos`, or null. */
  at(text: string, pos: number): string | null {
    // Offsets outside the text are checked first: reading past the end makes optimised code deopt.
    if (pos < 0 || pos >= text.length || this.starts[text.charCodeAt(pos)] !== 1) return null;
    const candidates = this.byFirst.get(text.charCodeAt(pos));
    if (candidates === undefined) return null;
    for (const word of candidates) if (text.startsWith(word, pos)) return word;
    return null;
  }

  /** The longest word ending exactly at `end`, or null. */
  endingAt(text: string, end: number): string | null {
    if (end <= 0 || end > text.length) return null;
    const candidates = this.byLast.get(text.charCodeAt(end - 1));
    if (candidates === undefined) return null;
    for (const word of candidates) {
      if (end - word.length >= 0 && text.startsWith(word, end - word.length)) return word;
    }
    return null;
  }

  /** The first word found scanning [from, to) left to right, with its offset. */
  first(text: string, from = 0, to = text.length): { word: string; index: number } | null {
    for (let i = from; i < to; i++) {
      const word = this.at(text, i);
      if (word !== null && i + word.length <= to) return { word, index: i };
    }
    return null;
  }

  /** The last word in [from, to), matching left to right without overlaps (like a /g regex). */
  last(text: string, from = 0, to = text.length): { word: string; index: number } | null {
    let found: { word: string; index: number } | null = null;
    for (let i = from; i < to; ) {
      const word = this.at(text, i);
      if (word !== null && i + word.length <= to) {
        found = { word, index: i };
        i += word.length;
      } else {
        i++;
      }
    }
    return found;
  }

  /** True when some word occurs in `text`. */
  occursIn(text: string): boolean {
    return this.first(text) !== null;
  }

  /** `text` without any run of these words at its start. */
  stripStart(text: string): string {
    let start = 0;
    for (let word = this.at(text, start); word !== null; word = this.at(text, start)) start += word.length;
    return text.slice(start);
  }

  /** `text` without any run of these words at its end. */
  stripEnd(text: string): string {
    let end = text.length;
    for (let word = this.endingAt(text, end); word !== null && end > 0; word = this.endingAt(text, end)) {
      end -= word.length;
    }
    return text.slice(0, end);
  }
}
