/**
 * What a package puts on disk when dpkg unpacks it. A family that simulates a package's program (nginx,
 * redis, vim, nano, less) owns that package's files in its own module (`<family>Contents`, same signature),
 * and its entry replaces any row `FILES` has for the package.
 * Every other package is described by `FILES` below: its programs (by the simulated program each runs), the
 * shared libraries it ships, its config files. As in the image, dpkg's path-exclude rules keep the copyright
 * file of /usr/share/doc and no man pages (the image is "minimized"); dpkg adds the changelog.Debian.gz of a
 * package with no machine code here, which carries its Installed-Size (rootfs/sizes.ts sizePackage).
 */
import type { Tree } from '../../fs/tree.js';
import { TreeBuilder, lines } from '../builder.js';
import { nanoContents } from './nano.js';
import { nginxContents } from './nginx.js';
import { redisContents } from './redis.js';
import { vimContents } from './vim.js';

export type PackageContents = (b: TreeBuilder, release: string) => void;

const LIB = '/usr/lib/x86_64-linux-gnu';

/**
 * Path specs: `/usr/bin/curl` a program named after the file (PROGRAM_OF below maps the rest),
 * `lib:<soname-file>` a shared object in the multiarch dir, `link:/path=target`, `dir:/path`,
 * `etc:/path` an (empty) config file.
 */
