// Calls to the service. The API key lives in sessionStorage only: it is gone when the tab closes.
// Every failure becomes an ApiError with the service's Chinese title and English code.

const KEY_NAME = 'docgen.apiKey';

export class ApiError extends Error {
  constructor(status, code, message, findings = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.findings = findings;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(KEY_NAME); },
  set key(value) { if (value) sessionStorage.setItem(KEY_NAME, value); else sessionStorage.removeItem(KEY_NAME); },
};

async function call(path, { method = 'GET', body, type, auth = true, expect = 'json' } = {}) {
  const headers = {};
  if (auth && session.key) headers['x-api-key'] = session.key;
  if (type) headers['content-type'] = type;
  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务，请检查网络后重试');
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not a problem document */ }
    throw new ApiError(response.status, problem?.code ?? `HTTP_${response.status}`,
      problem?.title ?? `请求失败（HTTP ${response.status}）`, problem?.findings ?? []);
  }
  if (expect === 'blob') return response.blob();
  return response.json();
}

export const api = {
  editions: () => call('/api/editions', { auth: false }),
  edition: (id) => call(`/api/editions/${encodeURIComponent(id)}`, { auth: false }),
  /** Lists the caller's reports; for the compiling office's key the agency is named. */
  reports: (agency) => call(`/api/reports${agency ? `?agency=${encodeURIComponent(agency)}` : ''}`),
  validate: (json) => call('/api/reports/validate', { method: 'POST', body: json, type: 'application/json' }),
  submit: (json) => call('/api/reports', { method: 'POST', body: json, type: 'application/json' }),
  preview: (json) => call('/api/reports/preview', { method: 'POST', body: json, type: 'application/json', expect: 'blob' }),
  // The browser's type for the file (the service refuses types it has no reader for, with a clear message).
  importFile: (file) => call(`/api/reports/import?name=${encodeURIComponent(file.name)}`,
    { method: 'POST', body: file, type: file.type || 'application/octet-stream' }),
  download: (path) => call(path, { expect: 'blob' }),
  uploadSigned: (id, file) => call(`/api/reports/${encodeURIComponent(id)}/signed`, { method: 'POST', body: file, type: 'application/pdf' }),
  signedVersions: (id) => call(`/api/reports/${encodeURIComponent(id)}/signed`),
  workbook: (edition) => call(`/api/templates/${encodeURIComponent(edition)}.xlsx`, { auth: false, expect: 'blob' }),
};
