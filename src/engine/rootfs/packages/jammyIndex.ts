/**
 * Ubuntu 22.04 (jammy)'s archive beyond the image's own packages: what tutorials install and its dependency closure
 * (format: archive.ts `parseIndex`). Only apt needs it, so it loads with apt's chunk, not with the host's boot.
 */

export const JAMMY_INDEX = `
# name|version|arch|suite/component|section|priority|isize|size|Depends|Pre-Depends|Recommends|Suggests|Provides|flags|description
nginx|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|49|3872|nginx-core (<< 1.18.0-6ubuntu14.5.1~) | nginx-full (<< 1.18.0-6ubuntu14.5.1~) | nginx-light (<< 1.18.0-6ubuntu14.5.1~) | nginx-extras (<< 1.18.0-6ubuntu14.5.1~), nginx-core (>= 1.18.0-6ubuntu14.5) | nginx-full (>= 1.18.0-6ubuntu14.5) | nginx-light (>= 1.18.0-6ubuntu14.5) | nginx-extras (>= 1.18.0-6ubuntu14.5)||||||small, powerful, scalable web/proxy server
nginx-core|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|1360|482944|libnginx-mod-http-geoip2 (= 1.18.0-6ubuntu14.5), libnginx-mod-http-image-filter (= 1.18.0-6ubuntu14.5), libnginx-mod-http-xslt-filter (= 1.18.0-6ubuntu14.5), libnginx-mod-mail (= 1.18.0-6ubuntu14.5), libnginx-mod-stream (= 1.18.0-6ubuntu14.5), libnginx-mod-stream-geoip2 (= 1.18.0-6ubuntu14.5), nginx-common (= 1.18.0-6ubuntu14.5), libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre3, libssl3 (>= 3.0.0~~alpha1), zlib1g (>= 1:1.1.4)|||nginx-doc (= 1.18.0-6ubuntu14.5)|httpd, httpd-cgi, nginx|s=nginx|nginx web/proxy server (standard version)
nginx-common|1.18.0-6ubuntu14.5|all|jammy-updates/main|httpd|optional|214|40728|lsb-base (>= 3.0-6), debconf (>= 0.5) | debconf-2.0|||fcgiwrap, nginx-doc, ssl-cert||s=nginx|small, powerful, scalable web/proxy server - common files
libnginx-mod-http-geoip2|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|43|12046|libc6 (>= 2.4), libmaxminddb0 (>= 1.0.2)||nginx|||s=nginx|GeoIP2 HTTP module for Nginx
libnginx-mod-http-image-filter|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|48|15522|libc6 (>= 2.4), libgd3 (>= 2.1.0~alpha~)||nginx|||s=nginx|HTTP image filter module for Nginx
libnginx-mod-http-xslt-filter|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|46|13822|libc6 (>= 2.4), libxml2 (>= 2.7.4), libxslt1.1 (>= 1.1.25)||nginx|||s=nginx|XSLT Transformation module for Nginx
libnginx-mod-mail|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|131|46034|libc6 (>= 2.14)||nginx|||s=nginx|Mail module for Nginx
libnginx-mod-stream|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|199|68012|libc6 (>= 2.28)||nginx|||s=nginx|Stream module for Nginx
libnginx-mod-stream-geoip2|1.18.0-6ubuntu14.5|amd64|jammy-updates/main|httpd|optional|38|10104|libc6 (>= 2.4), libmaxminddb0 (>= 1.0.2)||nginx|||s=nginx|GeoIP2 Stream module for Nginx
libmaxminddb0|1.5.2-1build2|amd64|jammy/main|libs|optional|74|24704|libc6 (>= 2.14)|||mmdb-bin||l,m,s=libmaxminddb|IP geolocation database library
libgd3|2.3.0-2ubuntu2|amd64|jammy/main|libs|optional|425|129410|libc6 (>= 2.34), libfontconfig1 (>= 2.12.6), libfreetype6 (>= 2.2.1), libjpeg8 (>= 8c), libpng16-16 (>= 1.6.2-1), libtiff5 (>= 4.0.3), libwebp7, libxpm4, zlib1g (>= 1:1.1.4)|||libgd-tools||l,m,s=libgd2|GD Graphics Library
libfontconfig1|2.13.1-4.2ubuntu5|amd64|jammy/main|libs|optional|507|131408|fontconfig-config (>= 2.13.1-4.2ubuntu5), libc6 (>= 2.33), libexpat1 (>= 2.0.1), libfreetype6 (>= 2.9.1), libuuid1 (>= 2.16)|||||l,m,s=fontconfig|generic font configuration library - runtime
fontconfig-config|2.13.1-4.2ubuntu5|all|jammy/main|fonts|optional|388|29136|fonts-dejavu-core | ttf-bitstream-vera | fonts-liberation | fonts-liberation2 | fonts-croscore | fonts-freefont-otf | fonts-freefont-ttf | fonts-urw-base35 | fonts-texgyre|||||s=fontconfig|generic font configuration library - configuration
fonts-dejavu-core|2.37-2build1|all|jammy/main|fonts|optional|2954|1041028|||||||Vera font family derivate with additional characters
libfreetype6|2.11.1+dfsg-1ubuntu0.2|amd64|jammy-updates/main|libs|optional|832|389202|libbrotli1 (>= 0.6.0), libc6 (>= 2.33), libpng16-16 (>= 1.6.2-1), zlib1g (>= 1:1.1.4)|||||l,m,s=freetype|FreeType 2 font engine, shared library files
libpng16-16|1.6.37-3build5|amd64|jammy/main|libs|optional|434|191408|libc6 (>= 2.29), zlib1g (>= 1:1.2.11.dfsg)|||||l,m,s=libpng1.6|PNG library - runtime (version 1.6)
libbrotli1|1.0.9-2build6|amd64|jammy/main|libs|optional|793|315206|libc6 (>= 2.29)|||||l,m,s=brotli|library implementing brotli encoder and decoder (shared libraries)
libexpat1|2.4.7-1ubuntu0.4|amd64|jammy-updates/main|libs|optional|264|91084|libc6 (>= 2.25)|||||l,m,s=expat|XML parsing C library - runtime library
libjpeg8|8c-2ubuntu10|amd64|jammy/main|libs|optional|13|2264|libjpeg-turbo8 (>= 1.1.90+svn722-1ubuntu6)|||||m,s=libjpeg8-empty|Independent JPEG Group's JPEG runtime library (dependency package)
libjpeg-turbo8|2.1.2-0ubuntu1|amd64|jammy/main|libs|optional|504|134034|libc6 (>= 2.14)|||||l,m,s=libjpeg-turbo|IJG JPEG compliant runtime library.
libtiff5|4.3.0-6ubuntu0.10|amd64|jammy-updates/main|libs|optional|549|185288|libc6 (>= 2.33), libdeflate0 (>= 1.0), libjbig0 (>= 2.0), libjpeg8 (>= 8c), liblzma5 (>= 5.1.1alpha+20110809), libwebp7, libzstd1 (>= 1.4.0), zlib1g (>= 1:1.1.4)|||||l,m,s=tiff|Tag Image File Format (TIFF) library
libdeflate0|1.10-2|amd64|jammy/main|libs|optional|194|70938|libc6 (>= 2.14)|||||l,m,s=libdeflate|fast, whole-buffer DEFLATE-based compression and decompression
libjbig0|2.1-3.1ubuntu0.22.04.1|amd64|jammy-updates/main|libs|optional|94|29214|libc6 (>= 2.4)|||||l,m,s=jbigkit|JBIGkit libraries
libwebp7|1.2.2-2ubuntu0.22.04.2|amd64|jammy-updates/main|libs|optional|469|206400|libc6 (>= 2.34)|||||l,m,s=libwebp|Lossy compression of digital photographic images
libxpm4|1:3.5.12-1ubuntu0.22.04.2|amd64|jammy-updates/main|libs|optional|115|36740|libc6 (>= 2.14), libx11-6|||||l,m,s=libxpm|X11 pixmap library
libx11-6|2:1.7.5-1ubuntu0.3|amd64|jammy-updates/main|libs|optional|1492|667166|libc6 (>= 2.34), libxcb1 (>= 1.11.1), libx11-data|||||l,m,s=libx11|X11 client-side library
libx11-data|2:1.7.5-1ubuntu0.3|all|jammy-updates/main|x11|optional|1412|120086||||||s=libx11|X11 client-side library
libxcb1|1.14-3ubuntu3|amd64|jammy/main|libs|optional|215|49018|libc6 (>= 2.14), libxau6 (>= 1:1.0.9), libxdmcp6|||||l,m,s=libxcb|X C Binding
libxau6|1:1.0.9-1build5|amd64|jammy/main|libs|optional|37|7634|libc6 (>= 2.14)|||||l,m,s=libxau|X11 authorisation library
libxdmcp6|1:1.1.3-0ubuntu5|amd64|jammy/main|libs|optional|44|10876|libbsd0 (>= 0.2.0), libc6 (>= 2.14)|||||l,m,s=libxdmcp|X11 Display Manager Control Protocol library
libbsd0|0.11.5-1|amd64|jammy/main|libs|optional|140|44760|libc6 (>= 2.34), libmd0 (>= 1.0.3-2)|||||l,m,s=libbsd|utility functions from BSD systems - shared library
libmd0|1.0.4-1build1|amd64|jammy/main|libs|optional|71|23448|libc6 (>= 2.33)|||||l,m,s=libmd|message digest functions from BSD systems - shared library
libxml2|2.9.13+dfsg-1ubuntu0.4|amd64|jammy-updates/main|libs|optional|2076|763110|libc6 (>= 2.34), libicu70 (>= 70.1-1~), liblzma5 (>= 5.1.1alpha+20120614), zlib1g (>= 1:1.2.3.3)|||||l,m,s=libxml2|GNOME XML library
libicu70|70.1-2|amd64|jammy/main|libs|optional|35010|10636206|libc6 (>= 2.34), libgcc-s1 (>= 3.3.1), libstdc++6 (>= 12)|||||l,m,s=icu|International Components for Unicode
libxslt1.1|1.1.34-4ubuntu0.22.04.1|amd64|jammy-updates/main|libs|optional|507|164154|libc6 (>= 2.34), libgcrypt20 (>= 1.9.0), libxml2 (>= 2.9.0)|||||l,m,s=libxslt|XSLT 1.0 processing library - runtime library
curl|7.81.0-1ubuntu1.18|amd64|jammy-updates/main|web|optional|455|194588|libc6 (>= 2.34), libcurl4 (= 7.81.0-1ubuntu1.18), zlib1g (>= 1:1.1.4)||||||command line tool for transferring data with URL syntax
libcurl4|7.81.0-1ubuntu1.18|amd64|jammy-updates/main|libs|optional|833|290436|libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap-2.5-0 (>= 2.5.4), libnghttp2-14 (>= 1.12.0), libpsl5 (>= 0.16.0), librtmp1 (>= 2.1), libssh-4 (>= 0.9.0), libssl3 (>= 3.0.0~~alpha1), libzstd1 (>= 1.4.0), zlib1g (>= 1:1.1.4)||ca-certificates|||l,m,s=curl|easy-to-use client-side URL transfer library (OpenSSL flavour)
libldap-2.5-0|2.5.18+dfsg-0ubuntu0.22.04.2|amd64|jammy-updates/main|libs|optional|527|183386|libc6 (>= 2.34), libgnutls30 (>= 3.7.2), libsasl2-2 (>= 2.1.27+dfsg2)||libldap-common, libsasl2-modules|||l,m,s=openldap|OpenLDAP libraries
libldap-common|2.5.18+dfsg-0ubuntu0.22.04.2|all|jammy-updates/main|libs|optional|107|15788||||||s=openldap|OpenLDAP common files for libraries
libnghttp2-14|1.43.0-1ubuntu0.2|amd64|jammy-updates/main|libs|optional|210|76890|libc6 (>= 2.17)|||||l,m,s=nghttp2|library implementing HTTP/2 protocol (shared library)
libpsl5|0.21.0-1.2build2|amd64|jammy/main|libs|optional|99|58370|libidn2-0 (>= 0.16), libc6 (>= 2.33), libunistring2 (>= 0.9.7)||publicsuffix|||l,m,s=libpsl|Library for Public Suffix List (shared libraries)
publicsuffix|20211207.1025-1|all|jammy/main|net|optional|318|129242||||||s=publicsuffix|accurate, machine-readable list of domain name suffixes
librtmp1|2.4+20151223.gitfa8646d.1-2build4|amd64|jammy/main|libs|optional|143|58166|libc6 (>= 2.34), libgmp10 (>= 2:6.2.1+dfsg), libgnutls30 (>= 3.7.2), libhogweed6, libnettle8, zlib1g (>= 1:1.1.4)|||||l,m,s=rtmpdump|toolkit for RTMP streams -- shared library
libssh-4|0.9.6-2ubuntu0.22.04.3|amd64|jammy-updates/main|libs|optional|549|186084|libc6 (>= 2.33), libgssapi-krb5-2 (>= 1.17), libssl3 (>= 3.0.0~~alpha1), zlib1g (>= 1:1.1.4)|||||l,m,s=libssh|tiny C SSH library (OpenSSL flavor)
libsasl2-2|2.1.27+dfsg2-3ubuntu1.2|amd64|jammy-updates/main|libs|standard|158|53804|libsasl2-modules-db (>= 2.1.27+dfsg2-3ubuntu1.2), libc6 (>= 2.34)|||||l,m,s=cyrus-sasl2|Cyrus SASL - authentication abstraction library
libsasl2-modules-db|2.1.27+dfsg2-3ubuntu1.2|amd64|jammy-updates/main|libs|standard|84|20526|libc6 (>= 2.4), libdb5.3|||||l,m,s=cyrus-sasl2|Cyrus SASL - pluggable authentication modules (DB)
libsasl2-modules|2.1.27+dfsg2-3ubuntu1.2|amd64|jammy-updates/main|libs|optional|302|68784|libc6 (>= 2.34), libssl3 (>= 3.0.0~~alpha1)|||libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql||l,m,s=cyrus-sasl2|Cyrus SASL - pluggable authentication modules
ca-certificates|20240203~22.04.1|all|jammy-updates/main|misc|important|380|162398|openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0|||||d|Common CA certificates
openssl|3.0.2-0ubuntu1.18|amd64|jammy-updates/main|utils|important|2099|1186474|libc6 (>= 2.34), libssl3 (>= 3.0.2-0ubuntu1.18)|||ca-certificates|||Secure Sockets Layer toolkit - cryptographic utility
wget|1.21.2-2ubuntu1.1|amd64|jammy-updates/main|web|standard|996|367180|libc6 (>= 2.34), libidn2-0 (>= 0.6), libpcre2-8-0 (>= 10.22), libpsl5 (>= 0.16.0), libssl3 (>= 3.0.0~~alpha1), libuuid1 (>= 2.16), zlib1g (>= 1:1.1.4)||ca-certificates||||retrieves files from the web
iputils-ping|3:20211215-1|amd64|jammy/main|net|important|116|42876|libc6 (>= 2.34), libcap2 (>= 1:2.10), libidn2-0 (>= 0.6)|||||s=iputils|Tools to test the reachability of network hosts
net-tools|1.60+git20181103.0eebece-1ubuntu5|amd64|jammy/main|net|important|816|204196|libc6 (>= 2.34), libselinux1 (>= 3.1~)||||||NET-3 networking toolkit
iproute2|5.15.0-1ubuntu2|amd64|jammy/main|net|important|3140|1070198|debconf (>= 0.5) | debconf-2.0, libbpf0 (>= 1:0.5.0), libbsd0 (>= 0.0), libc6 (>= 2.34), libcap2 (>= 1:2.10), libcap2-bin, libdb5.3, libelf1 (>= 0.131), libmnl0 (>= 1.0.3-4~), libselinux1 (>= 3.1~), libxtables12 (>= 1.6.0+snapshot20161117)||libatm1 (>= 2.4.1-17~), libpam-cap|iproute2-doc||d|networking and traffic control tools
libbpf0|1:0.5.0-1ubuntu22.04.1|amd64|jammy-updates/main|libs|optional|378|140338|libc6 (>= 2.33), libelf1 (>= 0.144), zlib1g (>= 1:1.2.3.3)|||||l,m,s=libbpf|eBPF helper library (shared library)
libelf1|0.186-1build1|amd64|jammy/main|libs|optional|139|51022|libc6 (>= 2.33), zlib1g (>= 1:1.1.4)|||||l,m,s=elfutils|library to read and write ELF files
libmnl0|1.0.4-3build2|amd64|jammy/main|libs|optional|48|12958|libc6 (>= 2.14)|||||l,m,s=libmnl|minimalistic Netlink communication library
libxtables12|1.8.7-1ubuntu5.2|amd64|jammy-updates/main|libs|optional|97|31236|libc6 (>= 2.34)|||||l,m,s=iptables|netfilter xtables library
libcap2-bin|1:2.44-1ubuntu0.22.04.1|amd64|jammy-updates/main|utils|optional|121|26002|libc6 (>= 2.34), libcap2 (>= 1:2.33)||libpam-cap|||s=libcap2|POSIX 1003.1e capabilities (utilities)
libpam-cap|1:2.44-1ubuntu0.22.04.1|amd64|jammy-updates/main|admin|optional|44|7928|libc6 (>= 2.4), libcap2 (>= 1:2.33), libpam0g (>= 0.99.7.1)|||||m,s=libcap2|POSIX 1003.1e capabilities (PAM module)
libatm1|1:2.5.1-4build2|amd64|jammy/main|libs|optional|78|22870|libc6 (>= 2.33)|||||l,m,s=linux-atm|shared library for ATM (Asynchronous Transfer Mode)
traceroute|1:2.1.0-2|amd64|jammy/universe|net|optional|162|45404|libc6 (>= 2.34)||||||Traces the route taken by packets over an IPv4/IPv6 network
netcat-openbsd|1.218-4ubuntu1|amd64|jammy/main|net|important|107|39368|libbsd0 (>= 0.11.0), libc6 (>= 2.34)||||netcat||TCP/IP swiss army knife
less|590-1ubuntu0.22.04.3|amd64|jammy-updates/main|text|standard|354|142412|libc6 (>= 2.34), libtinfo6 (>= 6)||||||pager program similar to more
nano|6.2-1ubuntu0.1|amd64|jammy-updates/main|editors|important|881|280474|libc6 (>= 2.34), libncursesw6 (>= 6), libtinfo6 (>= 6)|||hunspell|editor||small, friendly text editor inspired by Pico
vim|2:8.2.3995-1ubuntu2.21|amd64|jammy-updates/main|editors|optional|3924|1729302|vim-common (= 2:8.2.3995-1ubuntu2.21), vim-runtime (= 2:8.2.3995-1ubuntu2.21), libacl1 (>= 2.2.23), libc6 (>= 2.34), libgpm2 (>= 1.20.7), libpython3.10 (>= 3.10.0), libselinux1 (>= 3.1~), libsodium23 (>= 1.0.14), libtinfo6 (>= 6)|||ctags, vim-doc, vim-scripts|editor|s=vim|Vi IMproved - enhanced vi editor
vim-common|2:8.2.3995-1ubuntu2.21|all|jammy-updates/main|editors|important|391|81516|||xxd|||s=vim|Vi IMproved - Common files
vim-runtime|2:8.2.3995-1ubuntu2.21|all|jammy-updates/main|editors|optional|33070|6834378||||||s=vim|Vi IMproved - Runtime files
xxd|2:8.2.3995-1ubuntu2.21|amd64|jammy-updates/main|editors|important|122|55228|libc6 (>= 2.34)|||||s=vim|tool to make (or reverse) a hex dump
libgpm2|1.20.7-10build1|amd64|jammy/main|libs|optional|40|15424|libc6 (>= 2.33)|||gpm||l,m,s=gpm|General Purpose Mouse - shared library
libsodium23|1.0.18-1build2|amd64|jammy/main|libs|optional|402|164276|libc6 (>= 2.34)|||||l,m,s=libsodium|Network communication, cryptography and signaturing library
libpython3.10|3.10.12-1~22.04.6|amd64|jammy-updates/main|libs|optional|6110|1950294|libpython3.10-stdlib (= 3.10.12-1~22.04.6), libc6 (>= 2.34), libexpat1 (>= 2.1~beta3), zlib1g (>= 1:1.2.0)|||||l,m,s=python3.10|Shared Python runtime library (version 3.10)
libpython3.10-stdlib|3.10.12-1~22.04.6|amd64|jammy-updates/main|python|optional|7460|1850554|libpython3.10-minimal (= 3.10.12-1~22.04.6), media-types | mime-support, libbz2-1.0, libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libdb5.3, libffi8 (>= 3.4), liblzma5 (>= 5.1.1alpha+20120614), libmpdec3, libncursesw6 (>= 6.1), libnsl2 (>= 1.0), libreadline8 (>= 7.0~beta), libsqlite3-0 (>= 3.36.0), libtinfo6 (>= 6), libtirpc3 (>= 1.0.2), libuuid1 (>= 2.20.1)|||||m,s=python3.10|Interactive high-level object-oriented language (standard library, version 3.10)
libpython3.10-minimal|3.10.12-1~22.04.6|amd64|jammy-updates/main|python|optional|5020|815426|libc6 (>= 2.34), libssl3 (>= 3.0.0~~alpha1)||libpython3.10-stdlib|||m,s=python3.10|Minimal subset of the Python language (version 3.10)
libmpdec3|2.5.1-2build2|amd64|jammy/main|libs|optional|221|86830|libc6 (>= 2.14)|||||l,m,s=mpdecimal|library for decimal floating point arithmetic (runtime library)
libreadline8|8.1.2-1|amd64|jammy/main|libs|optional|474|153794|readline-common, libc6 (>= 2.33), libtinfo6 (>= 6)|||readline-doc||l,m,s=readline|GNU readline and history libraries, run-time libraries
readline-common|8.1.2-1|all|jammy/main|utils|optional|94|53478||||readline-doc||s=readline|GNU readline and history libraries, common files
libsqlite3-0|3.37.2-2ubuntu0.3|amd64|jammy-updates/main|libs|optional|1397|643452|libc6 (>= 2.34)|||sqlite3||l,m,s=sqlite3|SQLite 3 shared library
media-types|7.0.0|all|jammy/main|net|standard|92|25522|||||mime-support||List of standard media types and their usual file extension
redis-server|5:6.0.16-1ubuntu1|amd64|jammy/universe|database|optional|220|45910|lsb-base (>= 3.2-14), redis-tools (= 5:6.0.16-1ubuntu1), adduser|||ruby-redis||s=redis|Persistent key-value database with network interface
redis-tools|5:6.0.16-1ubuntu1|amd64|jammy/universe|database|optional|3496|856230|libatomic1 (>= 4.8), libc6 (>= 2.34), libjemalloc2 (>= 4.0.0), liblua5.1-0, liblzf1 (>= 1.5), libssl3 (>= 3.0.0~~alpha1), libsystemd0, lua-bitop (>= 1.0.2), lua-cjson (>= 2.1.0)|||ruby-redis||s=redis|Persistent key-value database with network interface (client)
libjemalloc2|5.2.1-4ubuntu1|amd64|jammy/universe|libs|optional|665|240144|libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 5)|||||l,m,s=jemalloc|general-purpose scalable concurrent malloc(3) implementation
liblzf1|3.6-3|amd64|jammy/universe|libs|optional|30|7444|libc6 (>= 2.14)|||||l,m,s=liblzf|Compression library - runtime
liblua5.1-0|5.1.5-8.1build4|amd64|jammy/main|libs|optional|276|99898|libc6 (>= 2.34)|||||l,m,s=lua5.1|Shared library for the Lua interpreter version 5.1
lua-bitop|1.0.2-5|amd64|jammy/universe|interpreters|optional|28|6680|libc6 (>= 2.4)|||||m|fast bit manipulation library for the Lua language version 5.1
lua-cjson|2.1.0+dfsg-2.1|amd64|jammy/universe|interpreters|optional|72|17444|libc6 (>= 2.14)|||||m|JSON parser/encoder for Lua
libatomic1|12.3.0-1ubuntu1~22.04|amd64|jammy-updates/main|libs|optional|44|10450|gcc-12-base (= 12.3.0-1ubuntu1~22.04), libc6 (>= 2.14)|||||l,m,s=gcc-12|support library providing __atomic built-in functions
dnsutils|1:9.18.28-0ubuntu0.22.04.1|all|jammy-updates/main|oldlibs|optional|20|3690|bind9-dnsutils|||||s=bind9|Transitional package for bind9-dnsutils
bind9-dnsutils|1:9.18.28-0ubuntu0.22.04.1|amd64|jammy-updates/main|net|standard|571|157858|bind9-host | host, bind9-libs (= 1:9.18.28-0ubuntu0.22.04.1), libc6 (>= 2.34), libedit2 (>= 3.1-20140620-2), libidn2-0 (>= 2.0.0), libkrb5-3 (>= 1.6.dfsg.2), libprotobuf-c1 (>= 1.0.1)|||||s=bind9|Clients provided with BIND 9
bind9-host|1:9.18.28-0ubuntu0.22.04.1|amd64|jammy-updates/main|net|standard|148|52336|bind9-libs (= 1:9.18.28-0ubuntu0.22.04.1), libc6 (>= 2.34), libidn2-0 (>= 2.0.0)||||host|s=bind9|DNS Lookup Utility
bind9-libs|1:9.18.28-0ubuntu0.22.04.1|amd64|jammy-updates/main|libs|standard|3450|1247614|libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17), libjson-c5 (>= 0.15), libkrb5-3 (>= 1.6.dfsg.2), liblmdb0 (>= 0.9.7), libmaxminddb0 (>= 1.3.0), libnghttp2-14 (>= 1.12.0), libssl3 (>= 3.0.0~~alpha1), libuv1 (>= 1.38.0), libxml2 (>= 2.7.4), zlib1g (>= 1:1.2.0)|||||l,m,s=bind9|Shared Libraries used by BIND 9
libedit2|3.1-20210910-1build1|amd64|jammy/main|libs|standard|257|96818|libbsd0 (>= 0.1.3), libc6 (>= 2.33), libtinfo6 (>= 6)|||||l,m,s=libedit|BSD editline and history libraries
libjson-c5|0.15-3~ubuntu1.22.04.2|amd64|jammy-updates/main|libs|optional|101|33524|libc6 (>= 2.33)|||||l,m,s=json-c|JSON manipulation library - shared library
liblmdb0|0.9.24-1build2|amd64|jammy/main|libs|optional|115|47630|libc6 (>= 2.14)|||||l,m,s=lmdb|Lightning Memory-Mapped Database shared library
libprotobuf-c1|1.3.3-1ubuntu2.1|amd64|jammy-updates/main|libs|optional|71|20326|libc6 (>= 2.14)|||||l,m,s=protobuf-c|Protocol Buffers C shared library (protobuf-c)
libuv1|1.43.0-1ubuntu0.1|amd64|jammy-updates/main|libs|optional|250|92738|libc6 (>= 2.34)|||||l,m,s=libuv1|asynchronous event notification library - runtime library
# git and what it brings along (sizes from Ubuntu's archive where a transcript printed them; git's, git-man's
# and the perl packages' installed sizes are estimates)
git|1:2.34.1-1ubuntu1.11|amd64|jammy-updates/main|vcs|optional|38444|3165208|libc6 (>= 2.34), libcurl3-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.2), perl, liberror-perl, git-man (>> 1:2.34.1)||ca-certificates, patch, less, ssh-client|gettext-base, git-daemon-run | git-daemon-sysvinit, git-doc, git-el, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn|git-completion, git-core||fast, scalable, distributed revision control system
git-man|1:2.34.1-1ubuntu1.11|all|jammy-updates/main|doc|optional|1968|955070||||||s=git|fast, scalable, distributed revision control system (manual pages)
liberror-perl|0.17029-1|all|jammy/main|perl|optional|40|26490|perl:any||||||Perl module for error/exception handling in an OO-ish way
libcurl3-gnutls|7.81.0-1ubuntu1.18|amd64|jammy-updates/main|libs|optional|766|284146|libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgnutls30 (>= 3.7.2), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= 0.6), libldap-2.5-0 (>= 2.5.4), libnettle8, libnghttp2-14 (>= 1.12.0), libpsl5 (>= 0.16.0), librtmp1 (>= 2.1), libssh-4 (>= 0.9.0), libzstd1 (>= 1.4.0), zlib1g (>= 1:1.1.4)||ca-certificates|||l,m,s=curl|easy-to-use client-side URL transfer library (GnuTLS flavour)
patch|2.7.6-7build2|amd64|jammy/main|vcs|optional|258|109454|libc6 (>= 2.34)|||ed, diffutils-doc|||Apply a diff file to an original
openssh-client|1:8.9p1-3ubuntu0.10|amd64|jammy-updates/main|net|standard|4296|906364|adduser (>= 3.10), passwd, libc6 (>= 2.34), libedit2 (>= 2.11-20080614-0), libfido2-1 (>= 1.5.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3 (>= 3.0.2), zlib1g (>= 1:1.1.4)||xauth|keychain, libpam-ssh, monkeysphere, ssh-askpass|rsh-client, ssh-client|s=openssh|secure shell (SSH) client, for secure access to remote machines
libfido2-1|1.10.0-1|amd64|jammy/main|libs|optional|226|82840|libc6 (>= 2.33), libcbor0.8 (>= 0.8.0), libssl3 (>= 3.0.0~~alpha1), libudev1 (>= 183), zlib1g (>= 1:1.2.0)|||||l,m,s=libfido2|library for generating and verifying FIDO 2.0 objects
libcbor0.8|0.8.0-2ubuntu1|amd64|jammy/main|libs|optional|70|24614|libc6 (>= 2.14)|||||l,m,s=libcbor|library for parsing and generating CBOR (RFC 7049)
xauth|1:1.1-1build2|amd64|jammy/main|x11|optional|77|27540|libc6 (>= 2.34), libx11-6, libxau6 (>= 1:1.0.9), libxext6, libxmuu1||||||X authentication utility
libxext6|2:1.3.4-1build1|amd64|jammy/main|libs|optional|87|31764|libc6 (>= 2.14), libx11-6 (>= 2:1.6.1)|||||l,m,s=libxext|X11 miscellaneous extension library
libxmuu1|2:1.1.3-3|amd64|jammy/main|libs|optional|37|10166|libc6 (>= 2.14), libx11-6 (>= 2:1.6.1)|||||l,m,s=libxmu|X11 miscellaneous micro-utility library
netbase|6.3|all|jammy/main|admin|important|41|12866|||||||Basic TCP/IP networking system
perl|5.34.0-3ubuntu1.3|amd64|jammy-updates/main|perl|standard|675|232150|perl-base (= 5.34.0-3ubuntu1.3), perl-modules-5.34 (>= 5.34.0-3ubuntu1.3), libperl5.34 (= 5.34.0-3ubuntu1.3)||netbase|perl-doc, libterm-readline-gnu-perl | libterm-readline-perl-perl, make, libtap-harness-archive-perl|perl5, perlapi-5.34.0||Larry Wall's Practical Extraction and Report Language
perl-modules-5.34|5.34.0-3ubuntu1.3|all|jammy-updates/main|perl|standard|17128|2976156|perl-base (>= 5.34.0-3ubuntu1.3)|||||s=perl|Core Perl modules
libperl5.34|5.34.0-3ubuntu1.3|amd64|jammy-updates/main|libs|standard|27044|4819788|libbz2-1.0, libc6 (>= 2.35), libcrypt1 (>= 1:4.1.0), libdb5.3, libgdbm-compat4 (>= 1.18-3), libgdbm6 (>= 1.21), zlib1g (>= 1:1.2.2), perl-modules-5.34 (>= 5.34.0-3ubuntu1.3)|||sensible-utils||l,m,s=perl|shared Perl library
libgdbm6|1.23-1|amd64|jammy/main|libs|optional|87|33904|libc6 (>= 2.34)|||gdbm-l10n||l,m,s=gdbm|GNU dbm database routines (runtime version)
libgdbm-compat4|1.23-1|amd64|jammy/main|libs|optional|31|6606|libc6 (>= 2.4), libgdbm6 (>= 1.16)|||||l,m,s=gdbm|GNU dbm database routines (legacy support runtime version)
`;
