// A streamed ZIP (what an XLSX is): deflated entries written one after the other straight to the
// output, each with a data descriptor, then the central directory. Node's own deflate and CRC-32
// do the work; archiver (exceljs's zip) passed every byte of a sheet through a JavaScript CRC and
// three layers of streams, holding megabytes between them. ZIP64 records are added only when an
// entry or the archive passes 4 GiB, as archiver did (PKWARE APPNOTE 6.3, sections 4.3–4.5).
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

const MAX32 = 0xffffffff;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const VERSION_ZIP64 = 45;
/** Output of the deflate handed over at once: fewer round trips to the thread pool than 16 KB. */
const DEFLATE_CHUNK = 256 << 10;

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** The input a streamed entry takes: a Buffer, text, or anything with toBuffer() (exceljs's StringBuf). */
export type EntryChunk = Buffer | string | { toBuffer(): Buffer };

/**
 * An entry's bytes as they are written; `write` returns false once `highWaterMark` bytes wait, and
 * calls back when the deflate has read the chunk (the writer may then reuse its buffer).
 */
export class ZipEntryStream extends Writable {
  /** exceljs pauses a sheet's stream as it opens it; there is nothing to pause here. */
  pause(): this {
    return this;
  }

  override write(chunk: EntryChunk, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : chunk.toBuffer();
    return typeof encoding === 'function' ? super.write(bytes, encoding) : super.write(bytes, callback);
  }
}

/** DOS time and date of `at` (local time, 2-second steps), as ZIP headers keep them. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * Resolves when `out` drains; fails if it closes or errs first. Plain listeners: nearly every
 * deflated chunk fills a file's stream, and once() with an AbortController to drop the loser made
 * an AbortError, stack and all, each time (1 % of a large export's main thread).
 */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('The XLSX output closed before the file was written'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  /** Entries are written in the order they were added, each after the one before. */
  private queue: Promise<void> = Promise.resolve();
  private failed: Error | undefined;

  constructor(
    private readonly out: Writable,
    private readonly level = constants.Z_DEFAULT_COMPRESSION,
  ) {}

  /** Adds an entry whose bytes are all known. */
  add(name: string, data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    return this.enqueue(async () => {
      const entry = this.openEntry(name);
      await entry.write(bytes);
      await entry.end();
    });
  }

  /**
   * An entry written through the stream returned, ended with `end()`. Its bytes wait in the
   * stream until the entries before it are written; `write` returns false past `highWaterMark`.
   */
  stream(name: string, highWaterMark = 1 << 20): ZipEntryStream {
    let started!: () => void;
    const turn = new Promise<void>((resolve) => (started = resolve));
    let entry: ReturnType<ZipWriter['openEntry']> | undefined;
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    const stream = new ZipEntryStream({
      highWaterMark,
      write: (chunk: Buffer, _encoding, callback) => {
        turn.then(() => (entry ??= this.openEntry(name)).write(chunk)).then(() => callback(), callback);
      },
      final: (callback) => {
        turn.then(() => (entry ??= this.openEntry(name)).end()).then(() => { ended(); callback(); }, callback);
      },
    });
    stream.on('error', (error) => { this.failed ??= error; ended(); });
    void this.enqueue(() => {
      started();
      return done;
    });
    return stream;
  }

  /** Writes the central directory after the last entry and ends the output. */
  async finish(): Promise<void> {
    await this.enqueue(async () => {
      const start = this.offset;
      for (const r of this.records) await this.put(this.centralHeader(r));
      const size = this.offset - start;
      const zip64 = this.records.length >= 0xffff || start >= MAX32 || size >= MAX32 || this.offset >= MAX32;
      if (zip64) {
        const end64 = this.offset;
        const record = Buffer.alloc(56);
        record.writeUInt32LE(0x06064b50, 0);
        record.writeBigUInt64LE(44n, 4);
        record.writeUInt16LE(VERSION_ZIP64, 12);
        record.writeUInt16LE(VERSION_ZIP64, 14);
        record.writeBigUInt64LE(BigInt(this.records.length), 24);
        record.writeBigUInt64LE(BigInt(this.records.length), 32);
        record.writeBigUInt64LE(BigInt(size), 40);
        record.writeBigUInt64LE(BigInt(start), 48);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(0x07064b50, 0);
        locator.writeBigUInt64LE(BigInt(end64), 8);
        locator.writeUInt32LE(1, 16);
        await this.put(Buffer.concat([record, locator]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(this.records.length, 0xffff), 8);
      end.writeUInt16LE(Math.min(this.records.length, 0xffff), 10);
      end.writeUInt32LE(Math.min(size, MAX32), 12);
      end.writeUInt32LE(Math.min(start, MAX32), 16);
      await this.put(end);
    });
    const closed = once(this.out, 'finish');
    this.out.end();
    await closed;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => {
      if (this.failed) throw this.failed;
      return work();
    });
    this.queue = next.catch((error: Error) => { this.failed ??= error; });
    return next;
  }

  /** Writes to the output, waiting when it is full; fails if it closes first (a download cancelled). */
  private async put(bytes: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error('The XLSX output closed before the file was written');
    this.offset += bytes.length;
    if (this.out.write(bytes)) return;
    await drained(this.out);
  }

  /** Starts an entry at the current offset: its local header, then a deflate into the output. */
  private openEntry(nameText: string) {
    // exceljs names its parts from the root ("/xl/workbook.xml"); a ZIP name has no leading slash.
    const name = Buffer.from(nameText.replace(/^\/+/, ''));
    const { time, date } = dosTime(new Date());
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt16LE(name.length, 26);
    const started = this.put(Buffer.concat([header, name]));
    const deflate = createDeflateRaw({ level: this.level, chunkSize: DEFLATE_CHUNK });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // The deflate's output goes on to the file; when the file is full the deflate waits.
    const copied = (async () => {
      await started;
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        compressed += piece.length;
        await this.put(piece);
      }
    })();
    copied.catch(() => undefined);
    return {
      /** Resolves when the deflate has read all of `chunk`: its buffer may then be used again. */
      write: async (chunk: Buffer) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        const read = new Promise<void>((resolve, reject) => deflate.write(chunk, (error) => (error ? reject(error) : resolve())));
        await Promise.race([read, copied.then(() => read)]);
      },
      end: async () => {
        deflate.end();
        await copied;
        const zip64 = size >= MAX32 || compressed >= MAX32;
        const descriptor = Buffer.alloc(zip64 ? 24 : 16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc, 4);
        if (zip64) {
          descriptor.writeBigUInt64LE(BigInt(compressed), 8);
          descriptor.writeBigUInt64LE(BigInt(size), 16);
        } else {
          descriptor.writeUInt32LE(compressed, 8);
          descriptor.writeUInt32LE(size, 12);
        }
        await this.put(descriptor);
        this.records.push({ name, crc, compressed, size, offset, time, date });
      },
    };
  }

  private centralHeader(r: CentralRecord): Buffer {
    // Sizes and offset past 4 GiB move to a ZIP64 extra field, the fixed fields saying 0xFFFFFFFF.
    const big = [r.size, r.compressed, r.offset].filter((n) => n >= MAX32);
    const extra = big.length ? Buffer.alloc(4 + 8 * big.length) : Buffer.alloc(0);
    if (big.length) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * big.length, 2);
      big.forEach((n, i) => extra.writeBigUInt64LE(BigInt(n), 4 + 8 * i));
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE((3 << 8) | (big.length ? VERSION_ZIP64 : VERSION), 4); // made by: Unix
    h.writeUInt16LE(big.length ? VERSION_ZIP64 : VERSION, 6);
    h.writeUInt16LE(FLAGS, 8);
    h.writeUInt16LE(DEFLATE, 10);
    h.writeUInt16LE(r.time, 12);
    h.writeUInt16LE(r.date, 14);
    h.writeUInt32LE(r.crc, 16);
    h.writeUInt32LE(Math.min(r.compressed, MAX32), 20);
    h.writeUInt32LE(Math.min(r.size, MAX32), 24);
    h.writeUInt16LE(r.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    h.writeUInt32LE(Math.min(r.offset, MAX32), 42);
    return Buffer.concat([h, r.name, extra]);
  }
}
