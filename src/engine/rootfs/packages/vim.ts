/**
 * Files of Ubuntu's vim packages (contract 2: the apt helper builds a package's files with these and writes
 * them into the container's layer). vim-runtime ships some 2,000 files; a representative subset is installed:
 * the scripts vim reads at startup (defaults.vim, debian.vim) and the Dockerfile syntax and ftplugin. The
 * runtime directory's name is the version (vim91 on 24.04, vim82 on 22.04…): the `vim` program reads its
 * version from which one is there, as the real binary finds $VIMRUNTIME (contract 3).
 *
 * The /etc/alternatives links are what the packages' postinst makes with update-alternatives (vim.basic at
 * priority 30, vim.tiny at 15 for vi, view, ex and editor; with both installed vim.basic wins).
 */
import type { TreeBuilder } from '../builder.js';

/** `/usr/share/vim/vim<NN>` per Ubuntu release. */
export function vimRuntimeDir(release: string): string {
  const dir: Readonly<Record<string, string>> = {
    '24.04': 'vim91', '22.04': 'vim82', '20.04': 'vim81', '18.04': 'vim80', '16.04': 'vim74', '14.04': 'vim74',
  };
  return `/usr/share/vim/${dir[release] ?? 'vim91'}`;
}

/** Debian's /etc/vim/vimrc. */
const ETC_VIMRC = "\" $VIMRUNTIME refers to the versioned system directory where Vim stores its\n\" system runtime files -- /usr/share/vim/vim<version>.\n\"\n\" Vim will load $VIMRUNTIME/defaults.vim if the user does not have a vimrc.\n\" This happens after /etc/vim/vimrc(.local) are loaded, so it will override\n\" any settings in these files.\n\"\n\" If you don't want that to happen, uncomment the below line to prevent\n\" defaults.vim from being loaded.\n\" let g:skip_defaults_vim = 1\n\"\n\" If you would rather _use_ default.vim's settings, but have the system or\n\" user vimrc override its settings, then uncomment the line below.\n\" source $VIMRUNTIME/defaults.vim\n\n\" All Debian-specific settings are defined in $VIMRUNTIME/debian.vim and\n\" sourced by the call to :runtime you can find below.  If you wish to change\n\" any of those settings, you should do it in this file or\n\" /etc/vim/vimrc.local, since debian.vim will be overwritten everytime an\n\" upgrade of the vim packages is performed. It is recommended to make changes\n\" after sourcing debian.vim so your settings take precedence.\n\nruntime! debian.vim\n\n\" Uncomment the next line to make Vim more Vi-compatible\n\" NOTE: debian.vim sets 'nocompatible'.  Setting 'compatible' changes\n\" numerous options, so any other options should be set AFTER changing\n\" 'compatible'.\n\"set compatible\n\n\" Vim5 and later versions support syntax highlighting. Uncommenting the next\n\" line enables syntax highlighting by default.\n\"syntax on\n\n\" If using a dark background within the editing area and syntax highlighting\n\" turn on this option as well\n\"set background=dark\n\n\" Uncomment the following to have Vim jump to the last position when\n\" reopening a file\n\"au BufReadPost * if line(\"'\\\"\") > 1 && line(\"'\\\"\") <= line(\"$\") | exe \"normal! g'\\\"\" | endif\n\n\" Uncomment the following to have Vim load indentation rules and plugins\n\" according to the detected filetype.\n\"filetype plugin indent on\n\n\" The following are commented out as they cause vim to behave a lot\n\" differently from regular Vi. They are highly recommended though.\n\"set showcmd\t\t\" Show (partial) command in status line.\n\"set showmatch\t\t\" Show matching brackets.\n\"set ignorecase\t\t\" Do case insensitive matching\n\"set smartcase\t\t\" Do smart case matching\n\"set incsearch\t\t\" Incremental search\n\"set autowrite\t\t\" Automatically save before commands like :next and :make\n\"set hidden\t\t\" Hide buffers when they are abandoned\n\"set mouse=a\t\t\" Enable mouse usage (all modes)\n\n\" Source a global configuration file if available\nif filereadable(\"/etc/vim/vimrc.local\")\n  source /etc/vim/vimrc.local\nendif\n\n";

/** /etc/vim/vimrc.tiny: vim.tiny runs Vi-compatible unless the user has a vimrc. */
const ETC_VIMRC_TINY = `" Vim configuration file, in effect when invoked as "vi". The aim of this
" configuration file is to provide a Vim environment as compatible with the
" original vi as possible. Note that ~/.vimrc configuration files as other
" configuration files in the runtimepath are still sourced.
" When Vim is invoked differently ("vim", "view", "evim", ...) this file is
" _not_ sourced; /etc/vim/vimrc and/or /etc/vim/gvimrc are.

" Debian system-wide default configuration Vim
set runtimepath=~/.vim,/var/lib/vim/addons,/usr/share/vim/vimfiles,/usr/share/vim/vimcurrent,/usr/share/vim/vimfiles/after,/var/lib/vim/addons/after,~/.vim/after

set compatible

" vim: set ft=vim:
`;

