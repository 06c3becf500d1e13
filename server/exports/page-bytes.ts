// A page of an export as UTF-8, written line by line. Joining a page's lines into one string and
// encoding that made V8 flatten a string of thousands of pieces first: a fifth of a large CSV
// export's time went there. Each line is encoded into the page's buffer as it comes instead.

const encoder = new TextEncoder();
/** A UTF-16 code unit never takes more than 3 bytes of UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

export class PageBytes {
  private buffer: Uint8Array;
  private used = 0;

  /** `capacity`: the first page's bytes; each next page starts as large as the last one grew. */
  constructor(private capacity = 64 * 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  add(text: string): void {
    const needed = this.used + text.length * MAX_BYTES_PER_UNIT;
    if (needed > this.buffer.length) {
      this.capacity = Math.max(needed, this.buffer.length * 2);
      const larger = new Uint8Array(this.capacity);
      larger.set(this.buffer.subarray(0, this.used));
      this.buffer = larger;
    }
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  /** The page's bytes; the next line starts a new page. */
  take(): Uint8Array {
    const page = this.buffer.subarray(0, this.used);
    this.buffer = new Uint8Array(this.capacity);
    this.used = 0;
    return page;
  }
}