const FILES: Readonly<Record<string, readonly string[]>> = {
  iproute2: ['/usr/bin/ip', '/usr/bin/ss', '/usr/bin/bridge', '/usr/bin/ctstat', '/usr/bin/lnstat', '/usr/bin/nstat',
    '/usr/bin/rtstat', '/usr/bin/tc', '/usr/bin/dcb', '/usr/bin/devlink', '/usr/bin/rdma', '/usr/bin/tipc', '/usr/bin/vdpa',
    '/usr/sbin/arpd', '/usr/sbin/genl', '/usr/sbin/rtacct', '/usr/sbin/rtmon', 'dir:/etc/iproute2', 'etc:/etc/iproute2/rt_tables'],
  'libcap2-bin': ['/usr/sbin/capsh', '/usr/sbin/getcap', '/usr/sbin/getpcaps', '/usr/sbin/setcap'],
  curl: ['/usr/bin/curl'],
  wget: ['/usr/bin/wget', 'etc:/etc/wgetrc'],
  'iputils-ping': ['/usr/bin/ping', 'link:/usr/bin/ping4=ping', 'link:/usr/bin/ping6=ping'],
  'net-tools': ['/usr/bin/netstat', '/usr/sbin/ifconfig', '/usr/sbin/route', '/usr/sbin/arp', '/usr/sbin/ipmaddr',
    '/usr/sbin/iptunnel', '/usr/sbin/mii-tool', '/usr/sbin/nameif', '/usr/sbin/plipconfig', '/usr/sbin/rarp', '/usr/sbin/slattach'],
  traceroute: ['/usr/bin/traceroute.db', 'link:/usr/bin/traceroute6.db=traceroute.db', '/usr/bin/lft.db', '/usr/bin/tcptraceroute.db', '/usr/sbin/traceproto.db'],
  'netcat-openbsd': ['/usr/bin/nc.openbsd'],
  less: ['/usr/bin/less', '/usr/bin/lessecho', '/usr/bin/lesskey', '/usr/bin/lesspipe', 'link:/usr/bin/lessfile=lesspipe'],
  nano: ['/usr/bin/nano', 'link:/usr/bin/rnano=nano', 'etc:/etc/nanorc'],
  vim: ['/usr/bin/vim.basic'],
  'vim-common': ['dir:/etc/vim', 'etc:/etc/vim/vimrc', 'dir:/usr/share/vim'],
  'vim-runtime': ['dir:/usr/share/vim/vim91', 'dir:/usr/share/vim/vim91/syntax', 'dir:/usr/share/vim/vim91/colors'],
  xxd: ['/usr/bin/xxd'],
  openssl: ['/usr/bin/openssl', '/usr/bin/c_rehash', 'dir:/etc/ssl/private', 'etc:/etc/ssl/openssl.cnf'],
  'ca-certificates': ['/usr/sbin/update-ca-certificates', 'dir:/usr/share/ca-certificates/mozilla', 'dir:/etc/ssl/certs',
    'etc:/etc/ca-certificates.conf', 'dir:/etc/ca-certificates/update.d'],
  'redis-tools': ['/usr/bin/redis-cli', '/usr/bin/redis-benchmark', 'link:/usr/bin/redis-check-aof=redis-server', 'link:/usr/bin/redis-check-rdb=redis-server'],
  'redis-server': ['/usr/bin/redis-server', 'dir:/etc/redis', 'etc:/etc/redis/redis.conf', 'dir:/var/lib/redis', 'dir:/var/log/redis',
    'etc:/usr/lib/systemd/system/redis-server.service'],
  'bind9-dnsutils': ['/usr/bin/dig', '/usr/bin/nslookup', '/usr/bin/nsupdate', '/usr/bin/delv', '/usr/bin/dnstap-read', '/usr/bin/mdig'],
  'bind9-host': ['/usr/bin/host'],
  git: ['/usr/bin/git', '/usr/bin/git-shell', 'link:/usr/bin/git-receive-pack=git', 'link:/usr/bin/git-upload-archive=git',
    'link:/usr/bin/git-upload-pack=git', 'dir:/usr/lib/git-core', 'dir:/usr/share/git-core/templates/branches',
    'dir:/usr/share/git-core/templates/hooks', 'etc:/usr/share/git-core/templates/description', 'etc:/usr/share/git-core/templates/info/exclude'],
  patch: ['/usr/bin/patch'],
  'openssh-client': ['/usr/bin/ssh', '/usr/bin/scp', '/usr/bin/sftp', '/usr/bin/ssh-add', '/usr/bin/ssh-agent',
    '/usr/bin/ssh-keygen', '/usr/bin/ssh-keyscan', 'dir:/etc/ssh', 'etc:/etc/ssh/ssh_config'],
  xauth: ['/usr/bin/xauth'],
  perl: ['/usr/bin/cpan', '/usr/bin/perldoc', '/usr/bin/prove', '/usr/bin/instmodsh'],
  adduser: ['/usr/sbin/adduser', '/usr/sbin/deluser', 'link:/usr/sbin/addgroup=adduser', 'link:/usr/sbin/delgroup=deluser', 'etc:/etc/adduser.conf'],
  apache2: ['/usr/sbin/apache2ctl', 'link:/usr/sbin/apachectl=apache2ctl', '/usr/sbin/a2enmod', '/usr/sbin/a2dismod',
    '/usr/sbin/a2ensite', '/usr/sbin/a2dissite', '/usr/sbin/a2enconf', '/usr/sbin/a2disconf', '/usr/sbin/a2query',
    'dir:/etc/apache2/sites-available', 'dir:/etc/apache2/sites-enabled', 'dir:/etc/apache2/mods-available',
    'dir:/etc/apache2/mods-enabled', 'dir:/etc/apache2/conf-available', 'dir:/etc/apache2/conf-enabled',
    'etc:/etc/apache2/apache2.conf', 'etc:/etc/apache2/ports.conf', 'etc:/etc/apache2/envvars',
    'dir:/var/log/apache2', 'dir:/var/www/html'],
  'apache2-bin': ['/usr/sbin/apache2', 'dir:/usr/lib/apache2/modules'],
  'apache2-utils': ['/usr/bin/ab', '/usr/bin/htpasswd', '/usr/bin/htdigest', '/usr/bin/logresolve', '/usr/sbin/rotatelogs'],
  tzdata: ['dir:/usr/share/zoneinfo', 'dir:/usr/share/zoneinfo/Etc', 'etc:/usr/share/zoneinfo/Etc/UTC'],
  netbase: ['etc:/etc/protocols', 'etc:/etc/services', 'etc:/etc/rpc', 'etc:/etc/ethertypes'],
  'media-types': ['etc:/etc/mime.types'],
  publicsuffix: ['dir:/usr/share/publicsuffix', 'etc:/usr/share/publicsuffix/public_suffix_list.dat'],
  'readline-common': ['etc:/etc/inputrc'],
};

