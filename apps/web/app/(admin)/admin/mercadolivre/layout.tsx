import type { ReactNode } from 'react';
import { ModuleGate } from '../../../../src/modules/module-gate.tsx';

/** The mercadolivre module's pages: shown only when the module is on for the store and the member (see src/modules). */
export default function MercadolivreModuleLayout({ children }: { children: ReactNode }) {
  return <ModuleGate module="mercadolivre">{children}</ModuleGate>;
}
