import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

/**
 * Extracts the text of one PDF in a worker thread (pdf-text.ts starts it, gives it a time and
 * memory limit, and ends it). Replies once: `{ text, pages, truncated }` or `{ error }`.
 */

interface Job {
  readonly data: Uint8Array;
  readonly maxPages: number;
  readonly maxChars: number;
}

interface TextItem {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

const port = parentPort;
if (!port) throw new Error('pdf-text-worker runs as a worker thread');

port.once('message', async ({ data, maxPages, maxChars }: Job) => {
  try {
    const pdf = await getDocumentProxy(data, {
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    const pages = Math.min(pdf.numPages, maxPages);
    let text = '';
    let truncated = pdf.numPages > maxPages;
    for (let number = 1; number <= pages && !truncated; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items as TextItem[]) {
        pageText += (item.str ?? '') + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      text += `${pageText
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim()}\n\n`;
      if (text.length > maxChars) truncated = true;
    }
    // No clean-up needed: the thread is ended after the reply, and its memory with it.
    port.postMessage({ text: text.slice(0, maxChars), pages: pdf.numPages, truncated });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
