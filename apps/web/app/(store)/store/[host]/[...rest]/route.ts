import { errorResponse, notFoundResponse, openStorePage } from '../../../../../src/store/respond.ts';

export const dynamic = 'force-dynamic';

/** Any other address on a store's host: the store's own "not found" page (or its refusal, when it is closed). */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; rest: string[] }> }) {
  const { host, rest } = await params;
  try {
    const page = await openStorePage(request, host, `/${rest.map(encodeURIComponent).join('/')}`);
    return notFoundResponse(page.look);
  } catch (error) {
    return errorResponse(error);
  }
}
