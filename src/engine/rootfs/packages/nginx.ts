/**
 * Ubuntu's nginx packages (contract 2): what `apt-get install nginx` puts on disk, per release. 24.04 splits
 * nginx (the binary) from nginx-common (configuration, the default site, the welcome page); 22.04 and older
 * have the binary in nginx-core, with `nginx` a metapackage. What each postinst creates (the sites-enabled
 * link, the log files, the page in /var/www/html) is written here too, as the installed system holds it.
 * The service is enabled (nginx-common's postinst links the unit, `Created symlink …`) but not started in a
 * container: nginx's postinst runs invoke-rc.d, which prints `invoke-rc.d: could not determine current
 * runlevel` and, where the image has debuerreotype's /usr/sbin/policy-rc.d (exit 101), `invoke-rc.d:
 * policy-rc.d denied execution of start.` (Debian 12's apt log on this machine shows both).
 */
import type { TreeBuilder } from '../builder.js';
import {
  DEFAULT_NGINX, FASTCGI_CONF, FASTCGI_PARAMS, LOGROTATE, MIME_TYPES, NGINX_CONF_DEBIAN, PROXY_PARAMS, SCGI_PARAMS,
  SITE_DEFAULT, SNIPPET_FASTCGI_PHP, SNIPPET_SNAKEOIL, SYSTEMD_UNIT, UFW_APP, UWSGI_PARAMS, WELCOME_HTML,
} from './nginxFiles.js';

/** The program each release's /usr/sbin/nginx runs (programs/nginx/builds.ts): its version and paths. */
export function nginxBinaryFor(release: string): string {
  const byRelease: Readonly<Record<string, string>> = {
    '24.04': 'nginx', '22.04': 'nginx-1.18-ubuntu', '20.04': 'nginx-1.18-ubuntu', '18.04': 'nginx-1.14-ubuntu',
    '16.04': 'nginx-1.10-ubuntu', '14.04': 'nginx-1.4-ubuntu',
  };
  return byRelease[release] ?? 'nginx';
}

/** The welcome page before nginx 1.21 (612 bytes: the `Content-Length: 612` of countless tutorials). */
export const WELCOME_HTML_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** Before Debian's 1.22 packaging moved error_log to the main context: the error log sits in http. */
function olderConf(): string {
  return NGINX_CONF_DEBIAN
    .replace('error_log /var/log/nginx/error.log;\n', '')
    .replace('\taccess_log /var/log/nginx/access.log;\n', '\taccess_log /var/log/nginx/access.log;\n\terror_log /var/log/nginx/error.log;\n');
}

/**
 * /etc/init.d/nginx, what `service nginx start` runs in a container: Debian's actions and Ubuntu's lsb logging
 * (` * Starting nginx nginx` and `[ OK ]` at the terminal's right edge; `   ...done.` when not a terminal),
 * written in our own words with plain shell instead of start-stop-daemon.
 */
export const INIT_SCRIPT = `#!/bin/sh

### BEGIN INIT INFO
# Provides:	  nginx
# Required-Start:    $local_fs $remote_fs $network $syslog $named
# Required-Stop:     $local_fs $remote_fs $network $syslog $named
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: starts the nginx web server
# Description:       starts nginx using start-stop-daemon
### END INIT INFO

PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin
DAEMON=/usr/sbin/nginx
NAME=nginx
DESC=nginx
PID=/run/nginx.pid

test -x $DAEMON || exit 0

COL=
log_daemon_msg() {
	if [ -t 1 ] && [ -n "$TERM" ] && [ "$TERM" != dumb ]; then
		COLS=$(stty size 2>/dev/null | { read -r rows cols; echo "$cols"; })
		[ -n "$COLS" ] && [ "$COLS" -gt 6 ] || COLS=80
		COL=$((COLS - 7))
		printf ' * %s       ' "$*"
		printf '\\033[%sG ' "$COLS"
	else
		echo " * $*"
		COL=
	fi
}

log_end_msg() {
	if [ -n "$COL" ]; then
		printf '\\r\\033[%sG' "$((COL + 1))"
		if [ "$1" -eq 0 ]; then echo "[ OK ]"; else printf '[\\033[31mfail\\033[39;49m]\\n'; fi
	elif [ "$1" -eq 0 ]; then
		echo "   ...done."
	else
		echo "   ...fail!"
	fi
	return "$1"
}

running() {
	[ -s "$PID" ] && [ -d "/proc/$(cat "$PID")" ]
}

test_config() {
	$DAEMON -t -q -g 'daemon on; master_process on;'
}

do_start() {
	running && return 1
	test_config || return 2
	$DAEMON -g 'daemon on; master_process on;' || return 2
}

do_stop() {
	running || return 1
	pid=$(cat "$PID")
	kill -TERM "$pid" 2>/dev/null
	i=0
	while [ -d "/proc/$pid" ]; do
		i=$((i + 1))
		[ "$i" -gt 30 ] && { kill -KILL "$pid" 2>/dev/null; break; }
		sleep 1
	done
	rm -f "$PID"
	return 0
}

case "$1" in
	start)
		log_daemon_msg "Starting $DESC" "$NAME"
		do_start
		case "$?" in
			0|1) log_end_msg 0 ;;
			2) log_end_msg 1 ;;
		esac
		;;
	stop)
		log_daemon_msg "Stopping $DESC" "$NAME"
		do_stop
		case "$?" in
			0|1) log_end_msg 0 ;;
			2) log_end_msg 1 ;;
		esac
		;;
	restart)
		log_daemon_msg "Restarting $DESC" "$NAME"
		if ! test_config; then
			log_end_msg 1
			exit 1
		fi
		do_stop
		do_start
		case "$?" in
			0|1) log_end_msg 0 ;;
			*) log_end_msg 1 ;;
		esac
		;;
	reload|force-reload)
		log_daemon_msg "Reloading $DESC configuration" "$NAME"
		if ! test_config; then
			log_end_msg 1
			exit 1
		fi
		running && kill -HUP "$(cat "$PID")"
		log_end_msg $?
		;;
	configtest|testconfig)
		log_daemon_msg "Testing $DESC configuration"
		test_config
		log_end_msg $?
		;;
	status)
		if running; then
			echo " * $NAME is running"
			exit 0
		fi
		echo " * $NAME is not running"
		exit 3
		;;
	*)
		echo "Usage: $NAME {start|stop|restart|reload|force-reload|status|configtest|rotate|upgrade}" >&2
		exit 3
		;;
esac
`;

