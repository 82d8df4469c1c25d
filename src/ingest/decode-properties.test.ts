import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../core/errors.js';
import { parseReport } from '../core/parse/index.js';
import { decodeReportBytes } from './index.js';
import { readRawCorpusBytes } from './testing/corpus.js';
import { buildDocx } from './testing/zip-writer.js';

/** Decoding either succeeds with a parseable text or fails with a LuoshiError — nothing else. */
async function decodesOrExplains(bytes: Uint8Array): Promise<void> {
  try {
    const decoded = await decodeReportBytes(bytes, 'fuzz.bin');
    expect(decoded.text.includes('\r')).toBe(false);
    parseReport(decoded.text);
  } catch (error) {
    if (!isLuoshiError(error)) throw error;
    expect(error.status).toBe(400);
  }
}

describe('decodeReportBytes on arbitrary bytes', () => {
  it('never fails with anything but a LuoshiError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), decodesOrExplains), {
      numRuns: 300,
    });
  });

  it('survives corrupted .docx files (random bytes overwritten, cut anywhere)', async () => {
    const docx = readRawCorpusBytes('beijing-2025-work-report.docx');
    const small = buildDocx('<w:p><w:r><w:t>一、推进建设</w:t></w:r></w:p>');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(docx, small),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        async (original, patches, cut) => {
          const bytes = original.slice(0, original.length - (cut % 64));
          for (const [at, value] of patches) bytes[at % bytes.length] = value;
          await decodesOrExplains(bytes);
        },
      ),
      { numRuns: 150 },
    );
  });
});
