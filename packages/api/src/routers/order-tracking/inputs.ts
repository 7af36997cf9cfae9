import { z } from 'zod';
import { TOKEN_PATTERN } from '../../commerce/tokens.ts';

export const trackingInput = z.object({
  token: z.string().trim().regex(TOKEN_PATTERN, 'This tracking link is not valid. Check the link in your order email.'),
});
export type TrackingInput = z.infer<typeof trackingInput>;
