import { execFile } from 'node:child_process';

// pdf-parse (pdf.js) starts its worker with a dynamic import(), which Jest's module sandbox refuses.
// A plain Node process reads the PDF instead: the text is what any PDF reader would extract.
const READ_PDF = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const { PDFParse } = require(process.argv[1]);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});`;

/** The text a PDF reader extracts from `pdf`, and its page count. */
export function pdfText(pdf: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ_PDF, require.resolve('pdf-parse')], { maxBuffer: 32 * 1024 * 1024, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`reading the PDF failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin?.end(Buffer.from(pdf));
  });
}
