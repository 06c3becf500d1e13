// The CSV and XLSX exports read each response's answers straight from their JSON text (answer-cells.ts)
// instead of JSON.parse: whatever the text, a record must be exactly what the parsing writer
// (responseCsvLine) makes of it, and the quick reading must really be the one used for the form
// JSON.stringify writes, or the export is slow again without any test noticing.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerCells, answerValues } from '../../server/exports/answer-cells';
import { answerIdsOf, responseColumns, responseCsvLine, responseCsvLines } from '../../server/exports/response-columns';
import type { ExportRow } from '../../server/repos/response-pages';
import { surveyDefsDir } from '../../server/paths';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const def = loadSurveyDefs(surveyDefsDir).find((d) => d.id === 'sipas-2017')!;
const anonymous = responseColumns(def, 'anonymous');
const detailed = responseColumns(def, 'detailed');
const ids = answerIdsOf(anonymous);

const row = (answers: string): ExportRow => ({
  id: 'e8317fd3-5bd3-4e08-8a93-352e5065edab', submitted_at: '2026-03-02T01:00:00.000Z', local_date: '2026-03-02', survey_version: 1,
  unit_code: 'MC-Q1', procedure_code: '=HT-01', official_code: 'CB-01', channel: 'kiosk', flagged: 0, answers,
});

/** What a writer or reader makes of the text, or the error it throws. */
function outcome<T>(read: () => T): T | Error {
  try {
    return read();
  } catch (error) {
    return error as Error;
  }
}
const parsed = (columns: typeof anonymous, answers: string) => outcome(() => responseCsvLine(columns, row(answers)));
const quick = (columns: typeof anonymous, answers: string) => outcome(() => responseCsvLines(columns)(row(answers)));

// Texts a citizen may type: quotes, backslashes, line breaks and other control characters, formula
// starts, separators, Vietnamese, a lone surrogate.
const textUnit = fc.constantFrom('a', 'ệ', 'Đ', '"', '\\', '\n', '\r', '\t', '\u0001', '\u001f', ',', ';', '|', ' ', '=', '+', '-', '@', '[', ']', '{', '}', ':', '\u2028', '\ud800', '😀', '0', '9');
const text = fc.string({ unit: textUnit, maxLength: 12 });
const number = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, 1e-7, -0, 0.1));
const value = fc.oneof(number, text, fc.array(text, { maxLength: 4 }));
const key = fc.oneof(fc.constantFrom(...ids), text);
const flatAnswers = fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 40 }).map((entries) => Object.fromEntries(entries));
/** Text in any other form than the flat one: spaces, any JSON, flat answers with a piece cut in. */
const otherText = fc.oneof(
  fc.json(),
  flatAnswers.map((a) => JSON.stringify(a, null, 1)),
  fc.tuple(flatAnswers, fc.nat(), fc.constantFrom(' ', '"', ',', '}', ']', '\\', 'null', 'true', '{}', '[1]', '')).map(([a, at, cut]) => {
    const json = JSON.stringify(a);
    const i = at % (json.length + 1);
    return json.slice(0, i) + cut + json.slice(i);
  }),
);

