/**
 * The nginx builds the simulator ships, each a binary name of its own (contract 3: the file on disk names its
 * build): Ubuntu 24.04's and 22.04's packages, and nginx.org's packages in the official image (Debian and
 * Alpine). They differ in version, the Server header, compiled-in paths and `-V`.
 */
import type { Defaults } from './model.js';

export interface Build extends Defaults {
  /** `nginx/1.24.0 (Ubuntu)`: -v, the Server header and error pages. */
  readonly product: string;
  readonly conf: string;
  readonly builtBy: string;
  readonly builtWith: string | null;
  readonly configure: string;
}

const UBUNTU_CC = (dir: string, ver: string, pkg: string, fortify: number, extra: string): string =>
  `--with-cc-opt='-g -O2 ${extra}-ffile-prefix-map=/build/${dir}/nginx-${ver}=. -flto=auto -ffat-lto-objects -fstack-protector-strong${fortify === 3 ? ' -fstack-clash-protection' : ''} -Wformat -Werror=format-security${fortify === 3 ? ' -fcf-protection' : ''} -fdebug-prefix-map=/build/${dir}/nginx-${ver}=/usr/src/nginx-${pkg} -fPIC -Wdate-time -D_FORTIFY_SOURCE=${fortify}'`;

const DEBIAN_MODULES = '--with-compat --with-debug --with-pcre-jit --with-http_ssl_module --with-http_stub_status_module --with-http_realip_module --with-http_auth_request_module --with-http_v2_module --with-http_dav_module --with-http_slice_module --with-threads';

const ORG_CONFIGURE = (cc: string, ld: string): string =>
  `--prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt='${cc}' --with-ld-opt='${ld}'`;

const UBUNTU_COMMON = {
  conf: '/etc/nginx/nginx.conf', pid: '/run/nginx.pid', accessLog: '/var/log/nginx/access.log', prefix: '/usr/share/nginx/',
  user: 'nobody',
};

const ORG_COMMON = {
  conf: '/etc/nginx/nginx.conf', pid: '/run/nginx.pid', accessLog: '/var/log/nginx/access.log', prefix: '/etc/nginx/',
  errorLog: '/var/log/nginx/error.log', user: 'nginx',
};

/** The official image's nginx version: nginx.org mainline when Docker 28.0 shipped (docker-nginx's Dockerfiles). */
export const NGINX_ORG_VERSION = '1.27.4';

