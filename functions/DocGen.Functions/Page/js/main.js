// The page: loads the published editions, keeps the draft, draws the editor, runs the checks on every
// change, and talks to the service for sign-in, import, preview, validation, submit and the stored reports.
import { api, ApiError, session } from './api.js';
import { drawBlocks } from './narrative.js';
import { RuleBook } from './rules.js';
import { drawTable } from './tables.js';
import { clearDraft, emptyDraft, fitToEdition, fromLastYear, fromReport, loadDraft, saveDraft, toReportJson } from './report.js';
import { showFindings, clearFindings } from './findings.js';

const EDITIONS_CACHE = 'docgen.editions.v1';
const $ = (selector) => document.querySelector(selector);

const state = {
  editions: new Map(),
  edition: null,
  draft: emptyDraft(),
  rules: null,
  inputs: new Map(), // cell tag → input
  caller: null, // { agency } or { admin: true }
  previewUrl: null,
};

/** Keystroke-to-check timings (ms), read by the browser test. */
window.docgenTimings = [];

function message(text, kind = 'info') {
  const box = $('#message');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
}

function failure(error, doing) {
  const text = error instanceof ApiError ? `${doing}失败：${error.message}（${error.code}）` : `${doing}失败：${error?.message ?? error}`;
  message(text, 'error');
  if (error instanceof ApiError && error.findings?.length) showFindings(error.findings);
}

async function loadEditions() {
  let list;
  try {
    const summaries = await api.editions();
    list = await Promise.all(summaries.map(s => api.edition(s.id)));
    localStorage.setItem(EDITIONS_CACHE, JSON.stringify(list));
  } catch (error) {
    const cached = localStorage.getItem(EDITIONS_CACHE);
    if (!cached) throw error;
    list = JSON.parse(cached);
  }
  for (const e of list) state.editions.set(e.id, e);
  const select = $('#edition');
  select.replaceChildren(...list.map(e => {
    const option = document.createElement('option');
    option.value = e.id;
    const years = e.firstYear && e.lastYear ? `${e.firstYear}–${e.lastYear}年` : e.firstYear ? `${e.firstYear}年起` : e.lastYear ? `${e.lastYear}年及以前` : '';
    option.textContent = `${e.id}（${e.instrument}${years ? '，' + years : ''}）`;
    return option;
  }));
}

function editionForYear(year) {
  const y = Number.parseInt(year, 10);
  if (!Number.isFinite(y)) return null;
  const all = [...state.editions.values()];
  return all.find(e => e.mandated && (e.firstYear ?? -Infinity) <= y && y <= (e.lastYear ?? Infinity))
    ?? all.find(e => (e.firstYear ?? -Infinity) <= y && y <= (e.lastYear ?? Infinity))
    ?? all.find(e => !e.mandated) ?? null;
}

function useDraft(draft) {
  const edition = state.editions.get(draft.edition) ?? editionForYear(draft.year) ?? state.editions.values().next().value;
  state.draft = fitToEdition(draft, edition);
  state.edition = edition;
  render();
  persist();
}

// ---- drawing ----

function render() {
  const { draft, edition } = state;
  $('#year').value = draft.year;
  $('#edition').value = edition.id;
  $('#agency').value = draft.agency;
  $('#title').value = draft.title;
  $('#publicationDate').value = draft.publicationDate;
  for (const input of document.querySelectorAll('[data-contact]')) input.value = draft.contact[input.dataset.contact] ?? '';
  drawBlocks($('#preface'), draft.preface, '/preface', '前言', persist);
  drawSections();
  clearFindings();
  state.rules = new RuleBook(edition, (table, row, column) => state.draft.tables[table]?.[row]?.[column] ?? '');
  state.rules.update();
  for (const table of edition.tables ?? []) refreshTable(table.id);
  for (const tag of state.inputs.keys()) markCell(tag);
  summary();
}

function drawSections() {
  const { draft, edition } = state;
  const container = $('#sections');
  container.replaceChildren();
  state.inputs = new Map();
  $('#legacy-tools').hidden = edition.mandated;
  draft.sections.forEach((section, i) => {
    const part = document.createElement('section');
    part.className = 'panel part';
    part.dataset.pointer = `/sections/${i}`;
    if (edition.mandated) {
      const h = document.createElement('h2');
      h.textContent = section.heading;
      part.append(h);
    } else {
      part.append(legacyHeading(section, i));
    }
    const blocks = document.createElement('div');
    drawBlocks(blocks, section.blocks, `/sections/${i}/blocks`, section.heading || `第${i + 1}章`, persist);
    part.append(blocks);
    const def = edition.sections.find(s => s.key === section.key);
    const table = def?.tableId ? edition.tables.find(t => t.id === def.tableId) : null;
    if (table) {
      const wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      wrap.dataset.pointer = `/tables/${table.id}`;
      const drawn = drawTable(table, draft.tables[table.id], cellsChanged);
      for (const [tag, input] of drawn.inputs) state.inputs.set(tag, input);
      const failures = document.createElement('ul');
      failures.className = 'lane-failures';
      failures.dataset.table = table.id;
      failures.setAttribute('aria-live', 'polite');
      failures.setAttribute('aria-label', `${table.name}检查结果`);
      wrap.append(drawn.element, failures);
      part.append(wrap);
    }
    container.append(part);
  });
}

