/**
 * JSON Web Tokens: three base64url parts, the first two JSON objects. Decoding the header
 * (it must hold an `alg`) tells a real token from any dotted base64 string.
 */

export const JWT_SHAPE = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.ey[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** The decoded header and payload, or `undefined` when `token` is not a signed JWT. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = decodePart(parts[0]);
  if (!header || typeof header.alg !== "string" || header.alg.toLowerCase() === "none") return undefined;
  const payload = decodePart(parts[1]);
  return payload ? { header, payload } : undefined;
}

/** Supabase's anon key is a JWT meant for browsers; only the service-role key is secret. */
export function jwtRole(token: string): string | undefined {
  const role = decodeJwt(token)?.payload.role;
  return typeof role === "string" ? role : undefined;
}