const DEFAULTS_VIM = "\" The default vimrc file.\n\"\n\" Maintainer:\tBram Moolenaar <Bram@vim.org>\n\" Last change:\t2022 Mar 03\n\"\n\" This is loaded if no vimrc file was found.\n\" Except when Vim is run with \"-u NONE\" or \"-C\".\n\" Individual settings can be reverted with \":set option&\".\n\" Other commands can be reverted as mentioned below.\n\n\" When started as \"evim\", evim.vim will already have done these settings.\nif v:progname =~? \"evim\"\n  finish\nendif\n\n\" Bail out if something that ran earlier, e.g. a system wide vimrc, does not\n\" want Vim to use these default values.\nif exists('skip_defaults_vim')\n  finish\nendif\n\n\" Use Vim settings, rather than Vi settings (much better!).\n\" This must be first, because it changes other options as a side effect.\n\" Avoid side effects when it was already reset.\nif &compatible\n  set nocompatible\nendif\n\n\" When the +eval feature is missing, the set command above will be skipped.\n\" Use a trick to reset compatible only when the +eval feature is missing.\nsilent! while 0\n  set nocompatible\nsilent! endwhile\n\n\" Allow backspacing over everything in insert mode.\nset backspace=indent,eol,start\n\nset history=200\t\t\" keep 200 lines of command line history\nset ruler\t\t\" show the cursor position all the time\nset showcmd\t\t\" display incomplete commands\nset wildmenu\t\t\" display completion matches in a status line\n\nset ttimeout\t\t\" time out for key codes\nset ttimeoutlen=100\t\" wait up to 100ms after Esc for special key\n\n\" Show @@@ in the last line if it is truncated.\nset display=truncate\n\n\" Show a few lines of context around the cursor.  Note that this makes the\n\" text scroll if you mouse-click near the start or end of the window.\nset scrolloff=5\n\n\" Do incremental searching when it's possible to timeout.\nif has('reltime')\n  set incsearch\nendif\n\n\" Do not recognize octal numbers for Ctrl-A and Ctrl-X, most users find it\n\" confusing.\nset nrformats-=octal\n\n\" For Win32 GUI: remove 't' flag from 'guioptions': no tearoff menu entries.\nif has('win32')\n  set guioptions-=t\nendif\n\n\" Don't use Q for Ex mode, use it for formatting.  Except for Select mode.\n\" Revert with \":unmap Q\".\nmap Q gq\nsunmap Q\n\n\" CTRL-U in insert mode deletes a lot.  Use CTRL-G u to first break undo,\n\" so that you can undo CTRL-U after inserting a line break.\n\" Revert with \":iunmap <C-U>\".\ninoremap <C-U> <C-G>u<C-U>\n\n\" In many terminal emulators the mouse works just fine.  By enabling it you\n\" can position the cursor, Visually select and scroll with the mouse.\n\" Only xterm can grab the mouse events when using the shift key, for other\n\" terminals use \":\", select text and press Esc.\nif has('mouse')\n  if &term =~ 'xterm'\n    set mouse=a\n  else\n    set mouse=nvi\n  endif\nendif\n\n\" Only do this part when Vim was compiled with the +eval feature.\nif 1\n\n  \" Enable file type detection.\n  \" Use the default filetype settings, so that mail gets 'tw' set to 72,\n  \" 'cindent' is on in C files, etc.\n  \" Also load indent files, to automatically do language-dependent indenting.\n  \" Revert with \":filetype off\".\n  filetype plugin indent on\n\n  \" Put these in an autocmd group, so that you can revert them with:\n  \" \":augroup vimStartup | exe 'au!' | augroup END\"\n  augroup vimStartup\n    au!\n\n    \" When editing a file, always jump to the last known cursor position.\n    \" Don't do it when the position is invalid, when inside an event handler\n    \" (happens when dropping a file on gvim) and for a commit message (it's\n    \" likely a different one than last time).\n    autocmd BufReadPost *\n      \\ if line(\"'\\\"\") >= 1 && line(\"'\\\"\") <= line(\"$\") && &ft !~# 'commit'\n      \\ |   exe \"normal! g`\\\"\"\n      \\ | endif\n\n  augroup END\n\n  \" Quite a few people accidentally type \"q:\" instead of \":q\" and get confused\n  \" by the command line window.  Give a hint about how to get out.\n  \" If you don't like this you can put this in your vimrc:\n  \" \":augroup vimHints | exe 'au!' | augroup END\"\n  augroup vimHints\n    au!\n    autocmd CmdwinEnter *\n\t  \\ echohl Todo | \n\t  \\ echo 'You discovered the command-line window! You can close it with \":q\".' |\n\t  \\ echohl None\n  augroup END\n\nendif\n\n\" Switch syntax highlighting on when the terminal has colors or when using the\n\" GUI (which always has colors).\nif &t_Co > 2 || has(\"gui_running\")\n  \" Revert with \":syntax off\".\n  syntax on\n\n  \" I like highlighting strings inside C comments.\n  \" Revert with \":unlet c_comment_strings\".\n  let c_comment_strings=1\nendif\n\n\" Convenient command to see the difference between the current buffer and the\n\" file it was loaded from, thus the changes you made.\n\" Only define it when not defined already.\n\" Revert with: \":delcommand DiffOrig\".\nif !exists(\":DiffOrig\")\n  command DiffOrig vert new | set bt=nofile | r ++edit # | 0d_ | diffthis\n\t\t  \\ | wincmd p | diffthis\nendif\n\nif has('langmap') && exists('+langremap')\n  \" Prevent that the langmap option applies to characters that result from a\n  \" mapping.  If set (default), this may break plugins (but it's backward\n  \" compatible).\n  set nolangremap\nendif\n";

