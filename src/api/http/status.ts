/** Reason phrases as Go's http.StatusText spells them (the status line of every response). */
const TEXT: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols',
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 411: 'Length Required',
  413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  505: 'HTTP Version Not Supported',
};

export function statusText(code: number): string {
  return TEXT[code] ?? '';
}

/** `HTTP/1.1 200 OK\r\n`; Go prints `status code N` for a code it has no text for. */
export function statusLine(code: number, proto = 'HTTP/1.1'): string {
  const text = TEXT[code];
  return `${proto} ${code} ${text ?? `status code ${code}`}\r\n`;
}

/** Go's bodyAllowedForStatus: 1xx, 204 and 304 never carry a body. */
export function bodyAllowed(code: number): boolean {
  return !((code >= 100 && code <= 199) || code === 204 || code === 304);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** http.TimeFormat: `Mon, 02 Jan 2006 15:04:05 GMT`, from a virtual-clock millisecond time. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}
