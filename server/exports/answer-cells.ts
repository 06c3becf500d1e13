// The answers of a stored response are JSON text ({"access_seats":4,"gender":"female",…}). A CSV
// export of a million responses spent most of its time in JSON.parse making an object of each,
// only to read its values back out. This reads the text once, left to right, straight into the
// export's cells: the CSV's fields, or the values in column order that the XLSX's columns read
// (answerValues). It knows only the flat form JSON.stringify writes for answers (numbers, texts,
// lists of texts, no spaces); for anything else it says so, and the caller parses the text (as
// repos/count-entries.ts does for the tally rows' counts, a form of integers only).
import type { AnswerValue } from '../../survey-defs/check-answers';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** A number exactly as JSON writes one; anything else (NaN, hex, a space) goes to JSON.parse. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The cells of the answer columns `ids`, read from answers' JSON text; `cellOf` writes each (a CSV
 * field, or the value itself for the XLSX: answerValues below). `blank` is an unanswered column's.
 */
export class AnswerCells<Cell extends string | AnswerValue | null = string> {
  private readonly column: ReadonlyMap<string, number>;
  /** Each column's id as its key is written, in quotes. */
  private readonly quoted: readonly string[];
  /**
   * The cells of the answers 0 to 9, written once: nearly every answer of a questionnaire is a
   * rating, and its one digit then needs no slice, no number and no call to `cellOf`.
   */
  private readonly digitCells: readonly Cell[];
  /** Where the value `cell` last read ends (kept here, not in an object made for every answer). */
  private end = 0;

  /** `cellOf` must write the same cell for the same value (it is asked once for each digit). */
  constructor(
    private readonly ids: readonly string[],
    private readonly cellOf: (value: AnswerValue) => Cell,
    private readonly blank: Cell = '' as Cell,
  ) {
    this.column = new Map(ids.map((id, k) => [id, k]));
    this.quoted = ids.map((id) => `"${id}"`);
    this.digitCells = Array.from({ length: 10 }, (_, digit) => cellOf(digit));
  }

  /** One blank cell per column: what an unanswered question is written as. */
  empty(): Cell[] {
    return new Array<Cell>(this.ids.length).fill(this.blank);
  }

  /**
   * Writes into `cells` the cell of every answer `json` holds for a column (others are skipped).
   * Answers false, with `cells` part written, when the text is not in the flat form.
   */
  read(json: string, cells: Cell[]): boolean {
    if (json.charCodeAt(0) !== OPEN_BRACE) return false;
    let i = 1;
    if (json.charCodeAt(i) === CLOSE_BRACE) return i === json.length - 1;
    // Answers are stored in the questionnaire's order: the next column's id is tried first.
    let next = 0;
    for (;;) {
      if (json.charCodeAt(i) !== QUOTE) return false;
      let k: number | undefined;
      // The expected key, quoted, found where this key starts. indexOf compares it natively, quicker
      // than code unit by code unit (and than startsWith); as a key of another length ends
      // elsewhere, the closing quote checked first spares nearly every search that would fail.
      const quoted = this.quoted[next];
      if (quoted !== undefined && json.charCodeAt(i + quoted.length - 1) === QUOTE && json.indexOf(quoted, i) === i) {
        k = next;
        i += quoted.length;
      } else {
        const end = json.indexOf('"', i + 1);
        if (end < 0) return false;
        const key = json.slice(i + 1, end);
        if (key.includes('\\')) return false;
        k = this.column.get(key);
        i = end + 1;
      }
      if (json.charCodeAt(i) !== COLON) return false;
      const cell = this.cell(json, i + 1, k !== undefined);
      if (cell === undefined) return false;
      if (k !== undefined) {
        cells[k] = cell;
        next = k + 1;
      }
      i = this.end;
      const after = json.charCodeAt(i);
      if (after === CLOSE_BRACE) return i === json.length - 1;
      if (after !== COMMA) return false;
      i++;
    }
  }

  /**
   * The cell of the value starting at `i` (`blank` when `wanted` is false: its column is not
   * exported), or undefined when the value is not in the flat form; `this.end` is then where the
   * value ends.
   */
  private cell(json: string, i: number, wanted: boolean): Cell | undefined {
    const first = json.charCodeAt(i);
    const after = json.charCodeAt(i + 1);
    if (first >= DIGIT_0 && first <= DIGIT_9 && (after === COMMA || after === CLOSE_BRACE)) {
      this.end = i + 1;
      return this.digitCells[first - DIGIT_0];
    }
    const read = this.value(json, i);
    if (!read) return undefined;
    this.end = read.end;
    return wanted ? this.cellOf(read.value) : this.blank;
  }

  /** The value starting at `i`, and where it ends. */
  private value(json: string, i: number): { value: AnswerValue; end: number } | undefined {
    const first = json.charCodeAt(i);
    if (first === QUOTE) return jsonString(json, i);
    if (first === OPEN_BRACKET) {
      const options: string[] = [];
      let j = i + 1;
      if (json.charCodeAt(j) !== CLOSE_BRACKET) {
        for (;;) {
          const text = jsonString(json, j);
          if (!text) return undefined;
          options.push(text.value);
          j = text.end;
          if (json.charCodeAt(j) === CLOSE_BRACKET) break;
          if (json.charCodeAt(j) !== COMMA) return undefined;
          j++;
        }
      }
      return { value: options, end: j + 1 };
    }
    let end = i;
    while (end < json.length && json.charCodeAt(end) !== COMMA && json.charCodeAt(end) !== CLOSE_BRACE) end++;
    const token = json.slice(i, end);
    return JSON_NUMBER.test(token) ? { value: Number(token), end } : undefined;
  }
}

/**
 * Each row's answers in the order of `ids`, null where unanswered, for the XLSX export, whose
 * columns read them by position: making an object of every row's answers with JSON.parse cost a
 * sixth of a million-row export's time (tests/bench/NOTES.md). Text in any other form than the
 * flat one is parsed, and reads the same.
 */
export function answerValues(ids: readonly string[]): (json: string) => (AnswerValue | null)[] {
  const cells = new AnswerCells<AnswerValue | null>(ids, (value) => value, null);
  return (json) => {
    const values = cells.empty();
    if (cells.read(json, values)) return values;
    const answers = JSON.parse(json) as Record<string, AnswerValue>;
    return ids.map((id) => (Object.hasOwn(answers, id) ? answers[id]! : null));
  };
}

/** The JSON string starting at the quote at `i`: its value, and the index after its closing quote. */
function jsonString(json: string, i: number): { value: string; end: number } | undefined {
  if (json.charCodeAt(i) !== QUOTE) return undefined;
  let escaped = false;
  for (let j = i + 1; j < json.length; j++) {
    const c = json.charCodeAt(j);
    if (c === QUOTE) return { value: escaped ? (JSON.parse(json.slice(i, j + 1)) as string) : json.slice(i + 1, j), end: j + 1 };
    if (c === BACKSLASH) {
      escaped = true;
      j++;
    } else if (c < 0x20) {
      return undefined; // not valid JSON: JSON.parse says so
    }
  }
  return undefined;
}
