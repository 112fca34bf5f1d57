/** Node's way to let every pending promise callback run before the scheduler moves on (see Scheduler). */
export const nodeDrain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