/** Files whose name is not the simulated program it runs. */
const PROGRAM_OF: Readonly<Record<string, string>> = {
  'vim.basic': 'vim', 'nc.openbsd': 'nc', 'traceroute.db': 'traceroute', 'lft.db': 'lft',
  'tcptraceroute.db': 'tcptraceroute', 'traceproto.db': 'traceproto',
};

/** The shared objects a library package ships, where the name alone does not say. */
const SONAMES: Readonly<Record<string, string>> = {
  libbpf1: 'libbpf.so.1.3.0', libbsd0: 'libbsd.so.0.12.1', libelf1t64: 'libelf-0.190.so', libmnl0: 'libmnl.so.0.2.0',
  libxtables12: 'libxtables.so.12.7.0', libatm1t64: 'libatm.so.1.0.0', libtirpc3t64: 'libtirpc.so.3.0.0',
  'libgssapi-krb5-2': 'libgssapi_krb5.so.2.2', 'libkrb5-3': 'libkrb5.so.3.3', libk5crypto3: 'libk5crypto.so.3.1',
  libkrb5support0: 'libkrb5support.so.0.1', libkeyutils1: 'libkeyutils.so.1.10', libcurl4t64: 'libcurl.so.4.8.0',
  'libcurl3t64-gnutls': 'libcurl-gnutls.so.4.8.0', libbrotli1: 'libbrotlicommon.so.1.1.0', libldap2: 'libldap.so.2.0.200',
  'libnghttp2-14': 'libnghttp2.so.14.25.1', libpsl5t64: 'libpsl.so.5.3.4', librtmp1: 'librtmp.so.1', 'libssh-4': 'libssh.so.4.9.6',
  'libsasl2-2': 'libsasl2.so.2.0.25', libgpm2: 'libgpm.so.2', libsodium23: 'libsodium.so.23.3.0',
  'libpython3.12t64': 'libpython3.12.so.1.0', libexpat1: 'libexpat.so.1.9.1', libmpdec3: 'libmpdec.so.2.5.1',
  libreadline8t64: 'libreadline.so.8.2', 'libsqlite3-0': 'libsqlite3.so.0.8.6', libapr1t64: 'libapr-1.so.0.7.2',
  libaprutil1t64: 'libaprutil-1.so.0.6.3', libgdbm6t64: 'libgdbm.so.6.0.0', libjansson4: 'libjansson.so.4.14.0',
  'liblua5.4-0': 'liblua5.4.so.0.0.0', libxml2: 'libxml2.so.2.9.14', libicu74: 'libicuuc.so.74.2',
  'libperl5.38t64': 'libperl.so.5.38.2', libjemalloc2: 'libjemalloc.so.2', liblzf1: 'liblzf.so.1.5', libatomic1: 'libatomic.so.1.2.0',
  'bind9-libs': 'libdns-9.18.28-0ubuntu0.24.04.1-Ubuntu.so', libedit2: 'libedit.so.2.0.72', libfstrm0: 'libfstrm.so.0.0.0',
  'libjson-c5': 'libjson-c.so.5.3.0', liblmdb0: 'liblmdb.so.0.0.0', libmaxminddb0: 'libmaxminddb.so.0.0.7',
  'libprotobuf-c1': 'libprotobuf-c.so.1.0.0', libuv1t64: 'libuv.so.1.0.0', 'libfido2-1': 'libfido2.so.1.14.0',
  'libcbor0.10': 'libcbor.so.0.10.2', 'libx11-6': 'libX11.so.6.4.0', libxau6: 'libXau.so.6.0.0', libxcb1: 'libxcb.so.1.1.0',
  libxdmcp6: 'libXdmcp.so.6.0.0', libxext6: 'libXext.so.6.4.0', libxmuu1: 'libXmuu.so.1.0.0',
  'libgdbm-compat4t64': 'libgdbm_compat.so.4.0.0', 'libcurl3-gnutls': 'libcurl-gnutls.so.4.7.0', 'libcbor0.8': 'libcbor.so.0.8.0',
  'libperl5.34': 'libperl.so.5.34.0', libgdbm6: 'libgdbm.so.6.0.0', 'libgdbm-compat4': 'libgdbm_compat.so.4.0.0',
};

