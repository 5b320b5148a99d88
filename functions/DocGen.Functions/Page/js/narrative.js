// The narrative editor: paragraphs, numbered points with a lead sentence, and subsections (which hold
// blocks of their own), each with buttons to add, remove and reorder. Blocks are plain objects:
// { type: 'paragraph', text } | { type: 'point', lead, text } | { type: 'subsection', heading, blocks }.

const KIND_NAMES = { paragraph: '段落', point: '要点', subsection: '小节' };

export function newBlock(type) {
  if (type === 'point') return { type, lead: '', text: '' };
  if (type === 'subsection') return { type, heading: '', blocks: [] };
  return { type: 'paragraph', text: '' };
}

/**
 * Draws an editable list of blocks into a container.
 * @param blocks the array edited in place; @param pointer its JSON pointer ("/preface", "/sections/0/blocks")
 * @param where how the list is named for screen readers ("前言"); @param onChange called after any edit
 */
export function drawBlocks(container, blocks, pointer, where, onChange) {
  const redraw = () => { drawBlocks(container, blocks, pointer, where, onChange); onChange(); };
  container.replaceChildren();
  container.classList.add('blocks');
  const list = document.createElement('ol');
  list.className = 'block-list';
  blocks.forEach((block, i) => list.append(drawBlock(block, i, blocks, `${pointer}/${i}`, where, redraw, onChange)));
  container.append(list);

  const bar = document.createElement('div');
  bar.className = 'add-bar';
  for (const type of ['paragraph', 'point', 'subsection']) {
    const add = button(`＋${KIND_NAMES[type]}`, `在${where}末尾添加${KIND_NAMES[type]}`);
    add.dataset.add = type;
    add.addEventListener('click', () => {
      blocks.push(newBlock(type));
      redraw();
      container.querySelector('.block-list > li:last-child textarea, .block-list > li:last-child input')?.focus();
    });
    bar.append(add);
  }
  container.append(bar);
}

function drawBlock(block, i, blocks, pointer, where, redraw, onChange) {
  const item = document.createElement('li');
  item.className = `block ${block.type}`;
  item.dataset.pointer = pointer;
  const name = `${where}第${i + 1}项${KIND_NAMES[block.type]}`;

  const tools = document.createElement('div');
  tools.className = 'block-tools';
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = KIND_NAMES[block.type];
  const up = button('↑', `上移${name}`, i === 0);
  const down = button('↓', `下移${name}`, i === blocks.length - 1);
  const remove = button('删除', `删除${name}`);
  up.addEventListener('click', () => { [blocks[i - 1], blocks[i]] = [blocks[i], blocks[i - 1]]; redraw(); });
  down.addEventListener('click', () => { [blocks[i + 1], blocks[i]] = [blocks[i], blocks[i + 1]]; redraw(); });
  remove.addEventListener('click', () => { blocks.splice(i, 1); redraw(); });
  tools.append(kind, up, down, remove);
  item.append(tools);

  if (block.type === 'paragraph') {
    item.append(text(block, 'text', `${name}正文`, `${pointer}`, onChange, true));
  } else if (block.type === 'point') {
    item.append(text(block, 'lead', `${name}的加粗首句`, `${pointer}/lead`, onChange, false));
    item.append(text(block, 'text', `${name}正文`, `${pointer}/text`, onChange, true));
  } else {
    item.append(text(block, 'heading', `${name}标题`, `${pointer}/heading`, onChange, false));
    const inner = document.createElement('div');
    drawBlocks(inner, block.blocks, `${pointer}/blocks`, name, onChange);
    item.append(inner);
  }
  return item;
}

function text(block, field, label, pointer, onChange, multiline) {
  const input = document.createElement(multiline ? 'textarea' : 'input');
  if (!multiline) input.type = 'text';
  else input.rows = 3;
  input.value = block[field] ?? '';
  input.setAttribute('aria-label', label);
  input.placeholder = label;
  input.dataset.pointer = pointer;
  input.dataset.field = field;
  input.addEventListener('input', () => { block[field] = input.value; onChange(); });
  return input;
}

function button(textContent, label, disabled = false) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = textContent;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.disabled = disabled;
  return b;
}

/** Blocks of report JSON (a string, {lead, text}, {heading, blocks}) → editor blocks. */
export function blocksFromJson(list) {
  return (list ?? []).map(b => {
    if (typeof b === 'string') return { type: 'paragraph', text: b };
    if (b && 'heading' in b) return { type: 'subsection', heading: b.heading ?? '', blocks: blocksFromJson(b.blocks) };
    return { type: 'point', lead: b?.lead ?? '', text: b?.text ?? '' };
  });
}

/** Editor blocks → report JSON. */
export function blocksToJson(blocks) {
  return blocks.map(b => {
    if (b.type === 'paragraph') return b.text;
    if (b.type === 'point') return { lead: b.lead, text: b.text };
    return { heading: b.heading, blocks: blocksToJson(b.blocks) };
  });
}
