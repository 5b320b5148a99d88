// The edition's arithmetic rules, evaluated in the page lane by lane. Rules, lanes and the wording come
// from GET /api/editions/{id} (the validator's own message with {left} and {right} to fill in).
import { addDecimal, arithmetic, BLANK, compareDecimal, formatDecimal, ZERO } from './cells.js';

export class RuleBook {
  /** @param edition the published edition; @param read (tableId, rowKey, column) → the raw text of a cell */
  constructor(edition, read) {
    this.read = read;
    this.lanes = [];
    this.byTag = new Map();
    this.failing = new Map(); // lane id → message
    this.unchecked = new Set(); // lane ids with a blank or unreadable cell
    for (const table of edition.tables ?? []) {
      for (const rule of table.rules) {
        for (const lane of rule.lanes) {
          const entry = { id: `lane-${this.lanes.length}`, table, rule, lane, tags: [...lane.left, ...lane.right].map(c => c.tag) };
          this.lanes.push(entry);
          for (const tag of new Set(entry.tags)) {
            if (!this.byTag.has(tag)) this.byTag.set(tag, []);
            this.byTag.get(tag).push(entry);
          }
        }
      }
    }
  }

  sum(table, cells) {
    let total = ZERO;
    for (const c of cells) {
      const value = arithmetic(this.read(table.id, c.row, c.column));
      if (value === null || value === BLANK) return null; // unreadable cells are reported on their own
      total = addDecimal(total, value);
    }
    return total;
  }

  /** Evaluates one lane; returns whether its state changed. */
  evaluate(entry) {
    const left = this.sum(entry.table, entry.lane.left);
    const right = this.sum(entry.table, entry.lane.right);
    let message = null;
    if (left === null || right === null) this.unchecked.add(entry.id); else this.unchecked.delete(entry.id);
    if (left !== null && right !== null) {
      const cmp = compareDecimal(left, right);
      const holds = entry.rule.comparison === 'equal' ? cmp === 0 : cmp >= 0;
      if (!holds) message = entry.lane.message.replace('{left}', formatDecimal(left)).replace('{right}', formatDecimal(right));
    }
    const before = this.failing.get(entry.id) ?? null;
    if (message === null) this.failing.delete(entry.id); else this.failing.set(entry.id, message);
    return before !== message;
  }

  /** Evaluates the lanes a changed cell takes part in (all lanes when tag is null); returns the lanes that changed. */
  update(tag = null) {
    const lanes = tag === null ? this.lanes : (this.byTag.get(tag) ?? []);
    return lanes.filter(entry => this.evaluate(entry));
  }

  messagesOf(tag) {
    return (this.byTag.get(tag) ?? []).filter(e => this.failing.has(e.id)).map(e => ({ id: e.id, message: this.failing.get(e.id), severity: e.rule.severity }));
  }

  failingIn(tableId) {
    return this.lanes.filter(e => e.table.id === tableId && this.failing.has(e.id))
      .map(e => ({ id: e.id, message: this.failing.get(e.id), severity: e.rule.severity, tags: e.tags }));
  }
}
