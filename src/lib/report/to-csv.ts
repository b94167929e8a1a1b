/** One CSV cell: numbers are written as-is, `null` as an empty cell, strings quoted when needed. */
export type CsvCell = string | number | null;

/** Quote a cell per RFC 4180 when it holds a comma, quote, CR or LF. Non-finite numbers become empty. */
function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Build an RFC 4180 CSV text (CRLF line ends) from a header row and data rows.
 * @throws {RangeError} when a row's length differs from the header's.
 * @example toCsv(['a', 'b'], [[1, 'x,y']]) // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${i} has ${row.length} cells, the header has ${header.length}`);
    }
    lines.push(row.map(csvCell).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
