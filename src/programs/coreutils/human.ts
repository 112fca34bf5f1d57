/** Sizes as `ls -h`, `du -h` and `df -h` print them (powers of 1024, rounded up, one decimal below 10). */

const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let v = bytes;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < UNITS.length - 1);
  if (v < 10) {
    const tenths = Math.ceil(v * 10 - 1e-9);
    if (tenths < 100) return `${(tenths / 10).toFixed(1)}${UNITS[u]}`;
    v = 10;
  }
  const whole = Math.ceil(v - 1e-9);
  if (whole >= 1024 && u < UNITS.length - 1) return `1.0${UNITS[u + 1]}`;
  return `${whole}${UNITS[u]}`;
}

/** Disk usage of a file in 1 KiB blocks: whole 4 KiB blocks, as ext4 allocates them. */
export function blocksOf(size: number, type: string): number {
  if (type === 'symlink' || type === 'chardev' || type === 'fifo' || type === 'socket') return 0;
  return Math.ceil(size / 4096) * 4;
}
