// Whether two words are at most one edit apart (Damerau: an insertion, deletion, substitution or
// swap of two neighbouring letters). Pure; compares code points, so precomposed Vietnamese
// letters count as one letter each.

/** True when `a` and `b` are equal or differ by one insertion, deletion, substitution or transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) {
    const diffs: number[] = [];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && diffs.push(i) > 2) return false;
    if (diffs.length === 1) return true;
    const [i, j] = diffs as [number, number];
    return j === i + 1 && x[i] === y[j] && x[j] === y[i];
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  for (let k = i; k < short.length; k++) if (short[k] !== long[k + 1]) return false;
  return true;
}

/** How many letters a word has (code points). */
export const letterCount = (word: string): number => [...word].length;
