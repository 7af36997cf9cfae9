'use client';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import { InlineActionForm } from '../../../../src/forms/inline-action-form.tsx';
import { TextArea } from '../../../(admin)/admin/support/forms.tsx';
import { assignAction, priorityAction, staffReplyAction, statusAction } from './actions.ts';
import { PRIORITY_LABEL, STATUS_LABEL } from './labels.ts';

export function StaffReplyForm({ ticketId }: { ticketId: string }) {
  return (
    <ActionForm action={staffReplyAction} submitLabel="Send reply" pendingLabel="Sending…">
      {(state, err) => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <TextArea id="staff-reply" name="body" label="Reply to the store" defaultValue={state.values?.body} error={err.body} />
        </>
      )}
    </ActionForm>
  );
}

export function TicketControls({ ticketId, status, priority, assignedToMe }: { ticketId: string; status: keyof typeof STATUS_LABEL; priority: keyof typeof PRIORITY_LABEL; assignedToMe: boolean }) {
  return (
    <div className="v-row" style={{ flexWrap: 'wrap', gap: 16 }}>
      <InlineActionForm action={assignAction} label={assignedToMe ? 'Unassign me' : 'Assign to me'} hidden={{ ticketId, assignee: assignedToMe ? 'nobody' : 'me' }} />
      <InlineActionForm action={statusAction} label="Change status" hidden={{ ticketId }}>
        <select name="status" defaultValue={status} aria-label="Status">
          {Object.entries(STATUS_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </InlineActionForm>
      <InlineActionForm action={priorityAction} label="Change priority" hidden={{ ticketId }}>
        <select name="priority" defaultValue={priority} aria-label="Priority">
          {Object.entries(PRIORITY_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </InlineActionForm>
    </div>
  );
}