const DEBIAN_VIM = "\" Normally we use vim-extensions. If you want true vi-compatibility\n\" remove change the following statements\nset nocompatible\t\" Use Vim defaults instead of 100% vi compatibility\nset backspace=indent,eol,start\t\" more powerful backspacing\n\n\" Now we set some defaults for the editor\nset history=50\t\t\" keep 50 lines of command line history\nset ruler\t\t\" show the cursor position all the time\n\n\" modelines have historically been a source of security/resource\n\" vulnerabilities -- disable by default, even when 'nocompatible' is set\nset nomodeline\n\n\" Suffixes that get lower priority when doing tab completion for filenames.\n\" These are files we are not likely to want to edit or read.\nset suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc\n\n\" We know xterm-debian is a color terminal\nif &term =~ \"xterm-debian\" || &term =~ \"xterm-xfree86\"\n  set t_Co=16\n  set t_Sf=\u001b[3%dm\n  set t_Sb=\u001b[4%dm\nendif\n\n\" Some Debian-specific things\nif has('gui')\n  \" Must define this within the :if so it does not cause problems with\n  \" vim-tiny (which does not have +eval)\n  function! <SID>MapExists(name, modes)\n    for mode in split(a:modes, '\\zs')\n      if !empty(maparg(a:name, mode))\n        return 1\n      endif\n    endfor\n    return 0\n  endfunction\n\n  \" Make shift-insert work like in Xterm\n  autocmd GUIEnter * if !<SID>MapExists(\"<S-Insert>\", \"nvso\") | execute \"map <S-Insert> <MiddleMouse>\" | endif\n  autocmd GUIEnter * if !<SID>MapExists(\"<S-Insert>\", \"ic\") | execute \"map! <S-Insert> <MiddleMouse>\" | endif\nendif\n\n\" Set paper size from /etc/papersize if available (Debian-specific)\nif filereadable(\"/etc/papersize\")\n  let s:papersize = matchstr(readfile('/etc/papersize', '', 1), '\\p*')\n  if strlen(s:papersize)\n    exe \"set printoptions+=paper:\" . s:papersize\n  endif\nendif\n\n";

