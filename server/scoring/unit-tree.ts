// Units form a tree; a unit's figures include its sub-units, and a staff member sees a subtree.

export interface UnitNode {
  code: string;
  parent_code: string | null;
}

/** The codes of a unit and every unit below it. */
export function subtreeCodes(units: readonly UnitNode[], root: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parent_code === null) continue;
    const list = children.get(u.parent_code) ?? [];
    list.push(u.code);
    children.set(u.parent_code, list);
  }
  if (!units.some((u) => u.code === root)) return [];
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const code = stack.pop()!;
    if (out.includes(code)) continue; // a cycle in bad data must not hang the server
    out.push(code);
    stack.push(...(children.get(code) ?? []));
  }
  return out;
}

/** True when `code` is `root` or lies below it. */
export function isWithin(units: readonly UnitNode[], root: string, code: string): boolean {
  return subtreeCodes(units, root).includes(code);
}
