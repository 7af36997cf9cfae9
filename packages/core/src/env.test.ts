import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

const key = Buffer.alloc(32, 1).toString('base64');
const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/vitrine',
  APP_DATABASE_URL: 'postgresql://vitrine_app@127.0.0.1:5432/vitrine',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PLATFORM_DOMAIN: 'localhost',
  APP_URL: 'http://localhost:3000',
  AUTH_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEYS: `k2:${key},k1:${Buffer.alloc(32, 2).toString('base64')}`,
  ML_CLIENT_ID: '1234567890123456',
  ML_CLIENT_SECRET: 'sandbox-secret',
  ML_REDIRECT_URI: 'http://localhost:3000/api/mercadolivre/callback',
  ML_WEBHOOK_SECRET: 'w'.repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('parses a complete environment with defaults filled in', () => {
    const env = parseEnv(valid);
    expect(env.NODE_ENV).toBe('development');
    expect(env.WORKER_HEALTH_PORT).toBe(3100);
    expect(env.DATA_ENCRYPTION_KEYS.currentKeyId).toBe('k2');
    expect([...env.DATA_ENCRYPTION_KEYS.keys.keys()]).toEqual(['k2', 'k1']);
  });

  it('names a missing variable', () => {
    expect(problemsOf({ ...valid, REDIS_URL: undefined })).toEqual(['REDIS_URL is missing']);
  });

  it('names every malformed variable with the reason', () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: 'mysql://x/y', AUTH_SECRET: 'short', PLATFORM_DOMAIN: 'Bad_Host:3000' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('DATABASE_URL is invalid'))).toMatch(/postgres/);
    expect(problems.find((p) => p.startsWith('AUTH_SECRET is invalid'))).toMatch(/32 characters/);
    expect(problems.find((p) => p.startsWith('PLATFORM_DOMAIN is invalid'))).toBeDefined();
  });

  it('refuses encryption keys that are not 32 bytes', () => {
    const problems = problemsOf({ ...valid, DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` });
    expect(problems).toEqual([expect.stringMatching(/^DATA_ENCRYPTION_KEYS is invalid: .*32 bytes/)]);
  });

  it('keeps files on local disk unless STORAGE_DRIVER says otherwise, and needs no S3 variable then', () => {
    const env = parseEnv(valid);
    expect(env.STORAGE_DRIVER).toBe('local');
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('reads the S3 bucket settings when STORAGE_DRIVER=s3', () => {
    const env = parseEnv({
      ...valid,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'vitrine-media',
      S3_REGION: 'auto',
      S3_ENDPOINT: 'https://account.r2.example.test',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_BASE_URL: 'https://cdn.example.test',
    });
    expect(env).toMatchObject({ STORAGE_DRIVER: 's3', S3_BUCKET: 'vitrine-media', S3_FORCE_PATH_STYLE: true, S3_PUBLIC_BASE_URL: 'https://cdn.example.test' });
  });

  it('names each S3 variable STORAGE_DRIVER=s3 is missing, alongside other problems', () => {
    const problems = problemsOf({ ...valid, REDIS_URL: undefined, STORAGE_DRIVER: 's3', S3_BUCKET: 'vitrine-media', S3_REGION: 'us-east-1', S3_SECRET_ACCESS_KEY: '' });
    expect(problems).toEqual([
      'REDIS_URL is missing',
      'S3_ACCESS_KEY_ID is missing (required when STORAGE_DRIVER=s3)',
      'S3_SECRET_ACCESS_KEY is missing (required when STORAGE_DRIVER=s3)',
      'S3_PUBLIC_BASE_URL is missing (required when STORAGE_DRIVER=s3)',
    ]);
  });

  it('refuses an unknown storage driver and malformed S3 values', () => {
    const problems = problemsOf({ ...valid, STORAGE_DRIVER: 'gcs', S3_BUCKET: 'Not_A_Bucket', S3_FORCE_PATH_STYLE: 'yes' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('STORAGE_DRIVER is invalid'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('S3_BUCKET is invalid'))).toMatch(/bucket name/);
    expect(problems.find((p) => p.startsWith('S3_FORCE_PATH_STYLE is invalid'))).toMatch(/true or false/);
  });
});

describe('parseEnvSubset', () => {
  it('checks only the variables asked for', async () => {
    const { parseEnvSubset } = await import('./env.ts');
    expect(parseEnvSubset({ REDIS_URL: 'redis://127.0.0.1:6379' }, ['REDIS_URL'])).toEqual({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(() => parseEnvSubset({}, ['REDIS_URL', 'APP_URL'])).toThrow(/REDIS_URL is missing\n.*APP_URL is missing/);
  });
});
