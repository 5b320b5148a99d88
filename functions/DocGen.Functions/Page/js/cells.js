// What a clerk types into a table cell, read the way the report JSON reader reads cells: blank, "/",
// a number (kept as typed, so 9.40 stays 9.40), or a number with its unit (元, 万元).

const FULL_WIDTH = /[０-９．＋－／]/g;

function halfWidth(text) {
  return text.replace(FULL_WIDTH, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** { kind: 'blank' | 'na' | 'number' | 'invalid', text, unit } */
export function parseCell(raw) {
  const text = halfWidth(String(raw ?? '')).replace(/[\s,，]/g, '');
  if (text === '') return { kind: 'blank' };
  if (text === '/') return { kind: 'na' };
  const m = /^([+-]?\d+(?:\.\d+)?)(万元|元)?$/.exec(text);
  if (!m) return { kind: 'invalid' };
  return { kind: 'number', text: m[1].replace(/^\+/, ''), unit: m[2] ?? null };
}

/** An exact decimal: digits as a BigInt and a scale, so sums print as the validator prints them. */
export function toDecimal(numberText) {
  const negative = numberText.startsWith('-');
  const [whole, frac = ''] = numberText.replace(/^-/, '').split('.');
  const digits = BigInt(whole + frac);
  return { digits: negative ? -digits : digits, scale: frac.length };
}

export function addDecimal(a, b) {
  const scale = Math.max(a.scale, b.scale);
  const up = (d) => d.digits * 10n ** BigInt(scale - d.scale);
  return { digits: up(a) + up(b), scale };
}

export function compareDecimal(a, b) {
  const scale = Math.max(a.scale, b.scale);
  const up = (d) => d.digits * 10n ** BigInt(scale - d.scale);
  const x = up(a), y = up(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function formatDecimal(d) {
  const negative = d.digits < 0n;
  let s = (negative ? -d.digits : d.digits).toString();
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, '0');
    s = s.slice(0, -d.scale) + '.' + s.slice(-d.scale);
  }
  return (negative ? '-' : '') + s;
}

export const ZERO = { digits: 0n, scale: 0 };

/**
 * The value a rule adds up: a number, "/" as 0, BLANK for a cell left empty (blank is never zero: the lane
 * is not checked), null when unreadable.
 */
export const BLANK = Symbol('blank');
export function arithmetic(raw) {
  const cell = parseCell(raw);
  if (cell.kind === 'invalid') return null;
  if (cell.kind === 'blank') return BLANK;
  return cell.kind === 'number' ? toDecimal(cell.text) : ZERO;
}

/** A JSON cell value from what was typed; numbers as their typed text (see report.js). */
export function cellJson(raw, numberToken) {
  const cell = parseCell(raw);
  switch (cell.kind) {
    case 'blank': return null;
    case 'na': return '/';
    case 'number': return cell.unit ? { value: numberToken(cell.text), unit: cell.unit } : numberToken(cell.text);
    default: return String(raw).trim();
  }
}

/** The text a cell input shows for a JSON cell value. */
export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return `${value.value}${value.unit ?? ''}`;
  return String(value);
}
