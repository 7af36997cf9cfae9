import { handlers } from '../../../../src/server/auth.ts';

export const { GET, POST } = handlers;
