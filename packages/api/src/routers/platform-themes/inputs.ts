import { z } from 'zod';
import { STORE_THEMES } from '../setup/themes.ts';

export const themeAvailabilityInput = z.object({
  code: z.enum(STORE_THEMES, { message: 'Choose one of the themes' }),
  enabled: z.boolean(),
});
export type ThemeAvailabilityInput = z.infer<typeof themeAvailabilityInput>;
