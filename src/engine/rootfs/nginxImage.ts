/**
 * The official `nginx` image (docker-nginx's mainline Dockerfiles at nginx 1.27.4): nginx.org's package on
 * debian:bookworm-slim (`latest`) or on alpine (`alpine`), the `nginx` user (uid 101), curl and envsubst, the
 * access and error logs linked to the container's stdout and stderr, and /docker-entrypoint.sh with its
 * /docker-entrypoint.d scripts. The scripts are shell our sh runs, written here in our own words with the
 * lines the real ones print.
 */
import type { Tree } from '../fs/tree.js';
import { alpineTreeBuilder } from './alpine.js';
import { TreeBuilder, lines } from './builder.js';
import { addDebianSlim } from './debian.js';
import { imageMtime } from './images.js';
import { FASTCGI_PARAMS, MIME_TYPES, SCGI_PARAMS, UWSGI_PARAMS, WELCOME_HTML } from './packages/nginxFiles.js';

export const NGINX_ORG_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

const FIFTY_X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const LOG = `entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}
`;

/** Runs the scripts in /docker-entrypoint.d in name order when the command is nginx, then execs the command. */
export const DOCKER_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et
# dockersim: docker-nginx's entrypoint, retold with the same messages in the same order.

set -e

${LOG}
if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    found=
    for f in /docker-entrypoint.d/*; do
        if [ -f "$f" ]; then found=yes; break; fi
    done
    if [ -n "$found" ]; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        for f in /docker-entrypoint.d/*; do
            [ -f "$f" ] || continue
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

/**
 * Adds `listen [::]:80;` to an untouched default.conf when the kernel has IPv6 (/proc/net/if_inet6); the real
 * script compares the file with the package's checksum, this one with the packaged text itself.
 */
const LISTEN_IPV6 = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

${LOG}
ME=\${0##*/}
DEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"

if [ ! -f "/proc/net/if_inet6" ]; then
    entrypoint_log "$ME: info: ipv6 not available"
    exit 0
fi

if [ ! -f "/$DEFAULT_CONF_FILE" ]; then
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist"
    exit 0
fi

touch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log "$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)"; exit 0; }

grep -q "listen  \\[::]\\:80;" /$DEFAULT_CONF_FILE && { entrypoint_log "$ME: info: IPv6 listen already enabled"; exit 0; }

if [ -f "/etc/os-release" ]; then
    . /etc/os-release
else
    entrypoint_log "$ME: info: can not guess the operating system"
    exit 0
fi

entrypoint_log "$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE"

case "$ID" in
    debian|alpine) ;;
    *)
        entrypoint_log "$ME: info: Unsupported distribution"
        exit 0
        ;;
esac

PACKAGED='${NGINX_DEFAULT_CONF.replace(/'/g, "'\\''")}'
if [ "$(cat /$DEFAULT_CONF_FILE)" != "$(printf '%s' "$PACKAGED")" ]; then
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version"
    exit 0
fi

{
    while IFS= read -r line; do
        printf '%s\\n' "$line"
        if [ "$line" = "    listen       80;" ]; then printf '%s\\n' "    listen  [::]:80;"; fi
    done < /$DEFAULT_CONF_FILE
} > /tmp/default.conf.$$
cat /tmp/default.conf.$$ > /$DEFAULT_CONF_FILE
rm -f /tmp/default.conf.$$

entrypoint_log "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"

exit 0
`;

const LOCAL_RESOLVERS = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=
while read -r key value rest; do
  if [ "$key" = "nameserver" ]; then
    case "$value" in
      *:*) value="[$value]" ;;
    esac
    NGINX_LOCAL_RESOLVERS="$NGINX_LOCAL_RESOLVERS$value "
  fi
done < /etc/resolv.conf
NGINX_LOCAL_RESOLVERS="\${NGINX_LOCAL_RESOLVERS% }"
export NGINX_LOCAL_RESOLVERS
`;

