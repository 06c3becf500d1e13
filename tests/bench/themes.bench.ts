// Themes over 100,000 suggestion texts: tagging throughput (pure, and stored with its tags), the
// re-tagging an admin's lexicon edit sets off, and the dashboard query, each beside a bare read of
// the same texts in the same run. Prints figures; never fails on time.
import { storeTexts, retagAll } from '../../server/repos/theme-texts';
import { currentCompiledLexicon } from '../../server/repos/theme-lexicon';
import type { NewThemeTextRow } from '../../server/db/tables/themes';
import { addDays } from '../../server/scoring/vietnam-time';
import { shippedLexicon } from '../../server/themes/shipped-lexicon';
import { compileLexicon, tagText } from '../../server/themes/tag-text';
import { themeReport } from '../../server/themes/theme-report';
import { createTestDatabase, type Dialect } from '../helpers/test-database';
import type { Benchmark } from './index';

const TEXTS = 100_000;
const RUNS = 5;
const UNITS = ['MC-Q1', 'MC-Q2', 'QLDT', 'QHXD', 'DNLD', 'TTCK'];
const MONTH = { from: '2026-03-01', to: '2026-03-31' };

// Pieces of what people write, with and without tone marks, some with a typo.
const OPENINGS = ['Cán bộ', 'can bo', 'Tôi thấy', 'Đề nghị', 'Mong', 'Hôm nay', 'Lần sau', 'Nói chung'];
const MIDDLES = [
  'phải chờ đợi quá lâu', 'xep hang tu sang', 'thái độ cáu gắt', 'rất nhiệt tình', 'nhieet tinh và chu đáo', 'giấy tờ rườm rà', 'phải bổ sung hồ sơ nhiều lần',
  'bị gợi ý tiền bồi dưỡng', 'trễ hẹn hai tuần', 'thiếu ghế ngồi', 'phòng chờ nóng bức', 'nộp trực tuyến bị lỗi hệ thống', 'hướng dẫn chưa rõ ràng',
  'huong dan tan tinh', 'mọi việc bình thường', 'không có ý kiến gì thêm', 'làm việc nhanh gọn', 'cần niêm yết công khai hơn',
];
const ENDINGS = ['', '.', ', cảm ơn.', ' nhé!', ', mong cải thiện.', ' và cần thêm quạt.'];

function syntheticTexts(): Omit<NewThemeTextRow, 'id'>[] {
  let seed = 15;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: TEXTS }, (_, i) => {
    const localDate = addDays('2026-01-01', Math.floor(next() * 181));
    const rated = next() < 0.9;
    const text = `${pick(OPENINGS)} ${pick(MIDDLES)}${next() < 0.4 ? `, ${pick(MIDDLES)}` : ''}${pick(ENDINGS)}`;
    return {
      source: 'response', source_id: `bench-${i}`, question_id: 'suggestion', survey_id: 'sipas-2017', unit_code: UNITS[i % UNITS.length]!, procedure_code: '',
      official_code: '', channel: 'kiosk', local_date: localDate, submitted_at: `${localDate}T03:00:00.000Z`, flagged: 0, verified: 1,
      rated: rated ? 1 : 0, dissatisfied: rated && next() < 0.2 ? 1 : 0, text,
    };
  });
}

async function medianMs(work: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return Number(times.sort((a, b) => a - b)[runs >> 1]!.toFixed(1));
}

async function measure(dialect: Dialect, texts: Omit<NewThemeTextRow, 'id'>[]) {
  const database = await createTestDatabase(dialect, { seed: false });
  const db = database.handle.db;
  try {
    const now = new Date('2026-07-01T00:00:00Z');
    const lexicon = await currentCompiledLexicon(db);
    const storeStarted = performance.now();
    for (let i = 0; i < texts.length; i += 5000) await db.transaction().execute((trx) => storeTexts(trx, texts.slice(i, i + 5000), now, lexicon));
    const storeMs = performance.now() - storeStarted;
    const filter = { surveyId: 'sipas-2017', units: null, includeFlagged: false, includeUnverified: false, ...MONTH };
    return {
      storeMs: Number(storeMs.toFixed(1)),
      baselineAll: await medianMs(() => db.selectFrom('theme_texts').select(['id', 'text']).execute()),
      retag: await medianMs(() => db.transaction().execute((trx) => retagAll(trx, shippedLexicon(), now)), 1),
      baselineMonth: await medianMs(() => db.selectFrom('theme_texts').select(['id', 'text', 'rated', 'dissatisfied']).where('survey_id', '=', 'sipas-2017').where('local_date', '>=', MONTH.from).where('local_date', '<=', MONTH.to).execute()),
      report: await medianMs(() => themeReport(db, shippedLexicon(), filter, null)),
      reportUnit: await medianMs(() => themeReport(db, shippedLexicon(), { ...filter, units: ['QLDT'] }, null)),
      tagged: Number((await db.selectFrom('text_themes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    };
  } finally {
    await database.destroy();
  }
}

export const themesBenchmark: Benchmark = {
  name: 'themes',
  description: `theme tagging and the themes dashboard query over ${TEXTS.toLocaleString('en')} suggestion texts, median of ${RUNS}`,
  async run(log) {
    const texts = syntheticTexts();
    const compiled = compileLexicon(shippedLexicon());
    const pure = await medianMs(() => {
      for (const t of texts) tagText(compiled, t.text);
    });
    const perSecond = Math.round(TEXTS / (pure / 1000));
    log(`pure tagging (no storage)               ${String(pure).padStart(7)} ms   (${perSecond.toLocaleString('en')} texts/s)`);
    const figures: Record<string, number> = { themes_tag_pure_ms: pure, themes_tag_per_s: perSecond };
    for (const dialect of process.env.SIPAS_TEST_PG ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
      const m = await measure(dialect, texts);
      log(`${dialect.padEnd(8)} baseline: bare read of every text     ${String(m.baselineAll).padStart(7)} ms`);
      log(`${dialect.padEnd(8)} store + tag every text (5,000 a txn) ${String(m.storeMs).padStart(7)} ms   (${Math.round(TEXTS / (m.storeMs / 1000)).toLocaleString('en')} texts/s, ${m.tagged.toLocaleString('en')} tags)`);
      log(`${dialect.padEnd(8)} re-tag every text (a lexicon edit)   ${String(m.retag).padStart(7)} ms   (${(m.retag / m.baselineAll).toFixed(2)} × baseline)`);
      log(`${dialect.padEnd(8)} baseline: bare read of a month's texts ${String(m.baselineMonth).padStart(5)} ms`);
      log(`${dialect.padEnd(8)} themes dashboard, all units, a month ${String(m.report).padStart(7)} ms   (${(m.report / m.baselineMonth).toFixed(2)} × baseline)`);
      log(`${dialect.padEnd(8)} themes dashboard, one unit, a month  ${String(m.reportUnit).padStart(7)} ms`);
      const p = dialect === 'sqlite' ? 'themes' : 'themes_pg';
      Object.assign(figures, {
        [`${p}_baseline_read_ms`]: m.baselineAll, [`${p}_store_tag_ms`]: m.storeMs, [`${p}_retag_ms`]: m.retag,
        [`${p}_baseline_month_ms`]: m.baselineMonth, [`${p}_report_ms`]: m.report, [`${p}_report_one_unit_ms`]: m.reportUnit,
      });
    }
    return figures;
  },
};
