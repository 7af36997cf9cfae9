'use client';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { desktopMessages } from '../i18n/messages/desktop.ts';
import { approveDesktopAction } from './actions.ts';

/** Approving the sign-in of the named device; the code travels as a hidden field. */
export function ApproveDesktopForm({ userCode, deviceName, locale }: { userCode: string; deviceName: string; locale: Locale }) {
  const t = desktopMessages[locale];
  return (
    <ActionForm action={approveDesktopAction} submitLabel={t.signIn(deviceName)} pendingLabel={t.signingIn}>
      {() => (
        <>
          <p>
            {t.approveIntro} <strong>{deviceName}</strong> {t.approveAsks} <strong>{userCode}</strong>. {t.approveWarning}
          </p>
          <input type="hidden" name="userCode" value={userCode} />
        </>
      )}
    </ActionForm>
  );
}