export const BUILDS = {
  /** Ubuntu 24.04: nginx 1.24.0-2ubuntu7 (Debian's packaging: the error log defaults to stderr). */
  nginx: {
    ...UBUNTU_COMMON,
    product: 'nginx/1.24.0 (Ubuntu)',
    errorLog: 'stderr',
    builtBy: '',
    builtWith: 'OpenSSL 3.0.13 30 Jan 2024',
    configure: `${UBUNTU_CC('nginx-WLuzPu', '1.24.0', '1.24.0-2ubuntu7', 3, '-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer ')} --with-ld-opt='-Wl,-Bsymbolic-functions -flto=auto -ffat-lto-objects -Wl,-z,relro -Wl,-z,now -fPIC' --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=stderr --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --modules-path=/usr/lib/nginx/modules --http-client-body-temp-path=/var/lib/nginx/body --http-fastcgi-temp-path=/var/lib/nginx/fastcgi --http-proxy-temp-path=/var/lib/nginx/proxy --http-scgi-temp-path=/var/lib/nginx/scgi --http-uwsgi-temp-path=/var/lib/nginx/uwsgi ${DEBIAN_MODULES} --with-http_addition_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_secure_link_module --with-http_sub_module --with-mail_ssl_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-stream_realip_module --with-http_geoip_module=dynamic --with-http_image_filter_module=dynamic --with-http_perl_module=dynamic --with-http_xslt_module=dynamic --with-mail=dynamic --with-stream=dynamic --with-stream_geoip_module=dynamic`,
  },
  /** Ubuntu 22.04: nginx 1.18.0-6ubuntu14 (the error log still defaults to a file). */
  'nginx-1.18-ubuntu': {
    ...UBUNTU_COMMON,
    product: 'nginx/1.18.0 (Ubuntu)',
    errorLog: '/var/log/nginx/error.log',
    builtBy: '',
    builtWith: 'OpenSSL 3.0.2 15 Mar 2022',
    configure: `${UBUNTU_CC('nginx-zctdR4', '1.18.0', '1.18.0-6ubuntu14', 2, '')} --with-ld-opt='-Wl,-Bsymbolic-functions -flto=auto -ffat-lto-objects -flto=auto -Wl,-z,relro -Wl,-z,now -fPIC' --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=/var/log/nginx/error.log --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --modules-path=/usr/lib/nginx/modules --http-client-body-temp-path=/var/lib/nginx/body --http-fastcgi-temp-path=/var/lib/nginx/fastcgi --http-proxy-temp-path=/var/lib/nginx/proxy --http-scgi-temp-path=/var/lib/nginx/scgi --http-uwsgi-temp-path=/var/lib/nginx/uwsgi ${DEBIAN_MODULES} --add-dynamic-module=/build/nginx-zctdR4/nginx-1.18.0/debian/modules/http-geoip2 --with-http_addition_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_sub_module`,
  },
  /**
   * The releases the book's older tags carry (18.04: 1.14.0-0ubuntu1, 16.04: 1.10.3-0ubuntu0.16.04, 14.04:
   * 1.4.6-1ubuntu3). Their version and Server header are theirs; -V shows 22.04's configure line with the
   * version swapped in (dockersim does not have those builds' exact option lists).
   */
  'nginx-1.14-ubuntu': olderUbuntu('1.14.0', '1.14.0-0ubuntu1', 'OpenSSL 1.1.1  11 Sep 2018'),
  'nginx-1.10-ubuntu': olderUbuntu('1.10.3', '1.10.3-0ubuntu0.16.04', 'OpenSSL 1.0.2g  1 Mar 2016'),
  'nginx-1.4-ubuntu': olderUbuntu('1.4.6', '1.4.6-1ubuntu3', null),
  /** nginx.org's package on Debian bookworm (`nginx:latest`). */
  'nginx-org': {
    ...ORG_COMMON,
    product: `nginx/${NGINX_ORG_VERSION}`,
    builtBy: 'built by gcc 12.2.0 (Debian 12.2.0-14) ',
    builtWith: 'OpenSSL 3.0.15 3 Sep 2024',
    configure: ORG_CONFIGURE(
      `-g -O2 -ffile-prefix-map=/data/builder/debuild/nginx-${NGINX_ORG_VERSION}/debian/debuild-base/nginx-${NGINX_ORG_VERSION}=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC`,
      '-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'),
  },
  /** nginx.org's package on Alpine 3.21 (`nginx:alpine`). */
  'nginx-org-alpine': {
    ...ORG_COMMON,
    product: `nginx/${NGINX_ORG_VERSION}`,
    builtBy: 'built by gcc 14.2.0 (Alpine 14.2.0) ',
    builtWith: 'OpenSSL 3.3.2 3 Sep 2024 (running with OpenSSL 3.3.3 11 Feb 2025)',
    configure: ORG_CONFIGURE(
      '-Os -Wformat -Werror=format-security -g',
      '-Wl,--as-needed,-O1,--sort-common -Wl,-z,pack-relative-relocs'),
  },
} as const satisfies Record<string, Build>;

export type BuildName = keyof typeof BUILDS;

function olderUbuntu(version: string, pkg: string, openssl: string | null): Build {
  return {
    ...UBUNTU_COMMON,
    product: `nginx/${version} (Ubuntu)`,
    errorLog: '/var/log/nginx/error.log',
    builtBy: '',
    builtWith: openssl,
    configure: `${UBUNTU_CC('nginx-zctdR4', version, pkg, 2, '')} --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=/var/log/nginx/error.log --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --modules-path=/usr/lib/nginx/modules ${DEBIAN_MODULES}`,
  };
}
