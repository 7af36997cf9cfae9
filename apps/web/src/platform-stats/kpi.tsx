import { Card } from '@vitrine/ui';

/** One number with its name, as the dashboard's cards show them. */
export function Kpi({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Card>
      <h2 style={{ margin: 0, fontSize: '1rem' }}>{label}</h2>
      <p style={{ fontSize: '1.6rem', margin: 'var(--space-2) 0 0' }} data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}
