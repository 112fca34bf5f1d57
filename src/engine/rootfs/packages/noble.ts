/**
 * Ubuntu 24.04 (noble)'s image as it was in late 2024: its packages (docker-library/repo-info's list for the
 * image). What tutorials install is in the archive's index (nobleIndex.ts). Format: base.ts `baseFromList`.
 */

export const NOBLE_BASE = `
libacl1:amd64=2.3.2-1build1 apt=2.7.14build2 libapt-pkg6.0t64:amd64=2.7.14build2 libattr1:amd64=1:2.5.2-1build1
libaudit-common~all=1:3.1.2-2.1build1 libaudit1:amd64=1:3.1.2-2.1build1 base-files=13ubuntu10.1 base-passwd=3.6.3build1
bash=5.2.21-2ubuntu4 libbz2-1.0:amd64=1.0.8-5.1 libdebconfclient0:amd64=0.271ubuntu3 coreutils=9.4-3ubuntu6
dash=0.5.12-6ubuntu5 libdb5.3t64:amd64=5.3.28+dfsg2-7 debconf~all=1.5.86ubuntu1 debianutils=5.17build1
diffutils=1:3.10-1build1 dpkg=1.22.6ubuntu6.1 e2fsprogs=1.47.0-2.4~exp1ubuntu4.1 libcom-err2:amd64=1.47.0-2.4~exp1ubuntu4.1
libext2fs2t64:amd64=1.47.0-2.4~exp1ubuntu4.1 libss2:amd64=1.47.0-2.4~exp1ubuntu4.1 logsave=1.47.0-2.4~exp1ubuntu4.1
findutils=4.9.0-5build1 gcc-14-base:amd64=14-20240412-0ubuntu1 libgcc-s1:amd64=14-20240412-0ubuntu1
libstdc++6:amd64=14-20240412-0ubuntu1 libc-bin=2.39-0ubuntu8.3 libc6:amd64=2.39-0ubuntu8.3 libgmp10:amd64=2:6.3.0+dfsg-2ubuntu6
gpgv=2.4.4-2ubuntu17 libgnutls30t64:amd64=3.8.3-1.1ubuntu3.2 grep=3.11-4build1 gzip=1.12-1ubuntu3 hostname=3.23+nmu2ubuntu2
init-system-helpers~all=1.66ubuntu1 libcap-ng0:amd64=0.8.4-2build2 libcap2:amd64=1:2.66-5ubuntu2 libffi8:amd64=3.4.6-1build1
libgcrypt20:amd64=1.10.3-2build1 libgpg-error0:amd64=1.47-3build2 libidn2-0:amd64=2.3.7-2build1 libmd0:amd64=1.1.0-2build1
libseccomp2:amd64=2.5.5-1ubuntu3.1 libselinux1:amd64=3.5-2ubuntu2 libsemanage-common~all=3.5-1build5 libsemanage2:amd64=3.5-1build5
libsepol2:amd64=3.5-2build1 libtasn1-6:amd64=4.19.0-3build1 libunistring5:amd64=1.1-2build1 libcrypt1:amd64=1:4.4.36-4build1
libzstd1:amd64=1.5.5+dfsg2-2build1.1 liblz4-1:amd64=1.9.4-1build1.1 mawk=1.3.4.20240123-1build1
libncursesw6:amd64=6.4+20240113-1ubuntu2 libtinfo6:amd64=6.4+20240113-1ubuntu2 ncurses-base~all=6.4+20240113-1ubuntu2
ncurses-bin=6.4+20240113-1ubuntu2 libhogweed6t64:amd64=3.9.1-2.2build1.1 libnettle8t64:amd64=3.9.1-2.2build1.1
libssl3t64:amd64=3.0.13-0ubuntu3.4 libp11-kit0:amd64=0.25.3-4ubuntu2.1 libpam-modules:amd64=1.5.3-5ubuntu5.1
libpam-modules-bin=1.5.3-5ubuntu5.1 libpam-runtime~all=1.5.3-5ubuntu5.1 libpam0g:amd64=1.5.3-5ubuntu5.1
libpcre2-8-0:amd64=10.42-4ubuntu2 perl-base=5.38.2-3.2build2 libproc2-0:amd64=2:4.0.4-4ubuntu3.2 procps=2:4.0.4-4ubuntu3.2
sed=4.9-2build1 sensible-utils~all=0.0.22 login=1:4.13+dfsg1-4ubuntu3.2 passwd=1:4.13+dfsg1-4ubuntu3.2
libsystemd0:amd64=255.4-1ubuntu8.4 libudev1:amd64=255.4-1ubuntu8.4 sysvinit-utils=3.08-6ubuntu3 tar=1.35+dfsg-3build1
ubuntu-keyring~all=2023.11.28.1 unminimize~all=0.2.1 bsdutils=1:2.39.3-9ubuntu6.1 libblkid1:amd64=2.39.3-9ubuntu6.1
libmount1:amd64=2.39.3-9ubuntu6.1 libsmartcols1:amd64=2.39.3-9ubuntu6.1 libuuid1:amd64=2.39.3-9ubuntu6.1 mount=2.39.3-9ubuntu6.1
util-linux=2.39.3-9ubuntu6.1 libxxhash0:amd64=0.8.2-2build1 liblzma5:amd64=5.6.1+really5.4.5-1build0.1 zlib1g:amd64=1:1.3.dfsg-3.1ubuntu2.1
`;
