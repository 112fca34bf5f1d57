/** `BusyBox v1.37.0 (...) multi-call binary.` + usage, as an applet's --help or misuse prints it. */
export const BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.';
