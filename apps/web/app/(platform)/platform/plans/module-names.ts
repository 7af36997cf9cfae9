import { MODULE_FIELDS } from './fields.ts';

const NAMES: Record<(typeof MODULE_FIELDS)[number], string> = { coupons: 'Coupons', mercadolivre: 'Mercado Livre', support: 'Support tickets' };

/** The modules the plan form offers, with their names (as the modules catalogue names them). */
export const moduleNames = () => MODULE_FIELDS.map((code) => ({ code, name: NAMES[code] }));
