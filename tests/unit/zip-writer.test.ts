// The XLSX's zip is our own (zip-writer.ts): whatever goes in must come out the same, read by
// another zip reader (JSZip, as exceljs reads) and checked by Info-ZIP's `unzip -t` where present.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../server/exports/zip-writer';

async function zipOf(write: (zip: ZipWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const zip = new ZipWriter(out, 1);
  await write(zip);
  await zip.finish();
  return Buffer.concat(chunks);
}

describe('ZipWriter', () => {
  it('writes entries added whole and streamed, in the order they were opened', async () => {
    const big = Buffer.concat(Array.from({ length: 40 }, (_, i) => Buffer.from(`<row r="${i}">${'ệ<&>'.repeat(20_000)}</row>`)));
    const noise = randomBytes(300_000); // does not deflate: stored larger than it is read
    const file = await zipOf(async (zip) => {
      void zip.add('/_rels/.rels', '<rels/>');
      const sheet = zip.stream('/xl/worksheets/sheet1.xml', 64 << 10);
      // Added while the sheet is still open: written after it.
      void zip.add('xl/styles.xml', Buffer.from('<styleSheet/>'));
      sheet.write('<sheetData>');
      for (let i = 0; i < big.length; i += 100_000) {
        if (!sheet.write(big.subarray(i, i + 100_000))) await new Promise((resolve) => sheet.once('drain', resolve));
      }
      sheet.write({ toBuffer: () => Buffer.from('</sheetData>') });
      sheet.end();
      await zip.add('bin/noise', noise);
      await zip.add('trống.xml', '');
    });
    const read = await JSZip.loadAsync(file);
    expect(Object.keys(read.files)).toEqual(['_rels/.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'bin/noise', 'trống.xml']);
    expect(await read.file('_rels/.rels')!.async('string')).toBe('<rels/>');
    expect((await read.file('xl/worksheets/sheet1.xml')!.async('nodebuffer')).equals(Buffer.concat([Buffer.from('<sheetData>'), big, Buffer.from('</sheetData>')]))).toBe(true);
    expect(await read.file('xl/styles.xml')!.async('string')).toBe('<styleSheet/>');
    expect((await read.file('bin/noise')!.async('nodebuffer')).equals(noise)).toBe(true);
    expect(await read.file('trống.xml')!.async('string')).toBe('');
    if (existsSync('/usr/bin/unzip')) {
      const dir = mkdtempSync(join(tmpdir(), 'sipas-zip-'));
      try {
        const path = join(dir, 'test.zip');
        writeFileSync(path, file);
        const { stdout } = await promisify(execFile)('/usr/bin/unzip', ['-t', path]);
        expect(stdout).toContain('No errors detected');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('stops, rather than waiting for ever, when the output closes before the end (a cancelled download)', async () => {
    const out = new PassThrough({ highWaterMark: 1024 }); // never read: full after the first piece
    const zip = new ZipWriter(out, 1);
    const added = zip.add('big.bin', randomBytes(2 << 20));
    setTimeout(() => out.destroy(), 50);
    await expect(added).rejects.toThrow('closed before the file was written');
    await expect(zip.finish()).rejects.toThrow('closed before the file was written');
  });

  it('fails the archive when a streamed entry fails', async () => {
    const out = new PassThrough();
    out.resume();
    const zip = new ZipWriter(out, 1);
    const sheet = zip.stream('a.xml');
    sheet.destroy(new Error('the rows could not be read'));
    await expect(zip.finish()).rejects.toThrow('the rows could not be read');
  });
});