/** www-data's uid/gid and adm's gid on every Ubuntu release. */
const WWW_DATA = 33;
const ADM = 4;

function common(b: TreeBuilder, release: string): void {
  const newer = release === '24.04';
  b.file('/etc/nginx/nginx.conf', newer ? NGINX_CONF_DEBIAN : olderConf());
  b.file('/etc/nginx/mime.types', MIME_TYPES);
  b.file('/etc/nginx/fastcgi.conf', FASTCGI_CONF).file('/etc/nginx/fastcgi_params', FASTCGI_PARAMS);
  b.file('/etc/nginx/proxy_params', PROXY_PARAMS).file('/etc/nginx/scgi_params', SCGI_PARAMS);
  b.file('/etc/nginx/uwsgi_params', UWSGI_PARAMS);
  for (const f of ['koi-utf', 'koi-win', 'win-utf']) {
    b.file(`/etc/nginx/${f}`, `# This map is not a full ${f} <> utf8 map (trimmed)\ncharset_map ${f.replace('-', ' ')} {\n}\n`);
  }
  b.file('/etc/nginx/snippets/fastcgi-php.conf', SNIPPET_FASTCGI_PHP).file('/etc/nginx/snippets/snakeoil.conf', SNIPPET_SNAKEOIL);
  b.file('/etc/nginx/sites-available/default', SITE_DEFAULT);
  b.link('/etc/nginx/sites-enabled/default', '/etc/nginx/sites-available/default');
  b.dirs(['/etc/nginx/conf.d', '/etc/nginx/modules-available', '/etc/nginx/modules-enabled']);
  b.file('/etc/default/nginx', DEFAULT_NGINX);
  b.file('/etc/init.d/nginx', INIT_SCRIPT, 0o755);
  b.file('/etc/logrotate.d/nginx', LOGROTATE);
  b.file('/etc/ufw/applications.d/nginx', UFW_APP);
  // Written where it lands on a usr-merged root; 22.04's package names it /lib/…, and so does its link.
  b.file('/usr/lib/systemd/system/nginx.service', SYSTEMD_UNIT);
  b.link('/etc/systemd/system/multi-user.target.wants/nginx.service', newer ? '/usr/lib/systemd/system/nginx.service' : '/lib/systemd/system/nginx.service');
  const page = newer ? WELCOME_HTML : WELCOME_HTML_OLD;
  b.file('/usr/share/nginx/html/index.html', page);
  b.file('/var/www/html/index.nginx-debian.html', page);
  b.dir('/var/log/nginx', 0o755, 0, ADM);
  b.file('/var/log/nginx/access.log', '', 0o640, WWW_DATA, ADM).file('/var/log/nginx/error.log', '', 0o640, WWW_DATA, ADM);
  b.dir('/var/lib/nginx', 0o755);
  b.file('/usr/share/doc/nginx-common/copyright', 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: nginx\n(trimmed)\n');
}

function binary(b: TreeBuilder, release: string, pkg: string): void {
  b.bin('/usr/sbin/nginx', nginxBinaryFor(release));
  b.file(`/usr/share/doc/${pkg}/copyright`, 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: nginx\n(trimmed)\n');
}

export const nginxContents: Readonly<Record<string, (b: TreeBuilder, release: string) => void>> = {
  'nginx-common': common,
  /** 24.04: the binary; before, a metapackage over nginx-core. */
  nginx: (b, release) => {
    if (release === '24.04') binary(b, release, 'nginx');
    else b.file('/usr/share/doc/nginx/copyright', 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n(trimmed)\n');
  },
  'nginx-core': (b, release) => binary(b, release, 'nginx-core'),
};
