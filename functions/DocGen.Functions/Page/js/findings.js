// The full validator's findings, shown next to what they point at: each finding's JSON pointer is matched
// to the element carrying that data-pointer (or the nearest enclosing one), and listed in the check panel.

const SEVERITY = { error: '错误', warning: '提示' };

export function clearFindings() {
  for (const note of document.querySelectorAll('.finding-note')) note.remove();
  for (const el of document.querySelectorAll('.has-finding')) {
    el.classList.remove('has-finding');
    el.removeAttribute('data-finding');
  }
  document.querySelector('#findings')?.replaceChildren();
}

function target(pointer) {
  let p = pointer ?? '';
  while (true) {
    const el = document.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    if (el) return el;
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

export function showFindings(findings) {
  clearFindings();
  const list = document.querySelector('#findings');
  findings.forEach((f, i) => {
    const place = f.where ? `（${f.where}${f.line ? `第${f.line}行` : ''}）` : ''; // import findings name a place in the source
    const text = `${SEVERITY[f.severity] ?? f.severity} ${f.code}${place}：${f.message}`;
    const el = target(f.pointer);
    const id = `finding-${i}`;
    const item = document.createElement('li');
    item.className = f.severity;
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'link';
    link.textContent = text;
    link.addEventListener('click', () => { el?.scrollIntoView({ block: 'center' }); (el?.matches('input, textarea, select') ? el : el?.querySelector('input, textarea'))?.focus(); });
    item.append(link);
    list?.append(item);
    if (!el) return;
    el.classList.add('has-finding');
    el.dataset.finding = [el.dataset.finding, text].filter(Boolean).join('\n');
    const note = document.createElement('p');
    note.className = `finding-note ${f.severity}`;
    note.id = id;
    note.dataset.for = f.pointer;
    note.textContent = text;
    if (el.matches('input, textarea, select')) {
      el.setAttribute('aria-describedby', [el.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      const cell = el.closest('td');
      if (cell) cell.append(note); else (el.closest('label') ?? el).after(note);
    } else {
      el.prepend(note);
    }
  });
}