const SYNTAX_DOCKERFILE = "\" dockerfile.vim - Syntax highlighting for Dockerfiles\n\" Maintainer:   Honza Pokorny <https://honza.ca>\n\" Last Change:  2020 Feb 11\n\" License:      BSD\n\n\" https://docs.docker.com/engine/reference/builder/\n\nif exists(\"b:current_syntax\")\n    finish\nendif\n\nsyntax include @JSON syntax/json.vim\nunlet b:current_syntax\n\nsyntax include @Shell syntax/sh.vim\nunlet b:current_syntax\n\nsyntax case ignore\nsyntax match dockerfileLinePrefix /\\v^\\s*(ONBUILD\\s+)?\\ze\\S/ contains=dockerfileKeyword nextgroup=dockerfileInstruction skipwhite\nsyntax region dockerfileFrom matchgroup=dockerfileKeyword start=/\\v^\\s*(FROM)\\ze(\\s|$)/ skip=/\\v\\\\\\_./ end=/\\v((^|\\s)AS(\\s|$)|$)/ contains=dockerfileOption\n\nsyntax keyword dockerfileKeyword contained ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE HEALTHCHECK LABEL MAINTAINER ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR\nsyntax match dockerfileOption contained /\\v(^|\\s)\\zs--\\S+/\n\nsyntax match dockerfileInstruction contained /\\v<(\\S+)>(\\s+--\\S+)*/             contains=dockerfileKeyword,dockerfileOption skipwhite nextgroup=dockerfileValue\nsyntax match dockerfileInstruction contained /\\v<(ADD|COPY)>(\\s+--\\S+)*/        contains=dockerfileKeyword,dockerfileOption skipwhite nextgroup=dockerfileJSON\nsyntax match dockerfileInstruction contained /\\v<(HEALTHCHECK)>(\\s+--\\S+)*/     contains=dockerfileKeyword,dockerfileOption skipwhite nextgroup=dockerfileInstruction\nsyntax match dockerfileInstruction contained /\\v<(CMD|ENTRYPOINT|RUN)>/         contains=dockerfileKeyword skipwhite nextgroup=dockerfileShell\nsyntax match dockerfileInstruction contained /\\v<(CMD|ENTRYPOINT|RUN)>\\ze\\s+\\[/ contains=dockerfileKeyword skipwhite nextgroup=dockerfileJSON\nsyntax match dockerfileInstruction contained /\\v<(SHELL|VOLUME)>/               contains=dockerfileKeyword skipwhite nextgroup=dockerfileJSON\n\nsyntax region dockerfileString contained start=/\\v\"/ skip=/\\v\\\\./ end=/\\v\"/\nsyntax region dockerfileJSON   contained keepend start=/\\v\\[/ skip=/\\v\\\\\\_./ end=/\\v$/ contains=@JSON\nsyntax region dockerfileShell  contained keepend start=/\\v/ skip=/\\v\\\\\\_./ end=/\\v$/ contains=@Shell\nsyntax region dockerfileValue  contained keepend start=/\\v/ skip=/\\v\\\\\\_./ end=/\\v$/ contains=dockerfileString\n\nsyntax region dockerfileComment start=/\\v^\\s*#/ end=/\\v$/\nset commentstring=#\\ %s\n\nhi def link dockerfileString String\nhi def link dockerfileKeyword Keyword\nhi def link dockerfileComment Comment\nhi def link dockerfileOption Special\n\nlet b:current_syntax = \"dockerfile\"\n";

const FTPLUGIN_DOCKERFILE = "\" Vim filetype plugin\n\" Language:\tDockerfile\n\" Maintainer:   Honza Pokorny <http://honza.ca>\n\" Last Change:\t2014 Aug 29\n\n\" Only do this when not done yet for this buffer\nif exists(\"b:did_ftplugin\")\n  finish\nendif\n\n\" Don't load another plugin for this buffer\nlet b:did_ftplugin = 1\n\nlet b:undo_ftplugin = \"setl commentstring<\"\n\nsetlocal commentstring=#\\ %s\n";

/** update-alternatives' links: each name → /etc/alternatives/name → the binary. */
function alternatives(b: TreeBuilder, target: string, names: readonly string[]): void {
  for (const n of names) {
    b.link(`/etc/alternatives/${n}`, target);
    b.link(`/usr/bin/${n}`, `/etc/alternatives/${n}`);
  }
}

export const vimContents: Readonly<Record<string, (b: TreeBuilder, release: string) => void>> = {
  vim(b) {
    b.bin('/usr/bin/vim.basic', 'vim');
    alternatives(b, '/usr/bin/vim.basic', ['vi', 'vim', 'view', 'ex', 'editor', 'rvim', 'rview', 'vimdiff']);
    b.dir('/usr/share/doc/vim');
    b.dir('/usr/share/lintian/overrides');
  },
  'vim-common'(b) {
    b.file('/etc/vim/vimrc', ETC_VIMRC);
    b.bin('/usr/bin/helpztags');
    b.dir('/usr/share/doc/vim-common');
    b.dir('/usr/lib/mime/packages');
  },
  'vim-runtime'(b, release) {
    const dir = vimRuntimeDir(release);
    b.file(`${dir}/defaults.vim`, DEFAULTS_VIM);
    b.file(`${dir}/debian.vim`, DEBIAN_VIM);
    b.file(`${dir}/syntax/dockerfile.vim`, SYNTAX_DOCKERFILE);
    b.file(`${dir}/ftplugin/dockerfile.vim`, FTPLUGIN_DOCKERFILE);
    b.dirs([`${dir}/colors`, `${dir}/doc`, `${dir}/indent`, `${dir}/plugin`, `${dir}/autoload`]);
    b.dir('/usr/share/vim/vimfiles');
  },
  'vim-tiny'(b, release) {
    b.bin('/usr/bin/vim.tiny', 'vim.tiny');
    b.file('/etc/vim/vimrc.tiny', ETC_VIMRC_TINY);
    b.dir(vimRuntimeDir(release));
    if (!b.has('/etc/alternatives/vi')) alternatives(b, '/usr/bin/vim.tiny', ['vi', 'view', 'ex', 'editor', 'rview']);
  },
};
