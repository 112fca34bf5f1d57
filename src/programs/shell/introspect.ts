/**
 * A read-only window on running shells for graders outside the simulation (lesson checks): the variables a shell
 * has exported, i.e. what `export -p` would list and what its next child would inherit. On Linux nothing outside
 * bash can read this (/proc/PID/environ keeps the environment bash was started with), so it is an accessor, not a
 * file. Keyed by the process's own environment record (`sys.env`), so no kernel type leaks into the shell.
 */
const shells = new WeakMap<object, () => Readonly<Record<string, string>>>();

export function registerShell(processEnv: object, exported: () => Readonly<Record<string, string>>): void {
  shells.set(processEnv, exported);
}

/** The exported variables of the shell running in the process whose environment record is `processEnv`. */
export function exportedVariables(processEnv: object): Readonly<Record<string, string>> | undefined {
  return shells.get(processEnv)?.();
}
