// The template an office fills in: three named sheets, Vietnamese headers, an example row each,
// drop-down lists where a wrong value would be refused, and what it states reads back unchanged.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { organisationWorkbook, TEMPLATE_EXAMPLE } from '../../server/organisation/organisation-workbook';
import { readOrganisationFile } from '../../server/organisation/read-organisation-file';

describe('the organisation workbook', () => {
  it('has the three sheets with Vietnamese headers, example rows and drop-down lists', async () => {
    const bytes = await organisationWorkbook(TEMPLATE_EXAMPLE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Thủ tục', 'Cán bộ']);
    const units = workbook.getWorksheet('Đơn vị')!;
    expect(units.getRow(1).values).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', 'Tên tiếng Anh', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Thứ tự', 'Đang hoạt động']);
    expect(units.getCell('A2').value).toBe('TTHCC');
    expect(workbook.getWorksheet('Thủ tục')!.getCell('A2').value).toBe('1.001234'); // text, not the number 1.001234
    // Far below the examples, where an office adds its own rows.
    expect(units.getCell('D500').dataValidation).toMatchObject({ type: 'list', formulae: ['"agency,office,department,centre,counter"'] });
    expect(units.getCell('G500').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(units.getCell('E500').dataValidation).toMatchObject({ type: 'list', formulae: ["'Đơn vị'!$A$2:$A$2000"] });
    expect(workbook.getWorksheet('Cán bộ')!.getCell('D9').dataValidation).toMatchObject({ type: 'list', formulae: ["'Đơn vị'!$A$2:$A$2000"] });
    expect(units.getCell('B500').dataValidation).toBeUndefined();
  });

  it('reads back as the state it was written from', async () => {
    const read = await readOrganisationFile(await organisationWorkbook(TEMPLATE_EXAMPLE), 'to-chuc.xlsx');
    expect(read.refusals).toEqual([]);
    expect({ units: read.file.units.map((l) => l.entry), procedures: read.file.procedures.map((l) => l.entry), officials: read.file.officials.map((l) => l.entry) }).toEqual(TEMPLATE_EXAMPLE);
  });
});