function legacyHeading(section, i) {
  const bar = document.createElement('div');
  bar.className = 'legacy-heading';
  const input = document.createElement('input');
  input.type = 'text';
  input.value = section.heading;
  input.setAttribute('aria-label', `第${i + 1}章标题`);
  input.dataset.pointer = `/sections/${i}/heading`;
  input.addEventListener('input', () => { section.heading = input.value; persist(); });
  const sections = state.draft.sections;
  const move = (to) => { [sections[i], sections[to]] = [sections[to], sections[i]]; drawSections(); persist(); };
  const up = tool('↑', `上移第${i + 1}章`, i === 0, () => move(i - 1));
  const down = tool('↓', `下移第${i + 1}章`, i === sections.length - 1, () => move(i + 1));
  const remove = tool('删除', `删除第${i + 1}章`, false, () => { sections.splice(i, 1); drawSections(); persist(); });
  bar.append(input, up, down, remove);
  return bar;
}

function tool(text, label, disabled, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

// ---- checks as you type ----

function cellsChanged(tags, startedAt) {
  const touched = new Set();
  const tables = new Set();
  for (const tag of tags) {
    touched.add(tag);
    for (const lane of state.rules.update(tag)) {
      tables.add(lane.table.id);
      for (const t of lane.tags) touched.add(t);
    }
  }
  for (const tag of touched) markCell(tag);
  for (const table of tables) refreshTable(table);
  summary();
  showHint();
  // From the keystroke's event time to the marks in place, then to the next painted frame.
  const checked = performance.now();
  requestAnimationFrame(() => window.docgenTimings.push({ checked: checked - startedAt, painted: performance.now() - startedAt }));
  persist();
}

function markCell(tag) {
  const input = state.inputs.get(tag);
  if (!input) return;
  const failing = state.rules.messagesOf(tag);
  const cell = parseFailing(input.value);
  input.classList.toggle('failing', failing.length > 0);
  input.classList.toggle('unreadable', cell);
  const notes = failing.map(f => f.message);
  if (cell) notes.unshift('无法识别的数值：应填写数字、“/”（不适用）或留空');
  input.title = notes.join('\n');
  if (notes.length) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', failing.map(f => f.id).join(' '));
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** The messages of the focused cell, shown under it (the same words as its title and the table's list). */
function showHint() {
  const hint = $('#cell-hint');
  const input = document.activeElement;
  // The validator's finding repeats a live message word for word; show each message once.
  const server = (input?.dataset?.finding ?? '').split('\n').filter(line => line && !input.title.split('\n').some(m => m && line.endsWith(m)));
  const text = input?.dataset?.cell ? [input.title, ...server].filter(Boolean).join('\n') : '';
  if (!text) { hint.hidden = true; return; }
  hint.textContent = text;
  // Inside the cell, so it stays under it whatever scrolls or resizes.
  const cell = input.closest('td');
  if (hint.parentElement !== cell) cell.append(hint);
  const wrap = cell.closest('.table-wrap');
  hint.classList.toggle('flip', !!wrap && cell.getBoundingClientRect().left - wrap.getBoundingClientRect().left > wrap.clientWidth / 2);
  hint.hidden = false;
}

function parseFailing(raw) {
  const text = raw.replace(/[\s,，]/g, '');
  return text !== '' && !/^[+\-＋－]?[0-9０-９]+([.．][0-9０-９]+)?(万元|元)?$|^[/／]$/.test(text);
}

function refreshTable(tableId) {
  const list = document.querySelector(`.lane-failures[data-table="${tableId}"]`);
  if (!list) return;
  list.replaceChildren(...state.rules.failingIn(tableId).map(f => {
    const item = document.createElement('li');
    item.id = f.id;
    item.className = f.severity;
    item.textContent = f.message;
    return item;
  }));
}

function summary() {
  const failing = state.rules.failing.size;
  const unchecked = state.rules.unchecked.size;
  const open = unchecked ? `另有${unchecked}处因单元格空白或无法识别尚未核对（空白不按0计算）。` : '';
  $('#check-summary').textContent = (failing === 0 ? (unchecked ? '已核对的勾稽关系全部相符。' : '表格勾稽关系全部相符。') : `有${failing}处勾稽关系不符，已在相应单元格标出。`) + open;
}

// ---- the draft ----

let saveTimer = null;
function persist() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(flush, 250);
}

function flush() {
  clearTimeout(saveTimer);
  saveTimer = null;
  $('#draft-state').textContent = saveDraft(state.draft) ? `草稿已保存在本浏览器（${new Date().toLocaleTimeString('zh-CN')}）` : '草稿无法保存在本浏览器';
}

// Leaving or reloading the page keeps the last keystrokes too.
window.addEventListener('pagehide', () => { if (saveTimer !== null) flush(); });

function bindTitleData() {
  const bind = (id, field) => $(id).addEventListener('input', (e) => { state.draft[field] = e.target.value; persist(); });
  bind('#agency', 'agency');
  bind('#title', 'title');
  bind('#publicationDate', 'publicationDate');
  $('#year').addEventListener('input', (e) => {
    state.draft.year = e.target.value;
    const edition = editionForYear(state.draft.year);
    if (edition && edition.id !== state.edition.id) { state.draft.edition = edition.id; useDraft(state.draft); }
    else persist();
  });
  $('#edition').addEventListener('change', (e) => { state.draft.edition = e.target.value; useDraft(state.draft); });
  for (const input of document.querySelectorAll('[data-contact]')) {
    input.addEventListener('input', () => { state.draft.contact[input.dataset.contact] = input.value; persist(); });
  }
  $('#add-section').addEventListener('click', () => {
    state.draft.sections.push({ key: null, heading: '', blocks: [] });
    drawSections();
    persist();
  });
  $('#clear-draft').addEventListener('click', () => {
    if (!confirm('清空本浏览器中的草稿？')) return;
    clearDraft();
    const fresh = emptyDraft();
    fresh.agency = state.caller?.agency ?? '';
    useDraft(fresh);
    message('草稿已清空。');
  });
}

// ---- the service ----

async function signIn(key) {
  session.key = key;
  try {
    const list = await api.reports();
    state.caller = { agency: list.agency };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AGENCY_REQUIRED') {
      state.caller = { admin: true };
    } else {
      session.key = null;
      state.caller = null;
      showSignedIn();
      failure(error, '登录');
      return false;
    }
  }
  showSignedIn();
  if (state.caller.agency && !state.draft.agency) {
    state.draft.agency = state.caller.agency;
    $('#agency').value = state.caller.agency;
    persist();
  }
  message(`已登录：${state.caller.agency ?? '编制机关（可查看所有机关）'}`);
  await listStored();
  return true;
}

function showSignedIn() {
  const signedIn = state.caller !== null;
  $('#signin-form').hidden = signedIn;
  $('#signed-in').hidden = !signedIn;
  $('#who').textContent = state.caller?.agency ?? (state.caller?.admin ? '编制机关' : '');
}

function requireSignIn() {
  if (state.caller) return true;
  message('请先用本机关的API密钥登录。', 'error');
  $('#api-key').focus();
  return false;
}

async function listStored() {
  const table = $('#stored');
  const hint = $('#stored-hint');
  if (!state.caller) { table.hidden = true; hint.hidden = false; return; }
  const agency = state.caller.agency ?? state.draft.agency.trim();
  if (!agency) { table.hidden = true; hint.textContent = '编制机关请先填写机关名称，再查看该机关的报告。'; hint.hidden = false; return; }
  try {
    const list = await api.reports(state.caller.admin ? agency : null);
    const body = table.querySelector('tbody');
    body.replaceChildren(...list.reports.map(storedRow));
    table.hidden = list.reports.length === 0;
    hint.hidden = list.reports.length !== 0;
    hint.textContent = '尚无已生成的报告。';
  } catch (error) {
    failure(error, '读取已生成的报告');
  }
}

function storedRow(r) {
  const tr = document.createElement('tr');
  tr.dataset.report = r.id;
  const cell = (content) => { const td = document.createElement('td'); td.append(content); return td; };
  const docs = document.createElement('span');
  for (const [kind, path] of [['Word', r.links.docx], ['PDF', r.links.pdf]]) {
    if (!path) continue;
    docs.append(tool(`下载${kind}`, `下载${r.year}年报告的${kind}文件`, false,
      () => download(path, `${r.agency}${r.year}年报告.${kind === 'Word' ? 'docx' : 'pdf'}`)));
  }
  const signed = document.createElement('span');
  const label = document.createElement('label');
  label.textContent = '上传签章PDF ';
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'application/pdf,.pdf';
  file.setAttribute('aria-label', `上传${r.year}年报告的签章版PDF`);
  const status = document.createElement('span');
  status.className = 'hint';
  file.addEventListener('change', async () => {
    if (!file.files[0]) return;
    try {
      const result = await api.uploadSigned(r.id, file.files[0]);
      status.textContent = `已归档第${result.version}版`;
      message(`签章版PDF已归档为第${result.version}版，不可更改或删除。`);
    } catch (error) {
      failure(error, '上传签章版PDF');
    }
    file.value = '';
  });
  label.append(file);
  signed.append(label, status);
  tr.append(cell(String(r.year)), cell(new Date(r.createdAt).toLocaleString('zh-CN')), cell(r.id.slice(0, 12)), cell(docs), cell(signed));
  return tr;
}

async function download(path, name) {
  try {
    save(await api.download(path), name);
  } catch (error) {
    failure(error, '下载');
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function reportJson() {
  return toReportJson(state.draft, state.edition);
}

async function validate() {
  const result = await api.validate(reportJson());
  showFindings(result.findings);
  return result;
}

async function submit() {
  if (!requireSignIn()) return;
  try {
    const result = await validate();
    if (!result.valid) {
      message(`报告有${result.errors}个错误，请按标注修改后再提交。`, 'error');
      return;
    }
    const stored = await api.submit(reportJson());
    message(`报告已生成并保存（编号${stored.id.slice(0, 12)}）${result.warnings ? `，另有${result.warnings}条提示` : ''}。`);
    await listStored();
  } catch (error) {
    failure(error, '提交');
  }
}

async function preview() {
  if (!requireSignIn()) return;
  try {
    const pdf = await api.preview(reportJson());
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = URL.createObjectURL(pdf);
    const link = $('#preview-link');
    link.href = state.previewUrl;
    link.hidden = false;
    link.textContent = `打开PDF预览（${Math.max(1, Math.round(pdf.size / 1024))} KB，未保存）`;
    message('预览已生成，未保存任何内容。');
  } catch (error) {
    failure(error, '预览');
  }
}

/** Report JSON saved earlier opens right here; other files are read by the service's importer. */
async function readUpload(file) {
  if (/\.json$/i.test(file.name)) {
    try { return JSON.parse(await file.text()); } catch { throw new ApiError(0, 'INVALID_REPORT_JSON', '文件不是有效的报告JSON'); }
  }
  if (!requireSignIn()) return null;
  return api.importFile(file);
}

async function prefill(file) {
  try {
    const result = await readUpload(file);
    if (!result) return;
    if (result.errors > 0) {
      // What could not be read is listed; the draft in hand is not replaced by a half-read document.
      message(`“${file.name}”有${result.errors}处未能读取，未预填；草稿保持不变。`, 'error');
      showFindings(result.findings ?? []);
      return;
    }
    const report = result.report ?? result;
    const mode = document.querySelector('input[name="prefill-mode"]:checked').value;
    if (mode === 'last') {
      const year = Number.parseInt(state.draft.year, 10) || (report.year + 1);
      const edition = editionForYear(year) ?? state.edition;
      const { draft, carried } = fromLastYear(report, edition);
      draft.year = String(year);
      useDraft(draft);
      message(`已从上年报告开始：叙述部分已带入，${carried}个上年结转数字取自上年的结转下年度，其余表格留空。`);
    } else {
      useDraft(fromReport(report));
      message(`已从“${file.name}”预填，请核对。`);
    }
    if (result.findings?.length) showFindings(result.findings);
  } catch (error) {
    failure(error, `读取“${file.name}”`);
  }
}

async function downloadWorkbook() {
  try {
    save(await api.workbook(state.edition.id), `annual-report-${state.edition.id}.xlsx`);
  } catch (error) {
    failure(error, '下载填报工作簿');
  }
}

function bindService() {
  $('#signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = $('#api-key').value.trim();
    if (await signIn(key)) $('#api-key').value = '';
  });
  $('#signout').addEventListener('click', () => {
    session.key = null;
    state.caller = null;
    showSignedIn();
    listStored();
    message('已退出。');
  });
  $('#submit').addEventListener('click', submit);
  $('#preview').addEventListener('click', preview);
  $('#download-workbook').addEventListener('click', downloadWorkbook);
  $('#upload').addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) prefill(file);
  });
}

async function start() {
  document.addEventListener('focusin', showHint);
  document.addEventListener('focusout', () => { $('#cell-hint').hidden = true; });
  bindTitleData();
  bindService();
  try {
    await loadEditions();
  } catch (error) {
    failure(error, '读取报告格式');
    return;
  }
  const draft = loadDraft();
  useDraft(draft ?? { ...emptyDraft(), year: String(new Date().getFullYear() - 1) });
  if (draft) $('#draft-state').textContent = '已恢复本浏览器中保存的草稿';
  $('#editor').setAttribute('aria-busy', 'false');
  document.body.dataset.ready = 'true';
  if (session.key) await signIn(session.key);
}

start();
