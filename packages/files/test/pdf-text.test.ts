import { describe, expect, it } from 'vitest';
import { pdfFile } from '../src/fixtures/index.ts';
import { extractPdfText } from '../src/pdf-text.ts';
import { useTempDir } from './support/temp.ts';

const temp = useTempDir();

describe('PDF text', () => {
  it('extracts the text of every page, with æ, ø and å', async () => {
    const path = await temp.write(
      pdfFile({
        title: 'Klimabudsjett',
        pages: [
          ['Klimabudsjett for Ås kommune', 'Tiltak: fossilfrie anskaffelser (2026)'],
          ['Bærum og Ørland deler erfaringer'],
        ],
      }),
    );
    const result = await extractPdfText(path);
    expect(result).toMatchObject({ ok: true, pages: 2, truncated: false });
    if (!result.ok) return;
    expect(result.text).toContain('Klimabudsjett for Ås kommune');
    expect(result.text).toContain('fossilfrie anskaffelser (2026)');
    expect(result.text).toContain('Bærum og Ørland deler erfaringer');
  });

  it('stops at the page and character limits and says so', async () => {
    const pages = Array.from({ length: 5 }, (_, i) => [`Side ${i + 1} ${'tekst '.repeat(20)}`]);
    const path = await temp.write(pdfFile({ pages }));
    const byPages = await extractPdfText(path, { maxPages: 2 });
    expect(byPages).toMatchObject({ ok: true, pages: 5, truncated: true });
    if (byPages.ok) expect(byPages.text).not.toContain('Side 3');
    const byChars = await extractPdfText(path, { maxChars: 50 });
    expect(byChars).toMatchObject({ ok: true, truncated: true });
    if (byChars.ok) expect(byChars.text.length).toBe(50);
  });

  it('gives up on a PDF it cannot read, without throwing', async () => {
    const path = await temp.write(Buffer.from('%PDF-1.7\n1 0 obj << /Kids [2 0 R] >>\ngarbage'));
    expect(await extractPdfText(path)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('ends the worker when the time is up', async () => {
    // One millisecond is less than a worker needs to start, so the limit always strikes first.
    const path = await temp.write(pdfFile({ pages: [['Tekst']] }));
    expect(await extractPdfText(path, { timeoutMs: 1 })).toEqual({ ok: false, reason: 'timeout' });
  });

  it('does not open a PDF over the size limit', async () => {
    const path = await temp.write(pdfFile({ pages: [['Tekst']] }));
    expect(await extractPdfText(path, { maxBytes: 100 })).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });
});
