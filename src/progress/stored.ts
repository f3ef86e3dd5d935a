/**
 * A JSON object the page keeps in localStorage: `{}` when it is missing, not an object (an
 * older edition, another site's hand), or storage refuses to be read.
 */
export function readStoredObject<T extends object>(key: string): Partial<T> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Partial<T>) : {};
  } catch {
    return {};
  }
}
