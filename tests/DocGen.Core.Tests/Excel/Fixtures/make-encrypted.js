// Makes encrypted.xlsx: a DocGen workbook re-saved by xlsx-populate (npm) with an opening password
// ("secret", ECMA-376 agile encryption), so the import test meets a real password-protected file.
// Usage: npm install xlsx-populate@1.21.0 && node make-encrypted.js IN.xlsx OUT.xlsx
const XlsxPopulate = require("xlsx-populate");
const [input, output] = process.argv.slice(2);
XlsxPopulate.fromFileAsync(input)
  .then(book => book.toFileAsync(output, { password: "secret" }))
  .catch(e => { console.error(e); process.exit(1); });
