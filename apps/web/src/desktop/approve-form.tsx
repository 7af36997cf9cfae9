'use client';
import { ActionForm } from '../forms/action-form.tsx';
import { approveDesktopAction } from './actions.ts';

/** Approving the sign-in of the named device; the code travels as a hidden field. */
export function ApproveDesktopForm({ userCode, deviceName }: { userCode: string; deviceName: string }) {
  return (
    <ActionForm action={approveDesktopAction} submitLabel={`Sign in ${deviceName}`} pendingLabel="Signing in…">
      {() => (
        <>
          <p>
            The desktop app on <strong>{deviceName}</strong> asks to sign in as you with the code <strong>{userCode}</strong>. Approve only if
            this code is the one shown on your computer.
          </p>
          <input type="hidden" name="userCode" value={userCode} />
        </>
      )}
    </ActionForm>
  );
}