/** Real default contents of config files that matter to a learner, beyond the families' own modules. */
const CONFIG_TEXT: Readonly<Record<string, string>> = {
  '/etc/iproute2/rt_tables': lines('#', '# reserved values', '#', '255\tlocal', '254\tmain', '253\tdefault', '0\tunspec', '#',
    '# local', '#', '#1\tinr.ruhep'),
  // git init copies these (Ubuntu's templates also hold hook samples, which dockersim leaves out).
  '/usr/share/git-core/templates/description': "Unnamed repository; edit this file 'description' to name the repository.\n",
  '/usr/share/git-core/templates/info/exclude': lines('# git ls-files --others --exclude-from=.git/info/exclude',
    "# Lines that start with '#' are comments.", '# For a project mostly in C, the following would be a good set of',
    '# exclude patterns (uncomment them if you want to use them):', '# *.[oa]', '# *~'),
  '/usr/share/zoneinfo/Etc/UTC': 'TZif2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0UTC\0\nUTC0\n',
};

/** The families' modules, each the owner of its packages' files. */
const FAMILIES: Readonly<Record<string, PackageContents>> = { ...nanoContents, ...nginxContents, ...redisContents, ...vimContents };

/** Where each package's files come from: a family's module, else the table above. */
export const PACKAGE_CONTENTS: Record<string, PackageContents> = { ...FAMILIES };

/** Packages whose files a family module writes: their FILES rows are not used, so no path is written twice. */
const FAMILY_OWNED = new Set<string>(Object.keys(FAMILIES));

/** Registers more family modules' contents (tests use it for a family of their own). */
export function addFamilyContents(table: Readonly<Record<string, PackageContents>>): void {
  for (const [name, fn] of Object.entries(table)) {
    PACKAGE_CONTENTS[name] = fn;
    FAMILY_OWNED.add(name);
  }
}

function addSpec(b: TreeBuilder, spec: string): void {
  if (spec.startsWith('dir:')) b.dir(spec.slice(4));
  else if (spec.startsWith('etc:')) {
    const path = spec.slice(4);
    if (!b.has(path)) b.file(path, CONFIG_TEXT[path] ?? '');
  } else if (spec.startsWith('link:')) {
    const [path, target] = spec.slice(5).split('=');
    b.link(path, target);
  } else {
    const name = spec.slice(spec.lastIndexOf('/') + 1);
    b.bin(spec, PROGRAM_OF[name] ?? name);
  }
}

/**
 * The files `name` installs, as a tree rooted at `/`. `mtimeMs` is the time the package was built (files in
 * a .deb keep it).
 */
export function packageFiles(name: string, release: string, opts: { sharedLib: boolean; mtimeMs: number }): Tree {
  const b = new TreeBuilder(opts.mtimeMs);
  const own = PACKAGE_CONTENTS[name];
  // A family's module describes its package whole; the table here only fills in for the rest.
  if (!own || !FAMILY_OWNED.has(name)) for (const spec of FILES[name] ?? []) addSpec(b, spec);
  if (opts.sharedLib) {
    const so = SONAMES[name] ?? `${name.replace(/t64$/, '').replace(/-?(\d[\d.]*)$/, '')}.so.${/(\d[\d.]*)$/.exec(name.replace(/t64$/, ''))?.[1] ?? '0'}`;
    b.lib(`${LIB}/${so}`);
  }
  own?.(b, release);
  if (!b.has(`/usr/share/doc/${name}/copyright`)) b.file(`/usr/share/doc/${name}/copyright`, copyright(name));
  return b.build();
}

function copyright(name: string): string {
  return lines(
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${name}`,
    '',
    '(The full copyright and license text of this package is trimmed in dockersim.)',
  );
}
