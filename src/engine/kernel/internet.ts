/**
 * The simulated Internet beyond the host's uplink router: a handful of public hosts with the addresses their
 * real zones gave, how far away they are (round-trip time, hops, the TTL their replies start with) and what
 * listens on them. They are not processes (`ps` never shows them): their services answer inside the kernel.
 * Only example.com serves a page (its real one); a port nothing listens on answers with a reset, and TLS is
 * not modelled (port 443 accepts, and the client says it cannot speak TLS here).
 */

export type InternetService = 'http' | 'tls';

export interface InternetHost {
  /** Names whose A record is this host. */
  readonly names: readonly string[];
  readonly ip: string;
  /** Round-trip time from the uplink router, in ms, before jitter. */
  readonly rttMs: number;
  /** The TTL its packets leave with (64 Linux, 128 Windows, 255 network gear). */
  readonly initialTtl: number;
  readonly tcp: Readonly<Record<number, InternetService>>;
  /** Its PTR record, if its zone has one. */
  readonly ptr?: string;
  /** Answers DNS queries on :53 (a public resolver). */
  readonly dns?: boolean;
}

const WEB = { 80: 'http', 443: 'tls' } as const;

export const INTERNET_HOSTS: readonly InternetHost[] = [
  { names: ['archive.ubuntu.com'], ip: '91.189.91.82', rttMs: 78, initialTtl: 64, tcp: WEB },
  { names: ['archive.ubuntu.com', 'security.ubuntu.com'], ip: '185.125.190.83', rttMs: 24, initialTtl: 64, tcp: WEB },
  { names: ['archive.ubuntu.com', 'security.ubuntu.com'], ip: '91.189.91.83', rttMs: 78, initialTtl: 64, tcp: WEB },
  { names: ['security.ubuntu.com'], ip: '185.125.190.82', rttMs: 24, initialTtl: 64, tcp: WEB },
  { names: ['ports.ubuntu.com'], ip: '185.125.190.39', rttMs: 24, initialTtl: 64, tcp: WEB },
  { names: ['dl-cdn.alpinelinux.org', 'deb.debian.org'], ip: '151.101.2.132', rttMs: 9, initialTtl: 64, tcp: WEB },
  // Docker's apt repository, served by Amazon CloudFront (download.docker.com is a CNAME to a cloudfront.net
  // name): four edge addresses in CloudFront's 18.238.0.0/15. Not looked up (no network here): the edge, and
  // so the addresses, differ by where the resolver is; these stand for one edge's answer.
  { names: ['download.docker.com'], ip: '18.239.69.4', rttMs: 12, initialTtl: 64, tcp: WEB },
  { names: ['download.docker.com'], ip: '18.239.69.37', rttMs: 12, initialTtl: 64, tcp: WEB },
  { names: ['download.docker.com'], ip: '18.239.69.59', rttMs: 12, initialTtl: 64, tcp: WEB },
  { names: ['download.docker.com'], ip: '18.239.69.118', rttMs: 12, initialTtl: 64, tcp: WEB },
  { names: ['registry-1.docker.io'], ip: '54.236.113.205', rttMs: 88, initialTtl: 255, tcp: WEB },
  { names: ['example.com', 'www.example.com'], ip: '93.184.215.14', rttMs: 11, initialTtl: 64, tcp: WEB },
  { names: ['www.google.com'], ip: '142.250.74.36', rttMs: 7, initialTtl: 128, tcp: WEB, ptr: 'arn09s22-in-f4.1e100.net' },
  { names: ['google.com'], ip: '142.250.74.46', rttMs: 7, initialTtl: 128, tcp: WEB, ptr: 'arn09s22-in-f14.1e100.net' },
  { names: ['github.com'], ip: '140.82.121.4', rttMs: 19, initialTtl: 64, tcp: WEB, ptr: 'lb-140-82-121-4-fra.github.com' },
  { names: ['dns.google'], ip: '8.8.8.8', rttMs: 8, initialTtl: 128, tcp: {}, dns: true, ptr: 'dns.google' },
  { names: ['one.one.one.one'], ip: '1.1.1.1', rttMs: 6, initialTtl: 64, tcp: {}, dns: true, ptr: 'one.one.one.one' },
];

