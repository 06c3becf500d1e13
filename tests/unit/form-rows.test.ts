import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv-parse';
import { parseFormDate } from '../../server/import/form-date';
import { formRows, readHeader } from '../../server/import/form-rows';
import { surveyDefsDir } from '../../server/paths';
import { addDays, vietnamDate } from '../../server/scoring/vietnam-time';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const defs = loadSurveyDefs(surveyDefsDir);
const sipas = defs.find((d) => d.id === 'sipas-2017')!;
const quick = defs.find((d) => d.id === 'counter-quick')!;
const rowsOf = (def = sipas, text: string) => {
  const [head, ...records] = parseCsv(text);
  return formRows(def, readHeader(def, head!.cells), records);
};

describe('parseFormDate', () => {
  it('reads ISO dates (start of the Vietnam day), date-times (Vietnam time unless an offset is given) and dd/mm/yyyy', () => {
    expect(parseFormDate('2026-03-15')).toBe('2026-03-14T17:00:00.000Z');
    expect(parseFormDate('15/03/2026')).toBe('2026-03-14T17:00:00.000Z');
    expect(parseFormDate('2026-03-15T09:30')).toBe('2026-03-15T02:30:00.000Z');
    expect(parseFormDate('2026-03-15 09:30:15')).toBe('2026-03-15T02:30:15.000Z');
    expect(parseFormDate('2026-03-15T09:30:00Z')).toBe('2026-03-15T09:30:00.000Z');
    expect(parseFormDate('2026-03-15T09:30:00+0100')).toBe('2026-03-15T08:30:00.000Z');
    for (const bad of ['2026-02-30', '31/02/2026', '2026-03-15T25:00', 'hôm qua', '03/15/2026', '']) expect(parseFormDate(bad), bad).toBeUndefined();
  });

  it('files every ISO date under that same Vietnam date', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20_000 }), (d) => {
      const date = addDays('2000-01-01', d);
      expect(vietnamDate(parseFormDate(date)!)).toBe(date);
    }));
  });
});

describe('formRows', () => {
  it('treats blank cells and missing columns as unanswered, and reads choices, lists and text', () => {
    const [row] = rowsOf(quick, 'submitted_at,unit,overall,reasons\n2026-03-02,MC-Q1,3,on_time|courteous');
    expect(row!.issues).toEqual([]);
    expect(row!.body).toMatchObject({ surveyId: 'counter-quick', channel: 'paper', unit: 'MC-Q1', answers: { overall: 3, reasons: ['on_time', 'courteous'] } });
    const [blank] = rowsOf(sipas, 'submitted_at,access_seats,gender,suggestion\n2026-03-02,,female, Cần thêm ghế ');
    expect(blank!.body!.answers).toEqual({ gender: 'female', suggestion: 'Cần thêm ghế' });
  });

  it('gives each row a stable id from its content; identical forms in one file stay distinct', () => {
    const text = 'submitted_at,unit,access_seats\n2026-03-02,MC-Q1,5\n2026-03-02,MC-Q1,5\n2026-03-02,MC-Q1,4';
    const ids = rowsOf(sipas, text).map((r) => r.body!.id);
    expect(new Set(ids).size).toBe(3);
    expect(rowsOf(sipas, text).map((r) => r.body!.id)).toEqual(ids);
    // Another row inserted before them does not change their ids.
    const moved = rowsOf(sipas, 'submitted_at,unit,access_seats\n2026-03-01,TTCK,1\n2026-03-02,MC-Q1,5\n2026-03-02,MC-Q1,5\n2026-03-02,MC-Q1,4');
    expect(moved.slice(1).map((r) => r.body!.id)).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reports what is wrong with a row, and a header the file cannot be read with', () => {
    const [row] = rowsOf(sipas, 'id,submitted_at,channel,colour\nabc,yesterday,fax,blue');
    expect(row!.issues.map((i) => i.column)).toEqual(['colour', 'submitted_at', 'channel', 'id']);
    expect(rowsOf(sipas, 'submitted_at,unit\n2026-03-02')[0]!.issues).toEqual([{ column: '(row)', message: 'has 1 cells; the header has 2' }]);
    expect(readHeader(sipas, ['unit', 'unit', '']).problems).toEqual(['column "unit" appears more than once', 'a column has no name', 'the column "submitted_at" is missing']);
  });

  it('reads the words staff type as well as the codes, and only paper forms', () => {
    const text = [
      'submitted_at,channel,access_seats,off_polite,proc_time,gender,submission_channel,age_band,informal_payment',
      '2026-03-02,Giấy,Rất hài lòng,KHÔNG CÓ Ý KIẾN,  hài   lòng ,Nữ,Trực tiếp,Từ 25 đến 34 tuổi,không',
      '2026-03-02,,Very satisfied,no opinion,2,Female,online,a25_34,Có',
      '2026-03-02,kiosk,Rat hai long,,,Nu,Trực,,',
    ].join('\n');
    const [typed, english, wrong] = rowsOf(sipas, text);
    expect(typed!.body!.answers).toEqual({ access_seats: 5, off_polite: 0, proc_time: 4, gender: 'female', submission_channel: 'in_person', age_band: 'a25_34', informal_payment: 'no' });
    expect(typed!.body!.channel).toBe('paper');
    expect(english!.body!.answers).toEqual({ access_seats: 5, off_polite: 0, proc_time: 2, gender: 'female', submission_channel: 'online', age_band: 'a25_34', informal_payment: 'yes' });
    // A claimed kiosk answer is refused; words without their tone marks are passed on as typed,
    // for the answer check to refuse ("Trực" starts two options: "Trực tiếp …" and "Trực tuyến …").
    expect(wrong!.issues).toEqual([{ column: 'channel', message: '"kiosk": an import holds paper forms only (leave the column empty or write paper)' }]);
    const [loose] = rowsOf(sipas, 'submitted_at,access_seats,gender,submission_channel\n2026-03-02,Rat hai long,Nu,Trực');
    expect(loose!.body!.answers).toEqual({ access_seats: 'Rat hai long', gender: 'Nu', submission_channel: 'Trực' });
  });

  it('never throws on whatever a cell holds: each row is a body or a list of issues', () => {
    const columns = ['id', 'submitted_at', 'unit', 'channel', 'access_seats', 'reasons', 'gender', 'suggestion', 'colour'];
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '0', '5', '6', '-1', '2026-03-02', 'male', 'kiosk', 'on_time;late'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 10 }), (rows) => {
        const out = formRows(sipas, readHeader(sipas, columns), rows.map((cells, i) => ({ line: i + 2, cells })));
        expect(out).toHaveLength(rows.length);
        for (const row of out) {
          expect(Boolean(row.body) !== row.issues.length > 0).toBe(true);
          if (row.body) expect(Object.keys(row.body.answers).every((k) => columns.includes(k) && k !== 'colour')).toBe(true);
        }
      }),
    );
  });
});
