import { z } from 'zod';

/**
 * Every environment variable Vitrine reads, parsed once. A missing or malformed variable stops the
 * process with a message naming it (see `loadEnv`).
 */
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');

/** "k1:<base64 32 bytes>,k2:<base64 32 bytes>" — the first key encrypts, every key decrypts. */
const encryptionKeys = z.string().transform((raw, ctx) => {
  const keys = new Map<string, Buffer>();
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'each entry must be <keyId>:<32 bytes in base64>' });
      return z.NEVER;
    }
    keys.set(id, key);
  }
  if (keys.size === 0) {
    ctx.addIssue({ code: 'custom', message: 'at least one key is required' });
    return z.NEVER;
  }
  return { currentKeyId: keys.keys().next().value as string, keys };
});

/** An optional variable: left out or set to nothing (`S3_ENDPOINT=` in a .env file) both mean "not set". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Owner connection: migrations and the platform's privileged operations. */
  DATABASE_URL: postgresUrl,
  /** Application connection: the vitrine_app role, subject to row-level security. */
  APP_DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** Stores live at {slug}.{PLATFORM_DOMAIN}; the admin at the bare domain. */
  PLATFORM_DOMAIN: z
    .string()
    .min(1)
    .regex(/^[a-z0-9.-]+$/, 'must be a lowercase host name without port, e.g. vitrine.app'),
  /** Public base URL of the web app (admin), e.g. http://localhost:3000 */
  APP_URL: z.string().url(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  DATA_ENCRYPTION_KEYS: encryptionKeys,
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  /** Reverse proxies in front of the web app that append to X-Forwarded-For (the client address is read behind them). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  /** Outgoing email (smtp://user:pass@host:port, smtps:// for TLS); the demo and tests use the local mail catcher. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Vitrine <no-reply@vitrine.localhost>'),
  /** Where uploaded files (product images, logos) live: `local` disk under STORAGE_DIR, or an `s3` bucket (S3_*). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** Local file storage; a relative path is read from the repository root. */
  STORAGE_DIR: z.string().min(1).default('./.data/storage'),
  // S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, ...), read when STORAGE_DRIVER=s3; see S3_REQUIRED below.
  S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lowercase letters, digits, dots and dashes'),
  ),
  /** The bucket's region: `auto` for R2, usually `us-east-1` for MinIO. */
  S3_REGION: optional(z.string()),
  /** The service's base URL, for anything but AWS S3 itself (e.g. https://<account>.r2.cloudflarestorage.com). */
  S3_ENDPOINT: optional(z.string().url()),
  /** `true` for /<bucket>/<key> addresses (MinIO and most self-hosted services). */
  S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false'], { message: 'must be true or false' })).transform((v) => v === 'true'),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  /** Where browsers fetch stored files from: the CDN (or public bucket URL) in front of the bucket. */
  S3_PUBLIC_BASE_URL: optional(z.string().url()),

  // Mercado Livre application (DevCenter). Tests and the demo point the base URLs at the local sandbox.
  ML_API_BASE_URL: z.string().url().default('https://api.mercadolibre.com'),
  /** Overrides every site's authorization host (auth.mercadolivre.com.br, ...): the sandbox's, locally. */
  ML_AUTH_BASE_URL: z.string().url().optional(),
  ML_CLIENT_ID: z.string().regex(/^\d+$/, 'must be the numeric application id from DevCenter'),
  ML_CLIENT_SECRET: z.string().min(8, 'must be the application secret from DevCenter'),
  /** Registered in DevCenter exactly as written here; ML compares it character by character. */
  ML_REDIRECT_URI: z.string().url(),
  /** Path segment of the notifications URL (ML signs nothing): /api/webhooks/mercadolivre/<secret>. */
  ML_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{24,128}$/, 'must be 24–128 URL-safe characters'),
  /** Requests per second to ML, per application and per seller (field reports see 429s at 5–7/s). */
  ML_RATE_PER_APP: z.coerce.number().positive().default(5),
  ML_RATE_PER_SELLER: z.coerce.number().positive().default(5),
});

/** What STORAGE_DRIVER=s3 cannot do without (S3_ENDPOINT stays optional: AWS S3 itself needs none). */
const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_BASE_URL'] as const;

/** The environment's schema; variables only some settings need are checked here, each named when missing. */
export const envSchema = S3_REQUIRED.reduce(
  (schema, name) =>
    // `when` runs the check even while other variables are wrong, so one start-up lists every problem.
    schema.refine((env) => env.STORAGE_DRIVER !== 's3' || Boolean(env[name]), { path: [name], message: 'required when STORAGE_DRIVER=s3', when: () => true }),
  baseSchema,
);

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

function describeProblems(source: Record<string, string | undefined>, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = source[name] === undefined || source[name] === '';
    if (!missing) return `${name} is invalid: ${issue.message}`;
    // A check of our own explains when the variable is needed (e.g. "required when STORAGE_DRIVER=s3").
    return issue.code === 'custom' ? `${name} is missing (${issue.message})` : `${name} is missing`;
  });
}

/** Parses the given variables; throws EnvError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(describeProblems(source, result.error));
}

/** Parses only the named variables, for code that must not require the whole environment. */
export function parseEnvSubset<K extends keyof Env>(source: Record<string, string | undefined>, keys: readonly K[]): Pick<Env, K> {
  const shape = envSchema.shape;
  const schema: z.ZodType<unknown> = z.object(Object.fromEntries(keys.map((k) => [k, shape[k]])));
  const result = schema.safeParse(source);
  if (result.success) return result.data as Pick<Env, K>;
  throw new EnvError(describeProblems(source, result.error));
}

function exitOnEnvError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its format.\n`);
      process.exit(78);
    }
    throw error;
  }
}

let cached: Env | undefined;

/**
 * The process environment, parsed once. In a long-running process a bad environment is fatal:
 * the message names each variable and the process exits with code 78 (configuration error).
 */
export function loadEnv(): Env {
  cached ??= exitOnEnvError(() => parseEnv(process.env));
  return cached;
}

/** Only the variables a piece needs, with the same fatal message as loadEnv. */
export function pickEnv<K extends keyof Env>(...keys: K[]): Pick<Env, K> {
  return exitOnEnvError(() => parseEnvSubset(process.env, keys));
}
