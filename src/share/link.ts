/**
 * A share link: a page URL whose fragment carries one half of one cell's code, compressed
 * (`#share/<cell id>/<ts|py>/<code>`). The fragment never reaches a server, so the code stays
 * between the two readers, and the static site needs nothing to serve it.
 *
 * The code is UTF-8, deflated with the platform's own `CompressionStream("deflate-raw")` (in
 * every current browser and in Node), then base64url-encoded: no library needed.
 */
import type { Half } from "../notebook/index.ts";

export interface SharedCode {
  cellId: string;
  lang: Half;
  code: string;
}

const PREFIX = "#share/";

/** The longest code a link carries: long links get cut by chat apps and mail clients. */
export const MAX_SHARED_CHARS = 20_000;

/** Why a share link could not be made or read, in the reader's words. */
export class ShareLinkError extends Error {
  override name = "ShareLinkError";
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError("the link's code is not in the expected form (it may have been cut or changed)");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment for `shared` (starting with "#"). */
export async function shareFragment(shared: SharedCode): Promise<string> {
  if (shared.code.length > MAX_SHARED_CHARS) {
    throw new ShareLinkError(`the code is ${shared.code.length.toLocaleString("en-US")} characters long; a link carries at most ${MAX_SHARED_CHARS.toLocaleString("en-US")}`);
  }
  const packed = await pipe(new TextEncoder().encode(shared.code), new CompressionStream("deflate-raw"));
  return `${PREFIX}${encodeURIComponent(shared.cellId)}/${shared.lang}/${toBase64Url(packed)}`;
}

/** Whether a URL fragment is a share link's (then {@link readShareFragment} reads it). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/**
 * Reads a share link's fragment.
 * @throws ShareLinkError when it is not one, or its code cannot be read (cut, changed).
 */
export async function readShareFragment(hash: string): Promise<SharedCode> {
  const parts = hash.slice(PREFIX.length).split("/");
  if (!isShareFragment(hash) || parts.length !== 3) throw new ShareLinkError("the link is not a share link of this site");
  const [cell, lang, data] = parts as [string, string, string];
  if (lang !== "ts" && lang !== "py") throw new ShareLinkError(`the link names a language "${lang}" this site does not have`);
  let code: string;
  try {
    const bytes = await pipe(fromBase64Url(data), new DecompressionStream("deflate-raw"));
    code = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError("the link's code could not be unpacked (it may have been cut or changed)");
  }
  if (code.length > MAX_SHARED_CHARS) throw new ShareLinkError("the link's code is longer than a share link may carry");
  return { cellId: decodeURIComponent(cell), lang, code };
}
