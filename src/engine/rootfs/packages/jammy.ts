/**
 * Ubuntu 22.04 (jammy)'s image as it was in late 2024: its packages. What tutorials install is in the
 * archive's index (jammyIndex.ts). Format: base.ts `baseFromList`.
 */

export const JAMMY_BASE = `
adduser~all=3.118ubuntu5 apt=2.4.13 libapt-pkg6.0:amd64=2.4.13 base-files=12ubuntu4.7 base-passwd=3.5.52build1
bash=5.1-6ubuntu1.1 bsdutils=1:2.37.2-4ubuntu3.4 coreutils=8.32-4.1ubuntu1.2 dash=0.5.11+git20210903+057cd650a4ed-3build1
debconf~all=1.5.79ubuntu1 debianutils=5.5-1ubuntu2 diffutils=1:3.8-0ubuntu2 dpkg=1.21.1ubuntu2.3 e2fsprogs=1.46.5-2ubuntu1.2
findutils=4.8.0-1ubuntu3 gcc-12-base:amd64=12.3.0-1ubuntu1~22.04 gpgv=2.2.27-3ubuntu2.1 grep=3.7-1build1 gzip=1.10-4ubuntu4.1
hostname=3.23ubuntu2 init-system-helpers~all=1.62 libacl1:amd64=2.3.1-1 libattr1:amd64=1:2.5.1-1build1
libaudit-common~all=1:3.0.7-1build1 libaudit1:amd64=1:3.0.7-1build1 libblkid1:amd64=2.37.2-4ubuntu3.4 libbz2-1.0:amd64=1.0.8-5build1
libc-bin=2.35-0ubuntu3.8 libc6:amd64=2.35-0ubuntu3.8 libcap-ng0:amd64=0.7.9-2.2build3 libcap2:amd64=1:2.44-1ubuntu0.22.04.1
libcom-err2:amd64=1.46.5-2ubuntu1.2 libcrypt1:amd64=1:4.4.27-1 libdb5.3:amd64=5.3.28+dfsg1-0.8ubuntu3
libdebconfclient0:amd64=0.261ubuntu1 libext2fs2:amd64=1.46.5-2ubuntu1.2 libffi8:amd64=3.4.2-4 libgcc-s1:amd64=12.3.0-1ubuntu1~22.04
libgcrypt20:amd64=1.9.4-3ubuntu3 libgmp10:amd64=2:6.2.1+dfsg-3ubuntu1 libgnutls30:amd64=3.7.3-4ubuntu1.5
libgpg-error0:amd64=1.43-3 libgssapi-krb5-2:amd64=1.19.2-2ubuntu0.4 libhogweed6:amd64=3.7.3-1build2 libidn2-0:amd64=2.3.2-2build1
libk5crypto3:amd64=1.19.2-2ubuntu0.4 libkeyutils1:amd64=1.6.1-2ubuntu3 libkrb5-3:amd64=1.19.2-2ubuntu0.4
libkrb5support0:amd64=1.19.2-2ubuntu0.4 liblz4-1:amd64=1.9.3-2build2 liblzma5:amd64=5.2.5-2ubuntu1 libmount1:amd64=2.37.2-4ubuntu3.4
libncurses6:amd64=6.3-2ubuntu0.1 libncursesw6:amd64=6.3-2ubuntu0.1 libnettle8:amd64=3.7.3-1build2 libnsl2:amd64=1.3.0-2build2
libp11-kit0:amd64=0.24.0-6build1 libpam-modules:amd64=1.4.0-11ubuntu2.4 libpam-modules-bin=1.4.0-11ubuntu2.4
libpam-runtime~all=1.4.0-11ubuntu2.4 libpam0g:amd64=1.4.0-11ubuntu2.4 libpcre2-8-0:amd64=10.39-3ubuntu0.1
libpcre3:amd64=2:8.39-13ubuntu0.22.04.1 libprocps8:amd64=2:3.3.17-6ubuntu2.1 libseccomp2:amd64=2.5.3-2ubuntu2
libselinux1:amd64=3.3-1build2 libsemanage-common~all=3.3-1build2 libsemanage2:amd64=3.3-1build2 libsepol2:amd64=3.3-1build1
libsmartcols1:amd64=2.37.2-4ubuntu3.4 libss2:amd64=1.46.5-2ubuntu1.2 libssl3:amd64=3.0.2-0ubuntu1.18
libstdc++6:amd64=12.3.0-1ubuntu1~22.04 libsystemd0:amd64=249.11-0ubuntu3.12 libtasn1-6:amd64=4.18.0-4build1
libtinfo6:amd64=6.3-2ubuntu0.1 libtirpc-common~all=1.3.2-2ubuntu0.1 libtirpc3:amd64=1.3.2-2ubuntu0.1 libudev1:amd64=249.11-0ubuntu3.12
libunistring2:amd64=1.0-1 libuuid1:amd64=2.37.2-4ubuntu3.4 libxxhash0:amd64=0.8.1-1 libzstd1:amd64=1.4.8+dfsg-3build1
login=1:4.8.1-2ubuntu2.2 logsave=1.46.5-2ubuntu1.2 lsb-base~all=11.1.0ubuntu4 mawk=1.3.4.20200120-3 mount=2.37.2-4ubuntu3.4
ncurses-base~all=6.3-2ubuntu0.1 ncurses-bin=6.3-2ubuntu0.1 passwd=1:4.8.1-2ubuntu2.2 perl-base=5.34.0-3ubuntu1.3
procps=2:3.3.17-6ubuntu2.1 sed=4.8-1ubuntu2 sensible-utils~all=0.0.17 sysvinit-utils=3.01-1ubuntu1 tar=1.34+dfsg-1ubuntu0.1.22.04.2
ubuntu-keyring~all=2021.03.26 usrmerge~all=25ubuntu2 util-linux=2.37.2-4ubuntu3.4 zlib1g:amd64=1:1.2.11.dfsg-2ubuntu9.2
`;
