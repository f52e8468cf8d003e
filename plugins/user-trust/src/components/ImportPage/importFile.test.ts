import { detectFormat, readImportFile } from './importFile';

describe('detectFormat', () => {
  it('goes by the extension, else by the content', () => {
    expect(detectFormat('cases.JSON', 'id,kind')).toBe('json');
    expect(detectFormat('cases.csv', '[1]')).toBe('csv');
    expect(detectFormat('cases.tsv', 'id\tkind')).toBe('csv');
    expect(detectFormat('export', '  \n[{"id": 1}]')).toBe('json');
    expect(detectFormat('export.txt', 'id,kind')).toBe('csv');
  });
});

describe('readImportFile', () => {
  it('reads UTF-8 without its byte order mark', async () => {
    const file = new File(['\uFEFFid,Größe\n1,2\n'], 'cases.csv');
    await expect(readImportFile(file, 7)).resolves.toEqual({
      id: 7,
      name: 'cases.csv',
      size: file.size,
      format: 'csv',
      text: 'id,Größe\n1,2\n',
    });
  });

  it('refuses text that is not UTF-8, and empty files', async () => {
    const latin1 = new File(
      [new Uint8Array([0x69, 0x64, 0x0a, 0xe9])],
      'a.csv',
    );
    await expect(readImportFile(latin1, 1)).resolves.toEqual({
      error: expect.stringMatching(/^a\.csv is not UTF-8 text/),
    });
    await expect(
      readImportFile(new File([' \n'], 'b.csv'), 2),
    ).resolves.toEqual({ error: 'b.csv is empty.' });
  });
});
