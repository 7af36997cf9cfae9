import { invalidRequest, parameterInvalidInteger, parameterMissing, parameterUnknown } from './errors.ts';
import type { FormObject, FormValue } from './form.ts';

/**
 * Reading request parameters the way Stripe validates them: unknown top-level parameters are refused,
 * integers must be integers, required ones name the missing parameter (`line_items[0][quantity]`).
 */
export class Params {
  constructor(
    readonly raw: FormObject,
    private readonly prefix = '',
  ) {}

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  /** Refuses parameters outside `allowed` (Stripe answers parameter_unknown). */
  only(allowed: readonly string[]): this {
    for (const key of Object.keys(this.raw)) if (!allowed.includes(key)) throw parameterUnknown(this.name(key));
    return this;
  }

  has(key: string): boolean {
    const value = this.raw[key];
    return value !== undefined && value !== '';
  }

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)} must be a string.`, { code: 'parameter_invalid_string', param: this.name(key) });
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined) throw parameterMissing(this.name(key));
    return value;
  }

  integer(key: string, { min }: { min?: number } = {}): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw parameterInvalidInteger(this.name(key), value);
    const parsed = Number(value);
    if (min !== undefined && parsed < min) {
      throw invalidRequest(`This value must be greater than or equal to ${min}.`, { code: 'parameter_invalid_integer', param: this.name(key) });
    }
    return parsed;
  }

  requiredInteger(key: string, options: { min?: number } = {}): number {
    const value = this.integer(key, options);
    if (value === undefined) throw parameterMissing(this.name(key));
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') {
      throw invalidRequest(`Invalid boolean: ${value}`, { code: 'parameter_invalid_boolean', param: this.name(key) });
    }
    return value === 'true';
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!values.includes(value as T)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${values.join(', ')}`, { param: this.name(key) });
    }
    return value as T;
  }

  object(key: string): Params | undefined {
    const value = this.raw[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidRequest(`Invalid object: ${this.name(key)} must be a hash.`, { code: 'parameter_invalid_object', param: this.name(key) });
    }
    return new Params(value, this.name(key));
  }

  requiredObject(key: string): Params {
    const value = this.object(key);
    if (!value) throw parameterMissing(this.name(key));
    return value;
  }

  array(key: string): Params[] {
    const value = this.raw[key];
    if (value === undefined || value === '') return [];
    if (!Array.isArray(value)) {
      throw invalidRequest(`Invalid array: ${this.name(key)} must be an array.`, { code: 'parameter_invalid_array', param: this.name(key) });
    }
    return value.map((item, index) => {
      if (typeof item !== 'object' || Array.isArray(item)) {
        throw invalidRequest(`Invalid object: ${this.name(key)}[${index}] must be a hash.`, { param: `${this.name(key)}[${index}]` });
      }
      return new Params(item, `${this.name(key)}[${index}]`);
    });
  }

  /** `metadata[...]`: a string map; '' deletes a key on update (returned as null). */
  metadata(key = 'metadata'): Record<string, string | null> | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidRequest(`Invalid object: ${this.name(key)} must be a hash.`, { param: this.name(key) });
    }
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(value as Record<string, FormValue>)) {
      if (typeof v !== 'string') throw invalidRequest(`Invalid metadata value for ${k}: metadata values must be strings.`, { param: `${this.name(key)}[${k}]` });
      if (k.length > 40) throw invalidRequest(`Metadata keys can have up to 40 characters: ${k}`, { param: `${this.name(key)}[${k}]` });
      if (v.length > 500) throw invalidRequest(`Metadata values can have up to 500 characters (${k}).`, { param: `${this.name(key)}[${k}]` });
      out[k] = v === '' ? null : v;
    }
    if (Object.keys(out).length > 50) throw invalidRequest('Metadata can have up to 50 keys.', { param: this.name(key) });
    return out;
  }
}

/** Applies a metadata update (null deletes) to a stored map. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string | null> | undefined): Record<string, string> {
  if (!update) return current;
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
