import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { probeCfb } from '../../../../main/core/import/read/cfbProbe';
import { sniffContainer } from '../../../../main/core/import/read/sniff';
import { readZipDirectory } from '../../../../main/core/import/read/zipDirectory';
import {
  encryptedXlsx,
  xlsFile,
  xlsxFile,
  zipArchive,
  zipParts,
} from '../../../support/spreadsheets';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('telling containers apart by their bytes', () => {
  it('goes by magic bytes, not by the name', () => {
    expect(sniffContainer(xlsxFile([{ name: 'S', rows: [['a']] }])).kind).toBe('zip');
    expect(sniffContainer(xlsFile([{ name: 'S', rows: [['a']] }])).kind).toBe('cfb');
    expect(sniffContainer(ascii('ICCID\n8901\n')).kind).toBe('text');
  });

  it('names the files customers send by mistake', () => {
    expect(sniffContainer(ascii('%PDF-1.7\n...'))).toEqual({
      kind: 'other',
      what: 'a PDF document',
    });
    expect(sniffContainer(ascii('\uFEFF<!DOCTYPE html><table>'))).toMatchObject({
      what: 'a web page (HTML) saved under a spreadsheet name',
    });
    expect(
      sniffContainer(
        ascii(
          '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
        ),
      ),
    ).toMatchObject({
      what: 'an Excel 2003 XML spreadsheet',
    });
  });

  it('finds what a compound file holds from its directory', () => {
    expect(probeCfb(xlsFile([{ name: 'S', rows: [['a']] }]))).toBe('workbook');
    expect(probeCfb(encryptedXlsx())).toBe('encrypted');
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(600));
    expect(probeCfb(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }))).toEqual({
      what: 'a Word document (.doc)',
    });
  });
});

describe("reading a zip's table of contents strictly", () => {
  const workbook = () => xlsxFile([{ name: 'Devices', rows: [['ICCID'], ['8901']] }]);
  const partsOf = (zip: Uint8Array) => [...zipParts(zip)].map(([name, data]) => ({ name, data }));

  it('lists the parts of a real workbook with their sizes', () => {
    const entries = readZipDirectory(workbook(), 100);
    expect(Array.isArray(entries)).toBe(true);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'xl/workbook.xml', method: 8 }),
        expect.objectContaining({ name: '[Content_Types].xml' }),
      ]),
    );
  });

  it('refuses more parts than allowed', () => {
    expect(readZipDirectory(workbook(), 3)).toMatchObject({
      problem: 'odd',
      detail: expect.stringContaining('at most 3'),
    });
  });

  it('refuses a part listed twice, parts that overlap, and headers that disagree', () => {
    const parts = partsOf(workbook());
    expect(readZipDirectory(zipArchive([...parts, parts[0]!]), 100)).toMatchObject({
      problem: 'odd',
      detail: expect.stringContaining('twice'),
    });

    const zip = zipArchive(parts);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const directory = view.getUint32(zip.byteLength - 22 + 16, true);
    const second = directory + 46 + view.getUint16(directory + 28, true);
    const overlapping = zip.slice();
    new DataView(overlapping.buffer).setUint32(
      second + 42,
      view.getUint32(directory + 42, true),
      true,
    );
    expect(readZipDirectory(overlapping, 100)).toMatchObject({ problem: 'odd' });

    const disagreeing = zip.slice();
    new DataView(disagreeing.buffer).setUint32(directory + 24, 1, true);
    expect(readZipDirectory(disagreeing, 100)).toMatchObject({
      problem: 'odd',
      detail: expect.stringContaining('disagree'),
    });
  });

  it('refuses ZIP64, encrypted parts and unknown compression', () => {
    const zip = zipArchive(partsOf(workbook()));
    const end = zip.byteLength - 22;
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(end + 16, 0xffffffff, true);
    expect(readZipDirectory(zip64, 100)).toEqual({ problem: 'odd', detail: 'ZIP64' });

    const directory = new DataView(zip.buffer, zip.byteOffset).getUint32(end + 16, true);
    const encrypted = zip.slice();
    new DataView(encrypted.buffer).setUint16(directory + 8, 1, true);
    expect(readZipDirectory(encrypted, 100)).toMatchObject({ problem: 'encrypted' });

    const lzma = zip.slice();
    new DataView(lzma.buffer).setUint16(directory + 10, 14, true);
    expect(readZipDirectory(lzma, 100)).toMatchObject({
      problem: 'odd',
      detail: expect.stringContaining('compression method 14'),
    });
  });

  it('calls a cut-short zip damaged', () => {
    const zip = workbook();
    expect(readZipDirectory(zip.slice(0, zip.byteLength - 30), 100)).toMatchObject({
      problem: 'damaged',
    });
  });
});
