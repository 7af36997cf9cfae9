import { z } from 'zod';
import { hexColorSchema, idSchema } from '../../lib/schemas.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254, 'This email address is too long'));

/** A host name such as partner.example.com (lower case, no scheme, port or path). */
export const adminDomainSchema = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toLowerCase()
    .max(253, 'This domain is too long')
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, 'Enter a domain like admin.partner.com (no http://, port or path)')
    .nullable(),
);

const logoUrlSchema = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(500, 'Keep the logo address under 500 characters')
    .regex(/^(https?:\/\/|\/)/, 'Use an address starting with https:// (or a path on this site such as /media/...)')
    .nullable(),
);

export const partnerFieldsInput = z.object({
  name: z.string().trim().min(2, 'Give the partner a name of at least 2 characters').max(80, 'Use at most 80 characters for the name'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, 'Use 1 to 40 lowercase letters, digits and hyphens (not at the ends)'),
  productName: z.string().trim().min(2, 'Give the product a name of at least 2 characters').max(60, 'Use at most 60 characters for the product name'),
  logoUrl: logoUrlSchema.default(null),
  primaryColor: hexColorSchema,
  accentColor: hexColorSchema,
  supportEmail: emailSchema,
  adminDomain: adminDomainSchema.default(null),
  allowedPlanCodes: z
    .array(z.string().trim().min(1).max(64))
    .max(20, 'Allow at most 20 plans')
    .default([])
    .transform((codes) => [...new Set(codes)]),
  /** What new clients start with (as tenants.branding). */
  defaultPrimaryColor: hexColorSchema,
  defaultAccentColor: hexColorSchema,
});

export const createPartnerInput = partnerFieldsInput;
export const updatePartnerInput = partnerFieldsInput.extend({ id: idSchema });
export const partnerIdInput = z.object({ id: idSchema });

export const addPartnerMemberInput = z.object({
  partnerId: idSchema,
  email: emailSchema,
  role: z.enum(['PARTNER_ADMIN', 'PARTNER_STAFF'], { message: 'Choose a role: partner admin or partner staff' }),
});
export const partnerMemberIdInput = z.object({ memberId: idSchema });

export type PartnerFieldsInput = z.infer<typeof partnerFieldsInput>;
export type UpdatePartnerInput = z.infer<typeof updatePartnerInput>;
export type PartnerIdInput = z.infer<typeof partnerIdInput>;
export type AddPartnerMemberInput = z.infer<typeof addPartnerMemberInput>;
export type PartnerMemberIdInput = z.infer<typeof partnerMemberIdInput>;
