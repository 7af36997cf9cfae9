import { EmptyState } from '@vitrine/ui';

export default function NotFound() {
  return (
    <main className="v-page">
      <EmptyState title="Page not found">There is nothing at this address.</EmptyState>
    </main>
  );
}
