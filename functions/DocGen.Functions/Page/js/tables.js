// A mandated table drawn from its published layout (spans and all), with one input per data cell tagged
// data-cell="cell:{table}:{row}:{column}" as in the .docx, spreadsheet keys, and block paste.

/**
 * @param table the published table definition
 * @param values rowKey → array of raw texts (changed in place)
 * @param onChange (tag, cells) called after a cell or a pasted block changed; cells: [{tag}]
 */
export function drawTable(table, values, onChange) {
  const rowsByKey = new Map(table.rows.map((r, i) => [r.key, { def: r, index: i }]));
  const element = document.createElement('table');
  element.className = 'mandated';
  element.dataset.table = table.id;
  const caption = document.createElement('caption');
  caption.textContent = table.name;
  element.append(caption);
  const colgroup = document.createElement('colgroup');
  for (const w of table.columnWidths) {
    const col = document.createElement('col');
    col.style.width = `${(w * 100).toFixed(2)}%`;
    colgroup.append(col);
  }
  element.append(colgroup);
  const head = document.createElement('thead');
  const body = document.createElement('tbody');
  element.append(head, body);

  const grid = []; // layout row → grid column → input
  const inputs = new Map(); // tag → input
  const byPosition = new Map(); // "rowKey:column" → input
  table.layout.forEach((layoutRow, r) => {
    const tr = document.createElement('tr');
    grid[r] = [];
    for (const cell of layoutRow) {
      const isData = cell.role === 'data';
      const td = document.createElement(isData ? 'td' : 'th');
      if (cell.colSpan > 1) td.colSpan = cell.colSpan;
      if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
      if (!isData) {
        td.textContent = cell.text ?? '';
        if (cell.role === 'rowLabel') td.scope = 'row';
        if (cell.role === 'columnHeader') td.scope = 'col';
        td.className = cell.role;
      } else {
        const { def } = rowsByKey.get(cell.cell.row);
        const column = def.columns[cell.cell.column];
        const input = document.createElement('input');
        input.type = 'text';
        input.inputMode = column.kind === 'money' ? 'decimal' : 'numeric';
        input.autocomplete = 'off';
        input.dataset.cell = cell.cell.tag;
        input.dataset.row = cell.cell.row;
        input.dataset.column = String(cell.cell.column);
        input.dataset.pointer = `/tables/${table.id}/${cell.cell.row}/${cell.cell.column}`;
        input.setAttribute('aria-label', `${table.name} ${def.labelPath.join(' ')} ${column.label}`);
        input.value = values[def.key]?.[cell.cell.column] ?? '';
        td.append(input);
        td.className = 'value';
        grid[r][cell.column] = input;
        inputs.set(cell.cell.tag, input);
        byPosition.set(`${def.key}:${cell.cell.column}`, input);
      }
      tr.append(td);
    }
    (r < table.headerRows ? head : body).append(tr);
  });

  function set(rowKey, column, text) {
    if (!values[rowKey]) values[rowKey] = [];
    values[rowKey][column] = text;
  }

  element.addEventListener('input', (e) => {
    const input = e.target;
    if (!input.dataset?.cell) return;
    set(input.dataset.row, Number(input.dataset.column), input.value);
    onChange([input.dataset.cell], e.timeStamp);
  });

  element.addEventListener('paste', (e) => {
    const input = e.target;
    if (!input.dataset?.cell) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the browser pastes it
    e.preventDefault();
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map(l => l.split('\t'));
    const start = rowsByKey.get(input.dataset.row).index;
    const startColumn = Number(input.dataset.column);
    const changed = [];
    lines.forEach((cells, i) => {
      const def = table.rows[start + i];
      if (!def) return;
      cells.forEach((value, j) => {
        const column = startColumn + j;
        if (column >= def.columns.length) return;
        const target = byPosition.get(`${def.key}:${column}`);
        const clean = value.trim();
        set(def.key, column, clean);
        if (target) { target.value = clean; changed.push(target.dataset.cell); }
      });
    });
    onChange(changed, e.timeStamp);
  });

  element.addEventListener('keydown', (e) => {
    const input = e.target;
    if (!input.dataset?.cell || e.altKey || e.ctrlKey || e.metaKey) return;
    const pos = position(grid, input);
    let next = null;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    switch (e.key) {
      case 'ArrowUp': next = vertical(grid, pos, -1); break;
      case 'ArrowDown': next = vertical(grid, pos, 1); break;
      case 'Enter': next = vertical(grid, pos, e.shiftKey ? -1 : 1); break;
      case 'ArrowLeft': if (atStart || whole) next = horizontal(grid, pos, -1); else return; break;
      case 'ArrowRight': if (atEnd || whole) next = horizontal(grid, pos, 1); else return; break;
      default: return;
    }
    e.preventDefault();
    if (next) { next.focus(); next.select(); }
  });

  return { element, inputs };
}

function position(grid, input) {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(input);
    if (c >= 0) return { r, c };
  }
  return null;
}

function vertical(grid, pos, step) {
  for (let r = pos.r + step; r >= 0 && r < grid.length; r += step) {
    const row = grid[r];
    if (!row || row.length === 0) continue;
    if (row[pos.c]) return row[pos.c];
    // A row with fewer value columns: the nearest one.
    const columns = Object.keys(row).map(Number);
    if (columns.length === 0) continue;
    const nearest = columns.reduce((a, b) => Math.abs(b - pos.c) < Math.abs(a - pos.c) ? b : a);
    return row[nearest];
  }
  return null;
}

function horizontal(grid, pos, step) {
  const columns = (r) => Object.keys(grid[r] ?? {}).map(Number).sort((a, b) => a - b);
  let r = pos.r;
  let list = columns(r);
  let i = list.indexOf(pos.c) + step;
  while (i < 0 || i >= list.length) {
    r += step;
    if (r < 0 || r >= grid.length) return null;
    list = columns(r);
    i = step > 0 ? 0 : list.length - 1;
  }
  return grid[r][list[i]];
}
