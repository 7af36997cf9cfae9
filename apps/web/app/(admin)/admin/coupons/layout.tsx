import type { ReactNode } from 'react';
import { ModuleGate } from '../../../../src/modules/module-gate.tsx';

/** The coupons module's pages: shown only when the module is on for the store and the member (see src/modules). */
export default function CouponsModuleLayout({ children }: { children: ReactNode }) {
  return <ModuleGate module="coupons">{children}</ModuleGate>;
}
