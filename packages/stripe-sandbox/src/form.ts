/**
 * Stripe's request bodies: `application/x-www-form-urlencoded` with bracketed keys, as the SDK writes them
 * (`line_items[0][price_data][currency]=brl`, `metadata[order_id]=o1`, `expand[0]=data.customer`).
 * Keys made only of indexes become arrays; an empty value is kept as '' (Stripe reads it as "unset").
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormSyntaxError extends Error {
  override name = 'FormSyntaxError';
}

function splitKey(raw: string): string[] {
  const first = raw.indexOf('[');
  if (first === -1) return [raw];
  const parts = [raw.slice(0, first)];
  const rest = raw.slice(first);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index !== consumed) throw new FormSyntaxError(`Invalid parameter name: ${raw}`);
    parts.push(match[1] as string);
    consumed = match.index + match[0].length;
  }
  if (consumed !== rest.length || parts[0] === '') throw new FormSyntaxError(`Invalid parameter name: ${raw}`);
  return parts;
}

type Tree = { [key: string]: Tree | string };

function toValue(node: Tree | string): FormValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.map(Number).sort((a, b) => a - b).map((index) => toValue(node[String(index)] as Tree | string));
  }
  const out: FormObject = {};
  for (const key of keys) out[key] = toValue(node[key] as Tree | string);
  return out;
}

export function parseForm(body: string): FormObject {
  const root: Tree = Object.create(null) as Tree;
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = splitKey(rawKey);
    let node = root;
    path.forEach((segment, index) => {
      // `expand[]=a&expand[]=b`: an empty index appends.
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next === 'string') throw new FormSyntaxError(`Invalid parameter name: ${rawKey} (conflicts with a value given for ${path.slice(0, index + 1).join('.')})`);
      node = next ?? (node[key] = Object.create(null) as Tree);
    });
  }
  return toValue(root) as FormObject;
}
