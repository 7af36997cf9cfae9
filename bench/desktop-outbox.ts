// The desktop app's answer outbox reconnecting with ANSWERS queued answers (default 1,000): the platform's real
// router over real HTTP (a fresh test database, Redis), the app's HTTP client and local store (in-memory PGlite),
// one desktop token whose request budget (DESKTOP_RATE) the app must respect. Prints the time until every answer
// is accepted by the platform, the requests the platform slowed down (429) and the rate achieved, against the
// issue's target of under 30 s; then checks that each question got exactly one answer.
//
//   pnpm --filter @vitrine/bench desktop-outbox      (ANSWERS can be set)
import { createPlatformClient } from '@vitrine/desktop/app';
import { enqueueAnswer, flushOutbox } from '@vitrine/desktop/outbox';
import { openLocalStore } from '@vitrine/desktop/store';
import { clientTransport, syncOnce } from '@vitrine/desktop/sync';
import { createApiHarness, createDesktopToken, DESKTOP_RATE, serveApiOverHttp } from '@vitrine/api/testing';

const ANSWERS = Number(process.env.ANSWERS ?? 1000);
const TARGET_S = 30;

const h = await createApiHarness('bench_outbox');
const server = await serveApiOverHttp(h);
const store = await openLocalStore();
try {
  const user = await h.createUser('bench-seller');
  const tenantId = (await h.createStore(user, 'bench-outbox')).id;
  const tdb = await h.db.forTenant(tenantId);
  const accountId = (await tdb.mlAccount.create({ data: { tenantId, mlUserId: 777_000n, nickname: 'LOJA_BENCH', siteId: 'MLB' } })).id;
  await tdb.mlQuestion.createMany({
    data: Array.from({ length: ANSWERS }, (_, n) => ({
      tenantId, accountId, mlQuestionId: 15_000_000_000n + BigInt(n), mlItemId: `MLB${n % 50}`, buyerId: BigInt(1000 + (n % 300)),
      text: `Pergunta ${n}: tem pronta entrega?`, status: 'UNANSWERED', dateCreated: new Date(Date.UTC(2026, 10, 1) + n * 1000),
    })),
  });
  // Older than the change feed's settling window, so one sync takes them all.
  await h.owner.$executeRawUnsafe(`UPDATE ml_questions SET synced_at = now() - interval '1 minute' WHERE tenant_id = $1`, tenantId);

  const { token } = await createDesktopToken(h.db.platform, user.id, 'Bench PC');
  let requests = 0;
  let slowedDown = 0;
  const counting: typeof fetch = async (input, init) => {
    requests += 1;
    const response = await fetch(input, init);
    if (response.status === 429) slowedDown += 1;
    return response;
  };
  const client = createPlatformClient({ platformUrl: server.url, token: () => token, tenantId: () => tenantId, fetch: counting });
  const transport = clientTransport(client);

  await syncOnce(store, transport, { resources: ['accounts', 'questions'], pageSize: 500 });
  const open = await store.unansweredQuestions();
  if (open.length !== ANSWERS) throw new Error(`expected ${ANSWERS} questions in the local store, found ${open.length}`);
  for (const question of open) await enqueueAnswer(store, { questionId: question.id, accountId, text: `Temos sim! (${question.mlQuestionId})` });
  requests = 0;

  const start = performance.now();
  const result = await flushOutbox(store, transport);
  const seconds = (performance.now() - start) / 1000;

  const answers = await tdb.mlAnswer.findMany({ select: { mlQuestionId: true } });
  const distinct = new Set(answers.map((a) => a.mlQuestionId.toString())).size;
  console.log(`${ANSWERS} queued answers, budget ${DESKTOP_RATE.perSecond}/s with bursts of ${DESKTOP_RATE.burst} per desktop token`);
  console.log(`  delivered ${result.sent} (conflicts ${result.conflicts}, still pending ${result.pending}) in ${seconds.toFixed(1)} s`);
  console.log(`  ${requests} requests, ${slowedDown} answered 429 and retried after the time the platform gave`);
  console.log(`  achieved ${(result.sent / seconds).toFixed(1)} answers/s`);
  console.log(`  platform: ${answers.length} answers for ${distinct} distinct questions`);
  const ok = result.sent === ANSWERS && answers.length === ANSWERS && distinct === ANSWERS;
  console.log(`\ntarget < ${TARGET_S} s with every answer exactly once: ${ok && seconds < TARGET_S ? 'met' : 'MISSED'}`);
  if (!ok) process.exitCode = 1;
} finally {
  await store.close();
  await server.close();
  await h.close();
}
