/**
 * Rejects with `message` when `promise` has not settled within `ms`. BullMQ calls wait for a Redis
 * connection that may never come (an outage), so every call made outside a Worker is bounded.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
