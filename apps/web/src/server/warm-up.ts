/**
 * The first request to a route in a fresh production server loads that route's modules (Prisma, pg, the intake
 * code): about 700 ms for the Mercado Livre webhook, longer than the 500 ms ML allows before it retries. The server
 * asks the routes with a deadline once at start, so no delivery pays for it. A wrong-secret notification answers
 * 404 before touching the database.
 */
const ROUTES_WITH_A_DEADLINE = [{ path: '/api/webhooks/mercadolivre/warm-up', body: '{}' }] as const;

export async function warmUpRoutes(origin: string, log: (line: string) => void = console.log): Promise<void> {
  for (const route of ROUTES_WITH_A_DEADLINE) {
    const started = performance.now();
    try {
      const response = await fetch(`${origin}${route.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: route.body });
      await response.arrayBuffer();
      log(`warmed up ${route.path.replace(/\/warm-up$/, '/…')} in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      log(`could not warm up ${route.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
