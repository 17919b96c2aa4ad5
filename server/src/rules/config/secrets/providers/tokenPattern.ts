/**
 * A token pattern that does not start or end in the middle of a longer alphanumeric run, so
 * `xghp_…` or a token glued to more characters is not read as the shorter format.
 */
export function tok(source: string, flags = ""): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])(?:${source})(?![A-Za-z0-9])`, flags);
}

/** The whole trimmed value, for context rows. */
export function whole(source: string, flags = ""): RegExp {
  return new RegExp(`^(?:${source})$`, flags);
}

export const PEM_PRIVATE_KEY = /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]{20,}?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/;
export const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