describe('the CSV records read from the answers\' text', () => {
  it('are the parsing writer\'s, for every flat answers object, and are read without it', () => {
    const cells = new AnswerCells(ids, String);
    fc.assert(fc.property(flatAnswers, fc.boolean(), (answers, isDetailed) => {
      const json = JSON.stringify(answers);
      const columns = isDetailed ? detailed : anonymous;
      expect(quick(columns, json)).toEqual(parsed(columns, json));
      // A key JSON writes with an escape (a lone surrogate, a quote) is left to JSON.parse.
      const plainKeys = Object.keys(answers).every((k) => JSON.stringify(k) === `"${k}"`);
      expect(cells.read(json, cells.empty())).toBe(plainKeys);
    }), { numRuns: 3000 });
  });

  it('are the parsing writer\'s (or its error) for any other text: spaces, nesting, null, broken JSON', () => {
    fc.assert(fc.property(otherText, (json) => {
      const want = parsed(anonymous, json);
      const got = quick(anonymous, json);
      if (want instanceof Error) expect(got).toBeInstanceOf(Error);
      else expect(got).toBe(want);
    }), { numRuns: 3000 });
  });

  it('are the parsing writer\'s for columns in another layout: an answer column twice, a fact after the answers', () => {
    const last = anonymous.at(-1)!;
    const twice = [...anonymous, last];
    const factLast = [...anonymous, anonymous[0]!];
    fc.assert(fc.property(flatAnswers, (answers) => {
      const json = JSON.stringify({ ...answers, [last.answerId!]: 'Góp ý' });
      expect(quick(twice, json)).toEqual(parsed(twice, json));
      expect(quick(factLast, json)).toEqual(parsed(factLast, json));
    }), { numRuns: 300 });
  });

  it('are the parsing writer\'s row after row, as one export writes them: the facts change, repeat and come back', () => {
    // The writer keeps each fact's last cell (response-columns.ts, repeatedCell): a stale one would
    // put a row under the unit, date or procedure of the row before it.
    const facts = fc.record({
      id: fc.uuid(),
      local_date: fc.constantFrom('2026-03-01', '2026-03-02'),
      survey_version: fc.constantFrom(1, 2),
      unit_code: fc.constantFrom('MC-Q1', 'MC-Q2', '@MC'),
      procedure_code: fc.constantFrom('HT-01', '=HT-01', ''),
      official_code: fc.constantFrom('CB-01', ''),
      channel: fc.constantFrom('kiosk', 'paper'),
      flagged: fc.constantFrom(0, 1),
    });
    fc.assert(fc.property(fc.array(fc.tuple(facts, flatAnswers), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, isDetailed) => {
      const columns = isDetailed ? detailed : anonymous;
      const write = responseCsvLines(columns);
      for (const [fields, answers] of rows) {
        const exported: ExportRow = { ...fields, submitted_at: `${fields.local_date}T01:00:00.000Z`, answers: JSON.stringify(answers) };
        expect(write(exported)).toBe(responseCsvLine(columns, exported));
      }
    }), { numRuns: 500 });
  });

  it('writes an answered questionnaire as the export always did', () => {
    const json = JSON.stringify({ access_seats: 4, off_polite: 0, gender: 'female', age_band: ['a18_24', 'a25_34'], suggestion: 'Cần "thêm" ghế,\nbàn' });
    const line = responseCsvLines(anonymous)(row(json));
    expect(line.startsWith("e8317fd3-5bd3-4e08-8a93-352e5065edab,2026-03-02,1,MC-Q1,'=HT-01,kiosk,0,4,")).toBe(true);
    expect(line.endsWith(',female,a18_24|a25_34,,"Cần ""thêm"" ghế,\nbàn"\r\n')).toBe(true);
    expect(line).toBe(responseCsvLine(anonymous, row(json)));
  });
});

describe('the answers the XLSX export reads by position', () => {
  const valuesOf = answerValues(ids);
  /** What JSON.parse makes of the text, by column: the value under each id, null where there is none. */
  const parsedValues = (json: string) => {
    const answers = JSON.parse(json) as Record<string, unknown>;
    return ids.map((id) => (Object.hasOwn(answers, id) ? answers[id] : null));
  };
  afterEach(() => vi.restoreAllMocks());

  it('are what JSON.parse makes of the text, for flat answers and for any other text (or its error)', () => {
    fc.assert(fc.property(fc.oneof(flatAnswers.map((a) => JSON.stringify(a)), otherText), (json) => {
      const want = outcome(() => parsedValues(json));
      const got = outcome(() => valuesOf(json));
      if (want instanceof Error) expect(got).toBeInstanceOf(Error);
      else expect(got).toEqual(want);
    }), { numRuns: 3000 });
  });

  it('are read without JSON.parse when stored as the server stores them', () => {
    // The form JSON.stringify writes of ratings, choices and plain texts: parsed, a million-row
    // export was a fifth slower (tests/bench/NOTES.md).
    const plainText = fc.string({ unit: fc.constantFrom('a', 'ệ', 'Đ', ' ', ',', '0', '😀'), maxLength: 12 });
    const stored = fc.uniqueArray(fc.tuple(fc.constantFrom(...ids), fc.oneof(fc.integer({ min: 0, max: 5 }), plainText, fc.array(plainText, { maxLength: 3 }))), { selector: ([k]) => k, maxLength: 40 });
    // Watched, not replaced: JSON.parse still parses.
    const parse = vi.spyOn(JSON, 'parse');
    fc.assert(fc.property(stored, (entries) => {
      const json = JSON.stringify(Object.fromEntries(entries));
      parse.mockClear();
      const values = valuesOf(json);
      expect(parse).not.toHaveBeenCalled();
      expect(values).toEqual(parsedValues(json));
    }), { numRuns: 500 });
  });
});
