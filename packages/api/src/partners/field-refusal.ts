import { TRPCError } from '@trpc/server';

/** The cause of a refusal about one field: shaped like zod's issues, so forms show the sentence beside that field. */
export class FieldRefusal extends Error {
  override name = 'FieldRefusal';
  readonly issues: { path: string[]; message: string }[];
  constructor(field: string, message: string) {
    super(message);
    this.issues = [{ path: [field], message }];
  }
}

/** A BAD_REQUEST whose sentence belongs beside `field`. */
export function fieldRefusal(field: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new FieldRefusal(field, message) });
}
