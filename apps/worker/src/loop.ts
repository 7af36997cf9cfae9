export type LoopStep = (isStopping: () => boolean) => Promise<'again' | 'idle' | 'done'>;

/**
 * Runs `step` until it answers 'done' or `stop()` is called: at once again after 'again', after `idleMs`
 * after 'idle' (a stop cuts that wait short). `stop()` resolves once the step in hand has finished.
 */
export function startLoop(step: LoopStep, idleMs: number) {
  let stopping = false;
  let wake: (() => void) | undefined;
  const isStopping = () => stopping;
  const done = (async () => {
    while (!stopping) {
      const next = await step(isStopping);
      if (next === 'done') return;
      if (next === 'idle' && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