const ENVSUBST = `#!/bin/sh

set -e

ME=\${0##*/}

${LOG}
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
  entrypoint_log "$ME: ERROR: $template_dir exists, but $output_dir is not writable"
  exit 0
fi
for template in "$template_dir"/*"$suffix"; do
  [ -f "$template" ] || continue
  relative_path="\${template#"$template_dir/"}"
  output_path="$output_dir/\${relative_path%"$suffix"}"
  entrypoint_log "$ME: Running envsubst on $template to $output_path"
  envsubst < "$template" > "$output_path"
done

exit 0
`;

const TUNE_WORKERS = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
ME=\${0##*/}
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0

echo >&2 "$ME: dockersim: worker_processes autotuning from the cgroup's CPU quota is not simulated"
exit 1
`;

/** nginx.org's package files and the image's own: shared by the Debian and Alpine variants. */
function addNginxOrg(b: TreeBuilder, program: string, nologin: string): void {
  b.bin('/usr/sbin/nginx', program).bin('/usr/sbin/nginx-debug', program);
  b.file('/etc/nginx/nginx.conf', NGINX_ORG_CONF.slice(1));
  b.file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
  b.file('/etc/nginx/mime.types', MIME_TYPES).file('/etc/nginx/fastcgi_params', FASTCGI_PARAMS);
  b.file('/etc/nginx/scgi_params', SCGI_PARAMS).file('/etc/nginx/uwsgi_params', UWSGI_PARAMS);
  b.link('/etc/nginx/modules', '../../usr/lib/nginx/modules');
  for (const m of ['ngx_http_geoip_module.so', 'ngx_http_image_filter_module.so', 'ngx_http_js_module.so', 'ngx_http_xslt_filter_module.so', 'ngx_stream_geoip_module.so', 'ngx_stream_js_module.so']) {
    b.lib(`/usr/lib/nginx/modules/${m}`);
  }
  b.file('/usr/share/nginx/html/index.html', WELCOME_HTML).file('/usr/share/nginx/html/50x.html', FIFTY_X);
  b.dir('/var/cache/nginx');
  b.dir('/var/log/nginx');
  b.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
  b.file('/etc/logrotate.d/nginx', lines('/var/log/nginx/*.log {', '        daily', '        missingok', '        rotate 52', '        compress', '        delaycompress', '        notifempty', '        create 640 nginx adm', '        sharedscripts', '        postrotate', '                nginx -s reopen', '        endscript', '}'));
  b.bin('/usr/bin/curl', 'curl').bin('/usr/bin/envsubst', 'envsubst');
  b.file('/docker-entrypoint.sh', DOCKER_ENTRYPOINT, 0o775);
  b.file('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', LISTEN_IPV6, 0o775);
  b.file('/docker-entrypoint.d/15-local-resolvers.envsh', LOCAL_RESOLVERS, 0o775);
  b.file('/docker-entrypoint.d/20-envsubst-on-templates.sh', ENVSUBST, 0o775);
  b.file('/docker-entrypoint.d/30-tune-worker-processes.sh', TUNE_WORKERS, 0o775);
  void nologin;
}

/** `nginx:1.27.4` (latest): on debian:bookworm-slim. */
export function nginxDebianTree(): Tree {
  const b = new TreeBuilder(imageMtime('nginx:1.27.4'));
  addDebianSlim(b, { users: ['nginx:x:101:101:nginx user:/nonexistent:/bin/false'], groups: [['nginx', 101]] });
  addNginxOrg(b, 'nginx-org', '/bin/false');
  b.file('/etc/init.d/nginx', '#!/bin/sh\n### BEGIN INIT INFO\n# Provides:          nginx\n### END INIT INFO\n# (trimmed)\n', 0o755);
  b.file('/etc/default/nginx', lines('# Default settings for nginx (trimmed)'));
  b.file('/usr/lib/systemd/system/nginx.service', lines('[Unit]', 'Description=nginx - high performance web server', '(trimmed)'));
  return b.build();
}

/** `nginx:1.27.4-alpine` (alpine): on alpine 3.21. */
export function nginxAlpineTree(): Tree {
  const b = alpineTreeBuilder(imageMtime('nginx:1.27.4-alpine'), {
    users: ['nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin'], groups: [['nginx', 101, 'nginx']],
  });
  addNginxOrg(b, 'nginx-org-alpine', '/sbin/nologin');
  return b.build();
}
