'use client';
import { InlineActionForm } from '../forms/inline-action-form.tsx';
import { cancelAction, choosePlanAction, portalAction, resumeAction } from './actions.ts';

/** One plan-and-interval choice: subscribe (no live subscription) or change the live one. */
export function ChoosePlanButton({ label, planCode, interval, mode }: { label: string; planCode: string; interval: string; mode: 'subscribe' | 'change' }) {
  return <InlineActionForm action={choosePlanAction} label={label} variant="primary" hidden={{ planCode, interval, mode }} />;
}

export function CancelButton({ label }: { label: string }) {
  return <InlineActionForm action={cancelAction} label={label} variant="danger" />;
}

export function ResumeButton({ label }: { label: string }) {
  return <InlineActionForm action={resumeAction} label={label} variant="primary" />;
}

export function PortalButton({ label }: { label: string }) {
  return <InlineActionForm action={portalAction} label={label} />;
}
