// The draft the page edits, and its report JSON. Numbers are written as they were typed (9.40 stays
// 9.40): JSON.stringify cannot, so numbers travel as marked strings and are unquoted at the end.
import { blocksFromJson, blocksToJson } from './narrative.js';
import { cellJson, cellText } from './cells.js';

export const CONTACT_FIELDS = ['office', 'address', 'postcode', 'phone', 'fax', 'email', 'website'];
const DRAFT_KEY = 'docgen.draft.v1';
const NUMBER_MARK = '\u0001n:';

export function emptyDraft() {
  return {
    edition: '', agency: '', year: '', title: '', publicationDate: '',
    contact: Object.fromEntries(CONTACT_FIELDS.map(f => [f, ''])),
    preface: [], sections: [], tables: {},
  };
}

/** Makes the draft's sections and tables fit an edition, keeping what was entered where the keys match. */
export function fitToEdition(draft, edition) {
  draft.edition = edition.id;
  if (edition.mandated) {
    const byKey = new Map(draft.sections.filter(s => s.key).map(s => [s.key, s]));
    draft.sections = edition.sections.map(def => ({ key: def.key, heading: def.heading, blocks: byKey.get(def.key)?.blocks ?? [] }));
  } else if (draft.sections.length === 0) {
    draft.sections = edition.sections.map(def => ({ key: null, heading: def.heading, blocks: [] }));
  } else {
    draft.sections = draft.sections.map(s => ({ ...s, key: null }));
  }
  const tables = {};
  for (const table of edition.tables ?? []) {
    tables[table.id] = {};
    for (const row of table.rows) {
      const old = draft.tables[table.id]?.[row.key] ?? [];
      tables[table.id][row.key] = row.columns.map((_, i) => old[i] ?? '');
    }
  }
  draft.tables = tables;
  return draft;
}

/** The report JSON text of a draft. */
export function toReportJson(draft, edition) {
  const number = (text) => NUMBER_MARK + text;
  const report = { edition: draft.edition, agency: draft.agency.trim() };
  const year = Number.parseInt(draft.year, 10);
  report.year = Number.isFinite(year) ? year : draft.year;
  if (draft.title.trim()) report.title = draft.title.trim();
  if (draft.publicationDate) report.publicationDate = draft.publicationDate;
  const contact = Object.fromEntries(CONTACT_FIELDS.filter(f => draft.contact[f]?.trim()).map(f => [f, draft.contact[f].trim()]));
  if (Object.keys(contact).length) report.contact = contact;
  report.preface = blocksToJson(draft.preface);
  report.sections = draft.sections.map(s => s.key
    ? { key: s.key, heading: s.heading, blocks: blocksToJson(s.blocks) }
    : { heading: s.heading, blocks: blocksToJson(s.blocks) });
  if (edition.tables?.length) {
    report.tables = {};
    for (const table of edition.tables) {
      report.tables[table.id] = {};
      for (const row of table.rows) {
        const cells = draft.tables[table.id]?.[row.key] ?? [];
        report.tables[table.id][row.key] = row.columns.map((_, i) => cellJson(cells[i] ?? '', number));
      }
    }
  }
  const marked = new RegExp(`"${NUMBER_MARK.replace('\u0001', '\\\\u0001')}(-?[0-9.]+)"`, 'g');
  return JSON.stringify(report, null, 2).replace(marked, '$1');
}

/** A draft from report JSON (an imported or stored report). */
export function fromReport(report) {
  const draft = emptyDraft();
  draft.edition = report.edition ?? '';
  draft.agency = report.agency ?? '';
  draft.year = report.year != null ? String(report.year) : '';
  draft.title = report.title ?? '';
  draft.publicationDate = report.publicationDate ?? '';
  for (const f of CONTACT_FIELDS) draft.contact[f] = report.contact?.[f] ?? '';
  draft.preface = blocksFromJson(report.preface);
  draft.sections = (report.sections ?? []).map(s => ({ key: s.key ?? null, heading: s.heading ?? '', blocks: blocksFromJson(s.blocks) }));
  for (const [tableId, rows] of Object.entries(report.tables ?? {})) {
    draft.tables[tableId] = {};
    for (const [rowKey, cells] of Object.entries(rows ?? {})) draft.tables[tableId][rowKey] = (cells ?? []).map(cellText);
  }
  return draft;
}

/**
 * Starts this year's draft from last year's report: the narrative and contact as a starting point, the
 * tables empty except where the edition's year rules say a cell equals one of last year's (上年结转 from
 * 结转下年度继续办理).
 */
export function fromLastYear(lastYear, edition) {
  const draft = fromReport(lastYear);
  const previous = draft.tables;
  draft.tables = {};
  draft.year = lastYear.year != null ? String(lastYear.year + 1) : '';
  draft.publicationDate = '';
  fitToEdition(draft, edition);
  let carried = 0;
  for (const rule of edition.yearRules ?? []) {
    for (const lane of rule.lanes) {
      const [left] = lane.left, [right] = lane.right;
      if (lane.left.length !== 1 || lane.right.length !== 1 || left.previousYear || !right.previousYear) continue;
      if (left.sign !== 1 || right.sign !== 1) continue;
      const value = previous[rule.tableId]?.[right.row]?.[right.column];
      if (value === undefined || draft.tables[rule.tableId]?.[left.row] === undefined) continue;
      draft.tables[rule.tableId][left.row][left.column] = value;
      carried++;
    }
  }
  return { draft, carried };
}

export function saveDraft(draft) {
  try { localStorage.setItem(DRAFT_KEY, JSON.stringify(draft)); return true; } catch { return false; }
}

export function loadDraft() {
  try {
    const text = localStorage.getItem(DRAFT_KEY);
    return text ? JSON.parse(text) : null;
  } catch { return null; }
}

export function clearDraft() {
  localStorage.removeItem(DRAFT_KEY);
}
