// GET /compute?n=N: the same naive trial division as demo-app (apps/demo-app/README.md spells it out),
// step for step, so that both runtimes do the same integer work.

export const DEFAULT_N = 10_000;
export const MAX_N = 5_000_000;
export const N_ERROR = `n must be a whole number from 1 to ${MAX_N}`;

const DIGITS = /^[0-9]+$/;

/** The n a query asks for, or null when it is not a whole number from 1 to MAX_N. */
export function parseN(values) {
  if (values.length === 0) return DEFAULT_N;
  // ASP.NET joins repeated values with a comma, which is then not a number: the same 400 here.
  if (values.length > 1 || !DIGITS.test(values[0])) return null;
  const n = Number(values[0]);
  return n >= 1 && n <= MAX_N ? n : null;
}

export function countPrimesUpTo(n) {
  let count = 0;
  for (let k = 2; k <= n; k++) {
    if (isPrime(k)) count++;
  }
  return count;
}

function isPrime(k) {
  if (k < 4) return k >= 2;
  if (k % 2 === 0) return false;
  // Small integers: V8 keeps these in machine integers, as .NET's int.
  for (let d = 3; d * d <= k; d += 2) {
    if (k % d === 0) return false;
  }
  return true;
}
