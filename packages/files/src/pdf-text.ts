import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/**
 * The text of a PDF, for search. pdf.js runs in a worker thread of its own with a time and a
 * memory limit, so a hostile PDF (endless content streams, huge fonts) costs at most that and
 * never holds the event loop; at most two extractions run at once.
 */

export type PdfText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly pages: number;
      /** More pages or text than the limits let through; `text` is the start. */
      readonly truncated: boolean;
    }
  | { readonly ok: false; readonly reason: 'too-large' | 'timeout' | 'unreadable' };

export interface PdfTextOptions {
  /** Default 15 s. */
  readonly timeoutMs?: number;
  /** Default 20 MB, the upload limit. */
  readonly maxBytes?: number;
  /** Default 500. */
  readonly maxPages?: number;
  /**
   * Default 200 000 characters: about a hundred dense pages, and well within what PostgreSQL
   * puts in one tsvector (1 MB).
   */
  readonly maxChars?: number;
  /** The worker's heap, default 256 MB; past it the worker dies and the text is unreadable. */
  readonly maxHeapMb?: number;
}

const WORKER_URL = new URL('./pdf-text-worker.ts', import.meta.url);
const MAX_RUNNING = 2;

let running = 0;
const waiting: (() => void)[] = [];

const acquire = async (): Promise<void> => {
  if (running < MAX_RUNNING) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
};

const release = (): void => {
  const next = waiting.shift();
  if (next) next();
  else running--;
};

type Reply =
  | { readonly text: string; readonly pages: number; readonly truncated: boolean }
  | { readonly error: string };

const run = (data: Uint8Array, options: PdfTextOptions): Promise<PdfText> =>
  new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 },
      stdout: true, // pdf.js warns on the console; keep that out of the API's log
      stderr: true,
    });
    let settled = false;
    const settle = (result: PdfText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, reason: 'timeout' }),
      options.timeoutMs ?? 15_000,
    );
    worker.once('message', (reply: Reply) =>
      settle(
        'error' in reply
          ? { ok: false, reason: 'unreadable' }
          : { ok: true, text: reply.text, pages: reply.pages, truncated: reply.truncated },
      ),
    );
    worker.once('error', () => settle({ ok: false, reason: 'unreadable' }));
    worker.once('exit', () => settle({ ok: false, reason: 'unreadable' }));
    worker.postMessage(
      { data, maxPages: options.maxPages ?? 500, maxChars: options.maxChars ?? 200_000 },
      [data.buffer as ArrayBuffer],
    );
  });

export const extractPdfText = async (
  path: string,
  options: PdfTextOptions = {},
): Promise<PdfText> => {
  const { size } = await stat(path);
  if (size > (options.maxBytes ?? 20 * 1024 * 1024)) return { ok: false, reason: 'too-large' };
  await acquire();
  try {
    const bytes = await readFile(path);
    // A copy of its own, so that handing it to the worker leaves nothing shared behind.
    return await run(new Uint8Array(bytes), options);
  } finally {
    release();
  }
};
