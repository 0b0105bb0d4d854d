/**
 * Encodes a tree as the PHP-style form the host posts to event handlers
 * (`event=ONAPPINSTALL&data[VERSION]=1&auth[access_token]=…`), keys in the tree's order.
 */
export type FormValue = string | number | boolean | null | undefined | FormTree | readonly FormValue[];
export interface FormTree {
  readonly [key: string]: FormValue;
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return String(value);
}

function append(form: URLSearchParams, key: string, value: FormValue): void {
  if (value === undefined || value === null) {
    form.append(key, '');
  } else if (Array.isArray(value)) {
    value.forEach((item: FormValue, index: number) => {
      append(form, `${key}[${index}]`, item);
    });
  } else if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value as FormTree)) append(form, `${key}[${name}]`, item);
  } else {
    form.append(key, scalar(value as string | number | boolean));
  }
}

export function phpForm(tree: FormTree): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(tree)) append(form, key, value);
  return form;
}
