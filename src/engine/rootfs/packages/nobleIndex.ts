/**
 * Ubuntu 24.04 (noble)'s archive beyond the image's own packages: what tutorials install and its dependency closure
 * (format: archive.ts `parseIndex`). Only apt needs it, so it loads with apt's chunk, not with the host's boot.
 */

export const NOBLE_INDEX = `
# name|version|arch|suite/component|section|priority|isize|size|Depends|Pre-Depends|Recommends|Suggests|Provides|flags|description
nginx|1.24.0-2ubuntu7.1|amd64|noble-updates/main|httpd|optional|1322|520644|nginx-common (= 1.24.0-2ubuntu7.1), iproute2, libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre2-8-0 (>= 10.22), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.1.4)||||httpd, httpd-cgi, nginx-abi-1.24.0-1||small, powerful, scalable web/proxy server
nginx-common|1.24.0-2ubuntu7.1|all|noble-updates/main|httpd|optional|239|31218|debconf (>= 0.5) | debconf-2.0|||fcgiwrap, nginx-doc, ssl-cert||s=nginx|small, powerful, scalable web/proxy server - common files
iproute2|6.1.0-1ubuntu6|amd64|noble/main|net|important|3365|1120512|debconf (>= 0.5) | debconf-2.0, libbpf1 (>= 1:0.6.0), libbsd0 (>= 0.0), libc6 (>= 2.38), libcap2 (>= 1:2.10), libdb5.3t64, libcap2-bin, libelf1t64 (>= 0.131), libmnl0 (>= 1.0.3-4~), libselinux1 (>= 3.1~), libtirpc3t64 (>= 1.0.2), libxtables12 (>= 1.6.0+snapshot20161117)||libatm1t64 (>= 2.4.1-17~), libpam-cap|iproute2-doc|arping|d|networking and traffic control tools
libbpf1|1:1.3.0-2build2|amd64|noble/main|libs|optional|436|166052|libc6 (>= 2.38), libelf1t64 (>= 0.144), zlib1g (>= 1:1.2.3.3)|||||l,m,s=libbpf|eBPF helper library (shared library)
libbsd0|0.12.1-1build1|amd64|noble/main|libs|optional|138|41463|libc6 (>= 2.38), libmd0 (>= 1.0.3-2)|||||l,m,s=libbsd|utility functions from BSD systems - shared library
libcap2-bin|1:2.66-5ubuntu2|amd64|noble/main|utils|important|129|34330|libc6 (>= 2.34), libcap2 (>= 1:2.63)||libpam-cap|||s=libcap2|POSIX 1003.1e capabilities (utilities)
libelf1t64|0.190-1.1build4|amd64|noble/main|libs|optional|151|57822|libc6 (>= 2.38), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.2.3.3)||||libelf1|l,m,s=elfutils|library to read and write ELF files
libmnl0|1.0.5-2build1|amd64|noble/main|libs|optional|47|12281|libc6 (>= 2.14)|||||l,m,s=libmnl|minimalistic Netlink communication library
libpam-cap|1:2.66-5ubuntu2|amd64|noble/main|admin|optional|60|12504|libc6 (>= 2.4), libcap2 (>= 1:2.63), libpam0g (>= 0.99.7.1)|||||m,s=libcap2|POSIX 1003.1e capabilities (PAM module)
libxtables12|1.8.10-3ubuntu2|amd64|noble/main|libs|optional|99|35664|libc6 (>= 2.38)|||||l,m,s=iptables|netfilter xtables library
libatm1t64|1:2.5.1-5.1build1|amd64|noble/main|libs|optional|82|22588|libc6 (>= 2.38)|||||l,m,s=linux-atm|shared library for ATM (Asynchronous Transfer Mode)
libtirpc3t64|1.3.4+ds-1.1build1|amd64|noble/main|libs|standard|216|82268|libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libtirpc-common (>= 1.3.4+ds-1.1build1)|||||l,m,s=libtirpc|transport-independent RPC library
libtirpc-common|1.3.4+ds-1.1build1|all|noble/main|libs|standard|35|8094||||||s=libtirpc|transport-independent RPC library - common files
libgssapi-krb5-2|1.20.1-6ubuntu2.1|amd64|noble-updates/main|libs|standard|438|143016|libc6 (>= 2.38), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkrb5-3 (= 1.20.1-6ubuntu2.1), libkrb5support0 (>= 1.15~beta1)||krb5-locales|krb5-doc, krb5-user||l,m,s=krb5|MIT Kerberos runtime libraries - krb5 GSS-API Mechanism
libkrb5-3|1.20.1-6ubuntu2.1|amd64|noble-updates/main|libs|standard|1058|347928|libc6 (>= 2.38), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkeyutils1 (>= 1.5.9), libkrb5support0 (= 1.20.1-6ubuntu2.1), libssl3t64 (>= 3.0.0)||krb5-locales|krb5-doc, krb5-user||l,m,s=krb5|MIT Kerberos runtime libraries
libk5crypto3|1.20.1-6ubuntu2.1|amd64|noble-updates/main|libs|standard|291|81790|libc6 (>= 2.38), libkrb5support0 (>= 1.20)|||||l,m,s=krb5|MIT Kerberos runtime libraries - Crypto Library
libkrb5support0|1.20.1-6ubuntu2.1|amd64|noble-updates/main|libs|standard|133|34134|libc6 (>= 2.38)|||||l,m,s=krb5|MIT Kerberos runtime libraries - Support library
libkeyutils1|1.6.3-3build1|amd64|noble/main|misc|optional|48|9490|libc6 (>= 2.38)|||||l,m,s=keyutils|Linux Key Management Utilities (library)
krb5-locales|1.20.1-6ubuntu2.1|all|noble-updates/main|localization|standard|66|13814||||||s=krb5|internationalization support for MIT Kerberos
curl|8.5.0-2ubuntu10.4|amd64|noble-updates/main|web|optional|534|226242|libc6 (>= 2.34), libcurl4t64 (= 8.5.0-2ubuntu10.4), zlib1g (>= 1:1.1.4)||||||command line tool for transferring data with URL syntax
libcurl4t64|8.5.0-2ubuntu10.4|amd64|noble-updates/main|libs|optional|915|341174|libbrotli1 (>= 0.6.0), libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 2.0.0), libldap2 (>= 2.6.2), libnghttp2-14 (>= 1.50.0), libpsl5t64 (>= 0.16.0), librtmp1 (>= 2.4+20131018.git79459a2-3~), libssh-4 (>= 0.9.0), libssl3t64 (>= 3.0.0), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.1.4)||ca-certificates|||l,m,s=curl|easy-to-use client-side URL transfer library (OpenSSL flavour)
libbrotli1|1.1.0-2build2|amd64|noble/main|libs|optional|829|339294|libc6 (>= 2.29)|||||l,m,s=brotli|library implementing brotli encoder and decoder (shared libraries)
libldap2|2.6.7+dfsg-1~exp1ubuntu8.1|amd64|noble-updates/main|libs|optional|535|196056|libc6 (>= 2.38), libgnutls30t64 (>= 3.8.2), libsasl2-2 (>= 2.1.28+dfsg1)||libldap-common, libsasl2-modules|||l,m,s=openldap|OpenLDAP libraries
libldap-common|2.6.7+dfsg-1~exp1ubuntu8.1|all|noble-updates/main|libs|optional|107|31594||||||s=openldap|OpenLDAP common files for libraries
libnghttp2-14|1.59.0-1ubuntu0.1|amd64|noble-updates/main|libs|optional|226|74324|libc6 (>= 2.17)|||||l,m,s=nghttp2|library implementing HTTP/2 protocol (shared library)
libpsl5t64|0.21.2-1.1build1|amd64|noble/main|libs|optional|103|57094|libidn2-0 (>= 0.16), libc6 (>= 2.33), libunistring5 (>= 0.9.7)||publicsuffix|||l,m,s=libpsl|Library for Public Suffix List (shared libraries)
publicsuffix|20231001.0357-0.1|all|noble/main|net|optional|319|129680||||||s=publicsuffix|accurate, machine-readable list of domain name suffixes
librtmp1|2.4+20151223.gitfa8646d.1-2build7|amd64|noble/main|libs|optional|140|56848|libc6 (>= 2.34), libgmp10 (>= 2:6.3.0+dfsg), libgnutls30t64 (>= 3.8.1), libhogweed6t64, libnettle8t64, zlib1g (>= 1:1.1.4)|||||l,m,s=rtmpdump|toolkit for RTMP streams -- shared library
libssh-4|0.10.6-2build2|amd64|noble/main|libs|optional|557|189168|libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.1.4)|||||l,m,s=libssh|tiny C SSH library (OpenSSL flavor)
libsasl2-2|2.1.28+dfsg1-5ubuntu3.1|amd64|noble-updates/main|libs|standard|121|53972|libsasl2-modules-db (>= 2.1.28+dfsg1-5ubuntu3.1), libc6 (>= 2.38)|||||l,m,s=cyrus-sasl2|Cyrus SASL - authentication abstraction library
libsasl2-modules-db|2.1.28+dfsg1-5ubuntu3.1|amd64|noble-updates/main|libs|standard|77|20474|libc6 (>= 2.4), libdb5.3t64|||||l,m,s=cyrus-sasl2|Cyrus SASL - pluggable authentication modules (DB)
libsasl2-modules|2.1.28+dfsg1-5ubuntu3.1|amd64|noble-updates/main|libs|optional|330|69558|libc6 (>= 2.38), libssl3t64 (>= 3.0.0)|||libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql||l,m,s=cyrus-sasl2|Cyrus SASL - pluggable authentication modules
ca-certificates|20240203|all|noble/main|misc|important|378|159468|openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0|||||d|Common CA certificates
openssl|3.0.13-0ubuntu3.4|amd64|noble-updates/main|utils|important|2190|1002442|libc6 (>= 2.34), libssl3t64 (>= 3.0.9)|||ca-certificates|||Secure Sockets Layer toolkit - cryptographic utility
wget|1.21.4-1ubuntu4.1|amd64|noble-updates/main|web|standard|938|334470|libc6 (>= 2.38), libidn2-0 (>= 0.6), libpcre2-8-0 (>= 10.22), libpsl5t64 (>= 0.16.0), libssl3t64 (>= 3.0.0), libuuid1 (>= 2.16), zlib1g (>= 1:1.1.4)||ca-certificates||||retrieves files from the web
iputils-ping|3:20240117-1build1|amd64|noble/main|net|important|117|44508|libc6 (>= 2.38), libcap2 (>= 1:2.10), libidn2-0 (>= 0.6)|||||s=iputils|Tools to test the reachability of network hosts
net-tools|2.10-0.1ubuntu4|amd64|noble/main|net|optional|785|204454|libc6 (>= 2.38), libselinux1 (>= 3.1~)||||||NET-3 networking toolkit
traceroute|1:2.1.5-1|amd64|noble/universe|net|optional|159|45802|libc6 (>= 2.34)||||||Traces the route taken by packets over an IPv4/IPv6 network
netcat-openbsd|1.226-1ubuntu2|amd64|noble/main|net|important|111|44418|libbsd0 (>= 0.11.0), libc6 (>= 2.34)||||netcat||TCP/IP swiss army knife
less|590-2ubuntu2.1|amd64|noble-updates/main|text|standard|359|142484|libc6 (>= 2.34), libtinfo6 (>= 6)||||||pager program similar to more
nano|7.2-2ubuntu0.1|amd64|noble-updates/main|editors|important|881|280098|libc6 (>= 2.34), libncursesw6 (>= 6), libtinfo6 (>= 6)|||hunspell|editor||small, friendly text editor inspired by Pico
vim|2:9.1.0016-1ubuntu7.2|amd64|noble-updates/main|editors|optional|4194|1881120|vim-common (= 2:9.1.0016-1ubuntu7.2), vim-runtime (= 2:9.1.0016-1ubuntu7.2), libacl1 (>= 2.2.23), libc6 (>= 2.38), libgpm2 (>= 1.20.7), libpython3.12t64 (>= 3.12.1), libselinux1 (>= 3.1~), libsodium23 (>= 1.0.14), libtinfo6 (>= 6)|||ctags, vim-doc, vim-scripts|editor|s=vim|Vi IMproved - enhanced vi editor
vim-common|2:9.1.0016-1ubuntu7.2|all|noble-updates/main|editors|important|389|385226|||xxd|||s=vim|Vi IMproved - Common files
vim-runtime|2:9.1.0016-1ubuntu7.2|all|noble-updates/main|editors|optional|39946|7283632||||||s=vim|Vi IMproved - Runtime files
xxd|2:9.1.0016-1ubuntu7.2|amd64|noble-updates/main|editors|important|217|63440|libc6 (>= 2.34)|||||s=vim|tool to make (or reverse) a hex dump
libgpm2|1.20.7-11|amd64|noble/main|libs|optional|45|14754|libc6 (>= 2.33)|||gpm||l,m,s=gpm|General Purpose Mouse - shared library
libsodium23|1.0.18-1build3|amd64|noble/main|libs|optional|405|161240|libc6 (>= 2.34)|||||l,m,s=libsodium|Network communication, cryptography and signaturing library
libpython3.12t64|3.12.3-1ubuntu0.3|amd64|noble-updates/main|libs|optional|8324|2339418|libexpat1 (>= 2.1~beta3), libpython3.12-stdlib (= 3.12.3-1ubuntu0.3), libc6 (>= 2.38), libffi8 (>= 3.4), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.2.0)|||||l,m,s=python3.12|Shared Python runtime library (version 3.12)
libpython3.12-stdlib|3.12.3-1ubuntu0.3|amd64|noble-updates/main|python|optional|7656|2068046|libpython3.12-minimal (= 3.12.3-1ubuntu0.3), media-types | mime-support, netbase, tzdata, libbz2-1.0, libc6 (>= 2.38), libdb5.3t64, libffi8 (>= 3.4), liblzma5 (>= 5.1.1alpha+20120614), libmpdec3 (>= 2.5.1), libncursesw6 (>= 6.1), libreadline8t64 (>= 7.0~beta), libsqlite3-0 (>= 3.36.0), libtinfo6 (>= 6), libuuid1 (>= 2.20.1)|||||m,s=python3.12|Interactive high-level object-oriented language (standard library, version 3.12)
libpython3.12-minimal|3.12.3-1ubuntu0.3|amd64|noble-updates/main|python|optional|5144|835626|libc6 (>= 2.14), libssl3t64 (>= 3.0.0)||libpython3.12-stdlib|||m,s=python3.12|Minimal subset of the Python language (version 3.12)
libexpat1|2.6.1-2build1|amd64|noble/main|libs|optional|217|87596|libc6 (>= 2.25)|||||l,m,s=expat|XML parsing C library - runtime library
libmpdec3|2.5.1-2build2|amd64|noble/main|libs|optional|220|89212|libc6 (>= 2.14)|||||l,m,s=mpdecimal|library for decimal floating point arithmetic (runtime library)
libreadline8t64|8.2-4build1|amd64|noble/main|libs|optional|503|153818|readline-common, libc6 (>= 2.38), libtinfo6 (>= 6)|||readline-doc||l,m,s=readline|GNU readline and history libraries, run-time libraries
readline-common|8.2-4build1|all|noble/main|utils|optional|90|56466||||readline-doc||s=readline|GNU readline and history libraries, common files
libsqlite3-0|3.45.1-1ubuntu2|amd64|noble/main|libs|optional|1545|701674|libc6 (>= 2.38)|||sqlite3||l,m,s=sqlite3|SQLite 3 shared library
media-types|10.1.0|all|noble/main|net|standard|92|27342|||||mime-support||List of standard media types and their usual file extension
netbase|6.4|all|noble/main|admin|important|41|13058|||||||Basic TCP/IP networking system
tzdata|2024a-3ubuntu1.1|all|noble-updates/main|localization|important|1448|273120|debconf (>= 0.5) | debconf-2.0||||tzdata-bookworm|d|time zone and daylight-saving time data
apache2|2.4.58-1ubuntu8.4|amd64|noble-updates/main|httpd|optional|465|90420|apache2-bin (= 2.4.58-1ubuntu8.4), apache2-data (= 2.4.58-1ubuntu8.4), apache2-utils (= 2.4.58-1ubuntu8.4), media-types, perl:any, procps|init-system-helpers (>= 1.54~)|ssl-cert|apache2-doc, apache2-suexec-pristine | apache2-suexec-custom, www-browser, ufw|httpd, httpd-cgi||Apache HTTP Server
apache2-bin|2.4.58-1ubuntu8.4|amd64|noble-updates/main|httpd|optional|4901|1331780|libapr1t64 (>= 1.7.0), libaprutil1-dbd-sqlite3 | libaprutil1-dbd-mysql | libaprutil1-dbd-odbc | libaprutil1-dbd-pgsql | libaprutil1-dbd-freetds, libaprutil1-ldap, libaprutil1t64 (>= 1.6.0), libbrotli1 (>= 0.6.0), libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libcurl4t64 (>= 7.16.2), libjansson4 (>= 2.14), libldap2 (>= 2.6.2), liblua5.4-0 (>= 5.4.6), libnghttp2-14 (>= 1.50.0), libpcre2-8-0 (>= 10.22), libssl3t64 (>= 3.0.0), libxml2 (>= 2.7.4), perl:any, zlib1g (>= 1:1.1.4)|||apache2-doc, apache2-suexec-pristine | apache2-suexec-custom, www-browser||s=apache2|Apache HTTP Server (modules and other binary files)
apache2-data|2.4.58-1ubuntu8.4|all|noble-updates/main|httpd|optional|842|163470||||||s=apache2|Apache HTTP Server (common files)
apache2-utils|2.4.58-1ubuntu8.4|amd64|noble-updates/main|httpd|optional|340|97808|libapr1t64 (>= 1.4.8-2~), libaprutil1t64 (>= 1.5.0), libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libssl3t64 (>= 3.0.0)|||||s=apache2|Apache HTTP Server (utility programs for web servers)
libapr1t64|1.7.2-3.1build2|amd64|noble/main|libs|optional|281|107630|libc6 (>= 2.38), libuuid1 (>= 2.16)|||||l,m,s=apr|Apache Portable Runtime Library
libaprutil1t64|1.6.3-1.1ubuntu7|amd64|noble/main|libs|optional|269|91798|libapr1t64 (>= 1.7.0), libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libdb5.3t64, libexpat1 (>= 2.0.1), libgdbm6t64 (>= 1.16), libssl3t64 (>= 3.0.0)|||||l,m,s=apr-util|Apache Portable Runtime Utility Library
libaprutil1-dbd-sqlite3|1.6.3-1.1ubuntu7|amd64|noble/main|libs|optional|49|11292|libaprutil1t64 (= 1.6.3-1.1ubuntu7), libc6 (>= 2.14), libsqlite3-0 (>= 3.5.9)|||||m,s=apr-util|Apache Portable Runtime Utility Library - SQLite3 Driver
libaprutil1-ldap|1.6.3-1.1ubuntu7|amd64|noble/main|libs|optional|42|9180|libaprutil1t64 (= 1.6.3-1.1ubuntu7), libc6 (>= 2.4), libldap2 (>= 2.6.2)|||||m,s=apr-util|Apache Portable Runtime Utility Library - LDAP Driver
libgdbm6t64|1.23-5.1build1|amd64|noble/main|libs|optional|91|34170|libc6 (>= 2.34)|||gdbm-l10n||l,m,s=gdbm|GNU dbm database routines (runtime version)
libgdbm-compat4t64|1.23-5.1build1|amd64|noble/main|libs|optional|32|6224|libc6 (>= 2.4), libgdbm6t64 (>= 1.16)|||||l,m,s=gdbm|GNU dbm database routines (legacy support runtime version)
libjansson4|2.14-2build2|amd64|noble/main|libs|optional|85|32434|libc6 (>= 2.14)|||||l,m,s=jansson|C library for encoding, decoding and manipulating JSON data
liblua5.4-0|5.4.6-3build2|amd64|noble/main|libs|optional|346|166254|libc6 (>= 2.34)|||||l,m,s=lua5.4|Shared library for the Lua interpreter version 5.4
libxml2|2.9.14+dfsg-1.3ubuntu3|amd64|noble/main|libs|optional|2044|762574|libc6 (>= 2.38), libicu74 (>= 74.1-1~), liblzma5 (>= 5.1.1alpha+20120614), zlib1g (>= 1:1.2.3.3)|||||l,m,s=libxml2|GNOME XML library
libicu74|74.2-1ubuntu3.1|amd64|noble-updates/main|libs|optional|35962|10853066|libc6 (>= 2.34), libgcc-s1 (>= 3.3.1), libstdc++6 (>= 13)|||||l,m,s=icu|International Components for Unicode
ssl-cert|1.1.2ubuntu1|all|noble/main|utils|optional|80|17552|openssl (>= 0.9.8g-9), debconf (>= 0.5) | debconf-2.0, adduser|||openssl-blacklist||d|simple debconf wrapper for OpenSSL
adduser|3.137ubuntu1|all|noble/main|admin|important|608|107862|passwd|||liblocale-gettext-perl, perl, cron, quota, ecryptfs-utils|||add and remove users and groups
perl|5.38.2-3.2build2|amd64|noble/main|perl|standard|767|231108|perl-base (= 5.38.2-3.2build2), perl-modules-5.38 (>= 5.38.2-3.2build2), libperl5.38t64 (= 5.38.2-3.2build2)||netbase|perl-doc, libterm-readline-gnu-perl | libterm-readline-perl-perl, make, libtap-harness-archive-perl|perl5, perlapi-5.38.2||Larry Wall's Practical Extraction and Report Language
perl-modules-5.38|5.38.2-3.2build2|all|noble/main|perl|standard|17732|3110248|perl-base (>= 5.38.2-3.2build2)|||||s=perl|Core Perl modules
libperl5.38t64|5.38.2-3.2build2|amd64|noble/main|libs|standard|27488|4870908|libbz2-1.0, libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libdb5.3t64, libgdbm-compat4t64 (>= 1.18-3), libgdbm6t64 (>= 1.21), zlib1g (>= 1:1.2.2), perl-modules-5.38 (>= 5.38.2-3.2build2)|||sensible-utils||l,m,s=perl|shared Perl library
redis-server|5:7.0.15-1build2|amd64|noble/universe|database|optional|252|43650|adduser, redis-tools (= 5:7.0.15-1build2)|||ruby-redis||s=redis|Persistent key-value database with network interface
redis-tools|5:7.0.15-1build2|amd64|noble/universe|database|optional|6504|1151744|libatomic1 (>= 4.8), libc6 (>= 2.38), libjemalloc2 (>= 4.0.0), liblzf1 (>= 1.5), libssl3t64 (>= 3.0.0), libsystemd0|||ruby-redis||s=redis|Persistent key-value database with network interface (client)
libjemalloc2|5.3.0-2build1|amd64|noble/universe|libs|optional|349|256404|libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 5)|||||l,m,s=jemalloc|general-purpose scalable concurrent malloc(3) implementation
liblzf1|3.6-4|amd64|noble/universe|libs|optional|26|7444|libc6 (>= 2.14)|||||l,m,s=liblzf|Compression library - runtime
libatomic1|14-20240412-0ubuntu1|amd64|noble/main|libs|optional|43|10384|gcc-14-base (= 14-20240412-0ubuntu1), libc6 (>= 2.14)|||||l,m,s=gcc-14|support library providing __atomic built-in functions
dnsutils|1:9.18.28-0ubuntu0.24.04.1|all|noble-updates/main|oldlibs|optional|20|3924|bind9-dnsutils|||||s=bind9|Transitional package for bind9-dnsutils
bind9-dnsutils|1:9.18.28-0ubuntu0.24.04.1|amd64|noble-updates/main|net|standard|545|159040|bind9-host | host, bind9-libs (= 1:9.18.28-0ubuntu0.24.04.1), libc6 (>= 2.38), libedit2 (>= 3.1-20140620-2), libidn2-0 (>= 2.0.0), libkrb5-3 (>= 1.6.dfsg.2), libssl3t64 (>= 3.0.0)|||||s=bind9|Clients provided with BIND 9
bind9-host|1:9.18.28-0ubuntu0.24.04.1|amd64|noble-updates/main|net|standard|148|50362|bind9-libs (= 1:9.18.28-0ubuntu0.24.04.1), libc6 (>= 2.34), libidn2-0 (>= 2.0.0)||||host|s=bind9|DNS Lookup Utility
bind9-libs|1:9.18.28-0ubuntu0.24.04.1|amd64|noble-updates/main|libs|standard|3417|1253262|libc6 (>= 2.38), libfstrm0 (>= 0.2.0), libgssapi-krb5-2 (>= 1.17), libjson-c5 (>= 0.15), libkrb5-3 (>= 1.6.dfsg.2), liblmdb0 (>= 0.9.7), libmaxminddb0 (>= 1.3.0), libnghttp2-14 (>= 1.12.0), libprotobuf-c1 (>= 1.0.1), libssl3t64 (>= 3.0.0), libuv1t64 (>= 1.38.0), libxml2 (>= 2.7.4), zlib1g (>= 1:1.2.0)|||||l,m,s=bind9|Shared Libraries used by BIND 9
libedit2|3.1-20230828-1build1|amd64|noble/main|libs|standard|257|97618|libbsd0 (>= 0.1.3), libc6 (>= 2.33), libtinfo6 (>= 6)|||||l,m,s=libedit|BSD editline and history libraries
libfstrm0|0.6.1-1build3|amd64|noble/main|libs|optional|55|21622|libc6 (>= 2.14)|||||l,m,s=fstrm|Frame Streams (fstrm) library
libjson-c5|0.17-1build1|amd64|noble/main|libs|optional|99|35172|libc6 (>= 2.38)|||||l,m,s=json-c|JSON manipulation library - shared library
liblmdb0|0.9.31-1build1|amd64|noble/main|libs|optional|104|48140|libc6 (>= 2.14)|||||l,m,s=lmdb|Lightning Memory-Mapped Database shared library
libmaxminddb0|1.9.1-1build1|amd64|noble/main|libs|optional|58|24494|libc6 (>= 2.14)|||mmdb-bin||l,m,s=libmaxminddb|IP geolocation database library
libprotobuf-c1|1.4.1-1ubuntu4|amd64|noble/main|libs|optional|72|21228|libc6 (>= 2.14)|||||l,m,s=protobuf-c|Protocol Buffers C shared library (protobuf-c)
libuv1t64|1.48.0-1.1build1|amd64|noble/main|libs|optional|265|96562|libc6 (>= 2.38)|||||l,m,s=libuv1|asynchronous event notification library - runtime library
git|1:2.43.0-1ubuntu7.1|amd64|noble-updates/main|vcs|optional|41352|3680256|libc6 (>= 2.38), libcurl3t64-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.2), perl, liberror-perl, git-man (>> 1:2.43.0)||ca-certificates, patch, less, ssh-client|gettext-base, git-daemon-run | git-daemon-sysvinit, git-doc, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn|git-core, git-completion||fast, scalable, distributed revision control system
git-man|1:2.43.0-1ubuntu7.1|all|noble-updates/main|doc|optional|2168|1100480||||||s=git|fast, scalable, distributed revision control system (manual pages)
liberror-perl|0.17029-2|all|noble/main|perl|optional|40|25542|perl:any||||||Perl module for error/exception handling in an OO-ish way
libcurl3t64-gnutls|8.5.0-2ubuntu10.4|amd64|noble-updates/main|libs|optional|860|333998|libbrotli1 (>= 0.6.0), libc6 (>= 2.38), libgnutls30t64 (>= 3.8.2), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 2.0.0), libldap2 (>= 2.6.2), libnettle8t64, libnghttp2-14 (>= 1.50.0), libpsl5t64 (>= 0.16.0), librtmp1 (>= 2.4+20131018.git79459a2-3~), libssh-4 (>= 0.9.0), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.1.4)||ca-certificates|||l,m,s=curl|easy-to-use client-side URL transfer library (GnuTLS flavour)
patch|2.7.6-7build3|amd64|noble/main|vcs|optional|254|104932|libc6 (>= 2.34)|||diffutils-doc, ed|||Apply a diff file to an original
openssh-client|1:9.6p1-3ubuntu13.5|amd64|noble-updates/main|net|standard|3564|905474|adduser, passwd, libc6 (>= 2.38), libedit2 (>= 2.11-20080614-0), libfido2-1 (>= 1.8.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3t64 (>= 3.0.13), zlib1g (>= 1:1.1.4)||xauth|keychain, libpam-ssh, monkeysphere, ssh-askpass|ssh-client|s=openssh|secure shell (SSH) client, for secure access to remote machines
libfido2-1|1.14.0-1build3|amd64|noble/main|libs|optional|221|83490|libc6 (>= 2.38), libcbor0.10 (>= 0.10.0), libssl3t64 (>= 3.0.0), libudev1 (>= 183), zlib1g (>= 1:1.2.0)|||||l,m,s=libfido2|library for generating and verifying FIDO 2.0 objects
libcbor0.10|0.10.2-1.2ubuntu2|amd64|noble/main|libs|optional|65|25706|libc6 (>= 2.14)|||||l,m,s=libcbor|library for parsing and generating CBOR (RFC 7049)
xauth|1:1.1.2-1build1|amd64|noble/main|x11|optional|73|25330|libc6 (>= 2.34), libx11-6, libxau6 (>= 1:1.0.9), libxext6, libxmuu1||||||X authentication utility
libx11-6|2:1.8.7-1build1|amd64|noble/main|libs|optional|1472|650408|libc6 (>= 2.38), libxcb1 (>= 1.11.1), libx11-data|||||l,m,s=libx11|X11 client-side library
libx11-data|2:1.8.7-1build1|all|noble/main|x11|optional|1523|174468||||||s=libx11|X11 client-side library
libxau6|1:1.0.9-1build6|amd64|noble/main|libs|optional|36|7154|libc6 (>= 2.14)|||||l,m,s=libxau|X11 authorisation library
libxcb1|1.15-1ubuntu2|amd64|noble/main|libs|optional|239|45304|libc6 (>= 2.14), libxau6 (>= 1:1.0.9), libxdmcp6|||||l,m,s=libxcb|X C Binding
libxdmcp6|1:1.1.3-0ubuntu6|amd64|noble/main|libs|optional|43|10464|libbsd0 (>= 0.2.0), libc6 (>= 2.14)|||||l,m,s=libxdmcp|X11 Display Manager Control Protocol library
libxext6|2:1.3.4-1build2|amd64|noble/main|libs|optional|97|30054|libc6 (>= 2.14), libx11-6 (>= 2:1.6.1)|||||l,m,s=libxext|X11 miscellaneous extension library
libxmuu1|2:1.1.3-3build2|amd64|noble/main|libs|optional|40|8466|libc6 (>= 2.14), libx11-6 (>= 2:1.6.1)|||||l,m,s=libxmu|X11 miscellaneous micro-utility library
`;
