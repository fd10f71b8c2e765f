import { describe, expect, it } from 'vitest';
import { fileHref, formatFileSize, imageSrc, imageSrcset } from '../src/format.ts';

const nb = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatFileSize', () => {
  it('writes sizes in Norwegian number format, one decimal below ten', () => {
    expect(nb(formatFileSize(850))).toBe('850 byte');
    expect(nb(formatFileSize(1536))).toBe('1,5 kB');
    expect(nb(formatFileSize(12 * 1024 + 300))).toBe('12 kB');
    expect(nb(formatFileSize(1.2 * 1024 * 1024))).toBe('1,2 MB');
    expect(nb(formatFileSize(20 * 1024 * 1024))).toBe('20 MB');
  });

  it('keeps the number and the unit together on one line', () => {
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe('1,2\u00a0MB');
  });

  it('turns to megabytes where kilobytes would round to 1 024', () => {
    expect(nb(formatFileSize(1024 * 1024 - 10))).toBe('1 MB');
  });
});

describe('file links', () => {
  it('points at the app’s own /filer path, with the variant for an image width', () => {
    expect(fileHref('0b5c')).toBe('/filer/0b5c');
    expect(fileHref('0b5c', 'w640')).toBe('/filer/0b5c/w640');
    expect(imageSrcset('0b5c', [320, 640])).toBe('/filer/0b5c/w320 320w, /filer/0b5c/w640 640w');
    expect(imageSrc('0b5c', [320, 1280, 640])).toBe('/filer/0b5c/w1280');
    expect(imageSrc('0b5c', [])).toBe('/filer/0b5c');
  });
});
