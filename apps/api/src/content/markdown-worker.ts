import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './markdown.ts';

// A first rendering compiles the parser's hot paths, so the first real one is not a cold one.
renderMarkdown(
  `# Tittel\n\n> **fet** *kursiv* [lenke](https://example.no) \`kode\`\n\n- ${'[_a *b* '.repeat(200)}`,
);

// One rendering at a time per worker; markdown-pool.ts hands out the work and the ids.
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (message: { readonly id: number; readonly markdown: string }) => {
  try {
    parentPort?.postMessage({ id: message.id, html: renderMarkdown(message.markdown) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: String(error) });
  }
});
