import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Renders Markdown in a small pool of worker threads, so a body that takes a while (tens of
 * milliseconds at the length limit) never holds the API's event loop: `/health` and every other
 * request go on while previews and saves render. Workers are started on first use and do not keep
 * the process alive when idle.
 */

/** A rendering that did not finish in time, or a worker that died: the text is refused. */
export class MarkdownUnrenderable extends Error {
  override readonly name = 'MarkdownUnrenderable';
}

/** More renderings are waiting than the pool takes: the caller is asked to come back. */
export class MarkdownBusy extends Error {
  override readonly name = 'MarkdownBusy';
}

export interface MarkdownPoolOptions {
  readonly size?: number;
  /** How long one rendering may run in its worker before the worker is replaced. */
  readonly timeoutMs?: number;
  /** How many renderings may wait for a worker. */
  readonly maxQueue?: number;
}

interface Task {
  readonly id: number;
  readonly markdown: string;
  readonly resolve: (html: string) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded and warmed up; only then does a rendering's time start. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

type Reply = {
  readonly id?: number;
  readonly ready?: true;
  readonly html?: string;
  readonly error?: string;
};

const WORKER_URL = new URL('./markdown-worker.ts', import.meta.url);

export const createMarkdownPool = (options: MarkdownPoolOptions = {}) => {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxQueue = options.maxQueue ?? 1000;
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;

  const finish = (slot: Slot): Task | null => {
    const task = slot.task;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    slot.worker.unref();
    return task;
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(WORKER_URL);
    slot.ready = false;
    worker.on('message', (reply: Reply) => {
      if (slot.worker !== worker) return;
      if (reply.ready) {
        slot.ready = true;
        if (queue.length === 0) worker.unref();
        pump();
        return;
      }
      if (slot.task?.id !== reply.id) return;
      const task = finish(slot);
      if (reply.html !== undefined) task?.resolve(reply.html);
      else task?.reject(new MarkdownUnrenderable(reply.error ?? 'rendering failed'));
      pump();
    });
    // A worker that dies (out of memory, a bug) fails its task and is replaced.
    worker.on('error', () => {
      if (slot.worker === worker) replace(slot, 'the Markdown worker failed');
    });
    worker.on('exit', () => {
      if (slot.worker === worker) replace(slot, 'the Markdown worker stopped');
    });
    return worker;
  };

  const replace = (slot: Slot, reason: string) => {
    const old = slot.worker;
    const task = finish(slot);
    slot.worker = spawn(slot);
    void old.terminate();
    task?.reject(new MarkdownUnrenderable(reason));
    pump();
  };

  const pump = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task !== null) continue;
      const task = queue.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(
        () => replace(slot, `rendering took more than ${timeoutMs} ms`),
        timeoutMs,
      );
      slot.worker.postMessage({ id: task.id, markdown: task.markdown });
    }
  };

  const start = () => {
    while (slots.length < size) {
      const slot: Slot = {
        worker: undefined as unknown as Worker,
        ready: false,
        task: null,
        timer: null,
      };
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  };

  return {
    size,
    /** The sanitised HTML of `markdown`, rendered off the event loop. */
    render: (markdown: string): Promise<string> => {
      if (markdown.trim() === '') return Promise.resolve('');
      if (queue.length >= maxQueue) return Promise.reject(new MarkdownBusy('too many renderings'));
      start();
      return new Promise<string>((resolve, reject) => {
        queue.push({ id: nextId++, markdown, resolve, reject });
        pump();
      });
    },
    /** Stops the workers; waiting renderings fail. */
    close: async (): Promise<void> => {
      for (const task of queue.splice(0)) task.reject(new MarkdownUnrenderable('pool closed'));
      const workers = slots.splice(0).map((slot) => {
        finish(slot)?.reject(new MarkdownUnrenderable('pool closed'));
        const worker = slot.worker;
        slot.worker = undefined as unknown as Worker;
        return worker.terminate();
      });
      await Promise.all(workers);
    },
  };
};

export type MarkdownPool = ReturnType<typeof createMarkdownPool>;
