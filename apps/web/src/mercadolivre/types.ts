import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vitrine/api';

export type MlOutputs = inferRouterOutputs<AppRouter>['mercadolivre'];
export type MlInputs = inferRouterInputs<AppRouter>['mercadolivre'];
export type AccountView = MlOutputs['accounts'][number];
export type RunView = MlOutputs['syncProgress'][number];
export type QuestionRow = MlOutputs['unansweredQueue'][number];
export type QuestionDetail = MlOutputs['question'];

/** A run still moving: the progress bars keep polling while one exists. */
export const isActiveRun = (run: Pick<RunView, 'status'>) => run.status === 'QUEUED' || run.status === 'RUNNING';
