import { describe, expect, it } from 'vitest';
import { detectFile } from '../src/detect/detect.ts';
import {
  csvFile,
  docmFile,
  docxFile,
  docxWithVbaProject,
  htmlWithScript,
  jpegImage,
  odfFile,
  pdfFile,
  pngImage,
  pptxPackage,
  shellScript,
  svgWithScript,
  webpImage,
  windowsExecutable,
  xlsxFile,
  zip,
} from '../src/fixtures/index.ts';
import { useTempDir } from './support/temp.ts';

const temp = useTempDir();
const detect = async (bytes: Uint8Array, name?: string) =>
  detectFile(await temp.write(bytes, name));

const rows = [
  ['Kommune', 'Tiltak', 'Tonn CO₂'],
  ['Ås', 'Elektriske ferjer', 12.5],
  ['Bærum', 'Fossilfri byggeplass', 30],
];

describe('the allow-list, decided by the bytes', () => {
  it.each([
    ['pdf', () => pdfFile({ pages: [['Klimabudsjett']] })],
    ['docx', () => docxFile(['Hei'])],
    ['xlsx', () => xlsxFile(rows)],
    ['pptx', () => pptxPackage()],
    ['odt', () => odfFile('text', ['Hei'])],
    ['ods', () => odfFile('spreadsheet', ['Hei'])],
    ['odp', () => odfFile('presentation', [])],
    ['csv', () => csvFile(rows)],
    ['png', () => pngImage()],
    ['jpeg', () => jpegImage()],
    ['webp', () => webpImage()],
  ])('accepts %s', async (kind, make) => {
    expect(await detect(await make())).toEqual({ kind });
  });

  it('goes by the bytes, not the name: a PDF called .png is a PDF', async () => {
    const pdf = pdfFile({ pages: [['Ikke et bilde']] });
    expect(await detect(pdf, 'bilde.png')).toEqual({ kind: 'pdf' });
    expect(await detect(await pngImage(), 'rapport.pdf')).toEqual({ kind: 'png' });
  });

  it.each([
    ['an SVG with a script', svgWithScript],
    ['HTML', htmlWithScript],
    ['a Windows executable', windowsExecutable],
    ['a shell script', shellScript],
    ['a plain ZIP', () => zip([{ name: 'rapport.pdf', data: '%PDF-1.4' }])],
    [
      'an OpenDocument drawing',
      () =>
        zip([
          { name: 'mimetype', data: 'application/vnd.oasis.opendocument.graphics', store: true },
          { name: 'content.xml', data: '<office:document-content/>' },
        ]),
    ],
    [
      'an ODF file whose mimetype is not first',
      () => odfFile('text', ['Hei'], { mimetypeFirst: false }),
    ],
    [
      'plain text without columns',
      () => Buffer.from('Dette er bare tekst.\nIngen kolonner her.\n'),
    ],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
  ])('refuses %s', async (_, make) => {
    expect(await detect(await make())).toEqual({ refused: 'not-allowed' });
  });

  it.each([
    ['a macro-enabled Word document (docm)', () => docmFile()],
    ['a macro-enabled workbook (xlsm)', () => xlsxFile(rows, { macros: true })],
    ['a macro-enabled presentation (pptm)', () => pptxPackage({ macros: true })],
    ['a .docx that carries a VBA project', docxWithVbaProject],
    ['an OpenDocument text with Basic macros', () => odfFile('text', ['Hei'], { macros: true })],
  ])('refuses %s as active content', async (_, make) => {
    expect(await detect(make())).toEqual({ refused: 'active-content' });
  });

  it('refuses a CSV in Windows-1252 or UTF-16 with its own message, and an empty file', async () => {
    const latin1 = Buffer.from('Kommune;Tiltak\r\nÅs;Ferje\r\nBærum;Sykkel\r\n', 'latin1');
    expect(await detect(latin1)).toEqual({ refused: 'csv-encoding' });
    const utf16 = Buffer.from('\ufeffKommune\tTiltak\r\nÅs\tFerje\r\n', 'utf16le');
    expect(await detect(utf16)).toEqual({ refused: 'csv-encoding' });
    expect(await detect(Buffer.alloc(0))).toEqual({ refused: 'empty' });
  });

  it('reads CSV with commas, tabs and quoted fields, and refuses ragged rows', async () => {
    expect(await detect(csvFile(rows, ','))).toEqual({ kind: 'csv' });
    expect(await detect(csvFile(rows, '\t'))).toEqual({ kind: 'csv' });
    const quoted = Buffer.from(
      'navn,merknad\n"Ås","linje 1\nlinje 2, med komma"\n"Bø","sa ""hei"""\n',
    );
    expect(await detect(quoted)).toEqual({ kind: 'csv' });
    const ragged = Buffer.from('a;b;c\n1;2\n3;4;5;6\n');
    expect(await detect(ragged)).toEqual({ refused: 'not-allowed' });
  });

  it('refuses a CSV with a NUL byte far past the start', async () => {
    const body = `a;b\n${'1;2\n'.repeat(40_000)}\u0000\n`;
    expect(await detect(Buffer.from(body))).toEqual({ refused: 'not-allowed' });
  });

  it('calls a truncated ZIP damaged', async () => {
    const docx = docxFile(['Hei']);
    expect(await detect(docx.subarray(0, docx.length - 30))).toEqual({ refused: 'damaged' });
  });
});