/** The routers between the uplink router and any public host, as traceroute sees them (null: never answers). */
export const BACKBONE: readonly (string | null)[] = ['100.64.0.1', null, '203.0.113.9'];

const byIp = new Map(INTERNET_HOSTS.map((h) => [h.ip, h]));

export function internetHost(ip: string): InternetHost | undefined {
  return byIp.get(ip);
}

/** The A records of `name` (lower case, no trailing dot), in the order the zone gives them; [] for NXDOMAIN. */
export function lookupA(name: string): string[] {
  const n = name.toLowerCase().replace(/\.$/, '');
  return INTERNET_HOSTS.filter((h) => h.names.includes(n)).map((h) => h.ip);
}

/** The PTR name of a public address, if its zone has one. */
export function lookupPtr(ip: string): string | undefined {
  return byIp.get(ip)?.ptr;
}

/** example.com's page, byte for byte (1256 bytes). */
export const EXAMPLE_PAGE = "<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n\n    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-type\" content=\"text/html; charset=utf-8\" />\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    <style type=\"text/css\">\n    body {\n        background-color: #f0f0f2;\n        margin: 0;\n        padding: 0;\n        font-family: -apple-system, system-ui, BlinkMacSystemFont, \"Segoe UI\", \"Open Sans\", \"Helvetica Neue\", Helvetica, Arial, sans-serif;\n        \n    }\n    div {\n        width: 600px;\n        margin: 5em auto;\n        padding: 2em;\n        background-color: #fdfdff;\n        border-radius: 0.5em;\n        box-shadow: 2px 3px 7px 2px rgba(0,0,0,0.02);\n    }\n    a:link, a:visited {\n        color: #38488f;\n        text-decoration: none;\n    }\n    @media (max-width: 700px) {\n        div {\n            margin: 0 auto;\n            width: auto;\n        }\n    }\n    </style>    \n</head>\n\n<body>\n<div>\n    <h1>Example Domain</h1>\n    <p>This domain is for use in illustrative examples in documents. You may use this\n    domain in literature without prior coordination or asking for permission.</p>\n    <p><a href=\"https://www.iana.org/domains/example\">More information...</a></p>\n</div>\n</body>\n</html>\n";

export interface HttpAnswer {
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 9110's IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function httpDate(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** What a public web server answers to `method path` with `Host: host` at `epochMs`. */
export function httpAnswer(ip: string, host: string, method: string, path: string, epochMs: number): HttpAnswer {
  const date = httpDate(epochMs);
  const h = host.replace(/:\d+$/, '').toLowerCase();
  if (ip === '93.184.215.14' && (h === 'example.com' || h === 'www.example.com' || h === ip)) {
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      return { status: 501, reason: 'Not Implemented', headers: [['Content-Type', 'text/html'], ['Content-Length', '0'], ['Date', date], ['Server', 'ECAcc (nyd/D184)']], body: '' };
    }
    // Its server answers every other path with the same page as a 404.
    const found = path === '/' || path === '/index.html' || path.startsWith('/?');
    return {
      status: found ? 200 : 404, reason: found ? 'OK' : 'Not Found',
      headers: [
        ['Accept-Ranges', 'bytes'], ['Age', '367232'], ['Cache-Control', 'max-age=604800'],
        ['Content-Type', 'text/html; charset=UTF-8'], ['Date', date], ['Etag', '"3147526947"'],
        ['Expires', httpDate(epochMs + 604800_000)], ['Last-Modified', 'Thu, 17 Oct 2019 07:18:26 GMT'], ['Server', 'ECAcc (nyd/D184)'],
        ['Vary', 'Accept-Encoding'], ['X-Cache', 'HIT'], ['Content-Length', String(EXAMPLE_PAGE.length)],
      ],
      body: EXAMPLE_PAGE,
    };
  }
  const body = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>dockersim: no page is simulated on this host</center>\r\n</body>\r\n</html>\r\n';
  return {
    status: 404, reason: 'Not Found',
    headers: [['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']],
    body,
  };
}
