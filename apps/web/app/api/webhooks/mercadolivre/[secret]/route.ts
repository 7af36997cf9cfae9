import { createLogger } from '@vitrine/core/logger';
import { handleMlWebhook, webStreamChunks } from '@vitrine/mercadolivre/store';
import { getDb } from '../../../../../src/server/db.ts';
import { getEnv } from '../../../../../src/server/env.ts';

/**
 * Mercado Livre notifications: POST /api/webhooks/mercadolivre/<ML_WEBHOOK_SECRET>. ML signs nothing, so the
 * secret path segment is the only credential; no session, no Origin check (ML is a server, not a browser),
 * and the proxy passes /api/* through untouched. ML wants a 200 within 500 ms and retries anything else, so
 * this only stores the notification and enqueues its processing (handleMlWebhook, shared with the bench).
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const log = createLogger('web').child({ component: 'ml-webhook' });

export async function POST(req: Request, { params }: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await params;
  try {
    const env = getEnv();
    const response = await handleMlWebhook(
      getDb(),
      { expectedSecret: env.ML_WEBHOOK_SECRET, clientId: env.ML_CLIENT_ID },
      { secret, contentLength: req.headers.get('content-length'), body: req.body ? webStreamChunks(req.body) : null },
    );
    const result = response.result;
    if (result?.ignored) {
      log.info({ ignored: result.ignored }, result.message);
    } else if (response.status === 404) {
      log.info('ML notification on a wrong secret path'); // never the path itself: it may be a near-miss of the secret
    } else if (response.status !== 200) {
      log.warn({ status: response.status }, 'error' in response.body ? response.body.error : 'ML notification refused');
    }
    return Response.json(response.body, { status: response.status, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    log.error({ err: error }, 'ML notification intake failed; ML will retry');
    return Response.json({ error: 'Internal error.' }, { status: 500, headers: { 'cache-control': 'no-store' } });
  }
}
