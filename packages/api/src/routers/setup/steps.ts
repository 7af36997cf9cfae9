/** The wizard's steps, in order. Each is completed by its own procedure; only payments may be skipped. */
export const SETUP_STEPS = ['identity', 'theme', 'market', 'product', 'payments', 'shipping', 'domain', 'publish'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
export const SKIPPABLE_STEPS: ReadonlySet<SetupStep> = new Set(['payments']);

export type StepStatus = 'done' | 'skipped' | 'todo';

export function isSetupStep(value: string): value is SetupStep {
  return (SETUP_STEPS as readonly string[]).includes(value);
}

/** Each step's status and the first one neither done nor skipped (null when the wizard is finished). */
export function stepsOf(completed: readonly string[], skipped: readonly string[]) {
  const steps = SETUP_STEPS.map((step) => ({
    step,
    status: (completed.includes(step) ? 'done' : skipped.includes(step) ? 'skipped' : 'todo') as StepStatus,
  }));
  return { steps, nextStep: steps.find((s) => s.status === 'todo')?.step ?? null };
}
