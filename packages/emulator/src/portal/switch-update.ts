/**
 * A partial update of a group of runtime switches (fault switches, development aids): every given key
 * must be a known switch and its value pass that switch's rule. Bad input names the field.
 */
export type SwitchUpdate<T> = { ok: true; update: Partial<T> } | { ok: false; field: string; rule: string };

/** For each switch: the rule its value must meet (said as "must be <rule>"), and the check. */
export type SwitchRules<T> = {
  readonly [K in keyof T]: { readonly rule: string; readonly accepts: (value: unknown) => boolean };
};

export function checkSwitchUpdate<T>(input: unknown, rules: SwitchRules<T>, known: string): SwitchUpdate<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, field: 'body', rule: 'a JSON object' };
  const update: Partial<Record<keyof T, unknown>> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(rules, key)) return { ok: false, field: key, rule: known };
    const { rule, accepts } = rules[key as keyof T];
    if (!accepts(value)) return { ok: false, field: key, rule };
    update[key as keyof T] = value;
  }
  return { ok: true, update: update as Partial<T> };
}

/** The same for an update given in code (`startEmulator`, `setFaults`…): a TypeError names the field. */
export function requireSwitchUpdate<T>(
  input: unknown,
  rules: SwitchRules<T>,
  known: string,
  where: string,
): Partial<T> {
  const checked = checkSwitchUpdate(input, rules, known);
  if (!checked.ok)
    throw new TypeError(
      checked.field === 'body'
        ? `${where} must be ${checked.rule}`
        : `${where}.${checked.field} must be ${checked.rule}`,
    );
  return checked.update;
}
