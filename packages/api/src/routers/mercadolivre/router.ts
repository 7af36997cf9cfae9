import { moduleProcedure } from '../../modules/procedure.ts';
import { router } from '../../trpc.ts';
import { disconnectAccount, listAccounts } from './accounts.ts';
import { answerQuestion } from './answer.ts';
import { listChanges } from './changes.ts';
import { finishConnection } from './finish-connection.ts';
import {
  accountIdInput, answerInput, changesInput, deadLettersInput, finishConnectionInput, idInput, ordersInput, questionsInput, replayInput,
  startConnectionInput, startSyncInput, syncProgressInput, unansweredQueueInput,
} from './inputs.ts';
import { listDeadLetters, replayNotification } from './notifications.ts';
import { getOrder, listOrders } from './orders.ts';
import { getQuestion, listQuestions, unansweredQueue } from './questions.ts';
import { startConnection } from './start-connection.ts';
import { startSync, syncProgress } from './sync.ts';

const settingsRead = moduleProcedure('mercadolivre', 'settings:read');
const settingsWrite = moduleProcedure('mercadolivre', 'settings:write');
const ordersRead = moduleProcedure('mercadolivre', 'orders:read');
const supportRead = moduleProcedure('mercadolivre', 'support:read');
const supportWrite = moduleProcedure('mercadolivre', 'support:write');

export const mercadolivreRouter = router({
  // Accounts and their connection (OAuth with PKCE; see start-connection.ts and finish-connection.ts).
  startConnection: settingsWrite.input(startConnectionInput).mutation(({ ctx, input }) => startConnection(ctx, input)),
  finishConnection: settingsWrite.input(finishConnectionInput).mutation(({ ctx, input }) => finishConnection(ctx, input)),
  accounts: settingsRead.query(({ ctx }) => listAccounts(ctx)),
  disconnect: settingsWrite.input(accountIdInput).mutation(({ ctx, input }) => disconnectAccount(ctx, input)),

  // Syncs run in the worker; these start them and show how far they came.
  startSync: settingsWrite.input(startSyncInput).mutation(({ ctx, input }) => startSync(ctx, input)),
  syncProgress: settingsRead.input(syncProgressInput).query(({ ctx, input }) => syncProgress(ctx, input)),

  orders: ordersRead.input(ordersInput).query(({ ctx, input }) => listOrders(ctx, input)),
  order: ordersRead.input(idInput).query(({ ctx, input }) => getOrder(ctx, input)),

  questions: supportRead.input(questionsInput).query(({ ctx, input }) => listQuestions(ctx, input)),
  question: supportRead.input(idInput).query(({ ctx, input }) => getQuestion(ctx, input)),
  unansweredQueue: supportRead.input(unansweredQueueInput).query(({ ctx, input }) => unansweredQueue(ctx, input)),
  answer: supportWrite.input(answerInput).mutation(({ ctx, input }) => answerQuestion(ctx, input)),

  // The desktop app's local copy: what changed since its cursor (questions and answers also need support:read).
  changes: ordersRead.input(changesInput).query(({ ctx, input }) => listChanges(ctx, input)),

  // Notifications that failed every retry, and sending one back to the worker.
  deadLetters: settingsRead.input(deadLettersInput).query(({ ctx, input }) => listDeadLetters(ctx, input)),
  replay: settingsWrite.input(replayInput).mutation(({ ctx, input }) => replayNotification(ctx, input)),
});
