import { redact } from "../../engine/redact";
import { SERVICE_SCHEMES, type ServiceKind } from "../shared/backingServices";

/** A backing-service connection string written as a whole string value. */
export interface ServiceUrl {
  scheme: string;
  kind: ServiceKind;
  envName: string;
  hosts: string[];
  /** `user:password@`: the message must not show the URL in full. */
  hasCredentials: boolean;
}

/**
 * Hosts that are placeholders in docs, help texts and templates (`postgres://user:pass@host:port/db`,
 * `amqp://your-broker`, `db.example.com`): no one connects to them, so they are not reported. Hosts that
 * are not host names at all (`<host>`, `${HOST}`, `{host}`) fail the shape check before this one.
 */
const PLACEHOLDER_HOST = /^(?:host|hostname|server|domain|your[-_.\w]*|(?:[\w-]+\.)*example\.(?:com|org|net)|x+)$/i;

/** A host name, an IPv4 address or a bracketed IPv6 address; anything else is a template or a typo. */
const HOST_SHAPE = /^(?:[\w-]+(?:\.[\w-]+)*\.?|\[[0-9a-f:.]+\])$/i;

const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([^\s]*)$/i;

/** `db:5432` → `db`, `[::1]:5432` → `[::1]`; `undefined` when the port is not a number (`host:port`). */
function hostOf(address: string): string | undefined {
  const ipv6 = /^(\[[^\]]*\])(?::(\d*))?$/.exec(address);
  if (ipv6) return ipv6[1];
  const colon = address.lastIndexOf(":");
  if (colon < 0) return address;
  return /^\d*$/.test(address.slice(colon + 1)) ? address.slice(0, colon) : undefined;
}

/** The service URL `text` is, when it is one whole URL with a real host; else `undefined`. */
export function parseServiceUrl(text: string): ServiceUrl | undefined {
  const match = URL_SHAPE.exec(text.trim());
  if (!match) return undefined;
  const scheme = match[1].toLowerCase();
  const info = Object.hasOwn(SERVICE_SCHEMES, scheme) ? SERVICE_SCHEMES[scheme] : undefined;
  if (!info?.envName) return undefined;
  const authority = match[2];
  const at = authority.lastIndexOf("@");
  const userinfo = at >= 0 ? authority.slice(0, at) : "";
  const addresses = (at >= 0 ? authority.slice(at + 1) : authority).split(",");
  const hosts: string[] = [];
  for (const address of addresses) {
    const host = hostOf(address);
    if (!host || !HOST_SHAPE.test(host) || PLACEHOLDER_HOST.test(host)) return undefined;
    hosts.push(host);
  }
  return { scheme, kind: info.kind, envName: info.envName, hosts, hasCredentials: userinfo.includes(":") };
}

/**
 * A host only a developer's machine or its compose network resolves: loopback, `*.localhost`,
 * and single-label names (`db`, `redis`) that name compose services. An env read falling back to
 * such a host is a local default, as `process.env.PORT ?? 3000` is.
 */
export function isLocalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (name === "localhost" || name.endsWith(".localhost") || name === "::1" || name === "0.0.0.0") return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(name)) return true;
  return !name.includes(".") && !name.includes(":");
}

/** The URL as messages may show it: redacted when it carries credentials, else quoted (and shortened). */
export function displayUrl(text: string, hasCredentials: boolean): string {
  if (hasCredentials) return redact(text);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** `localhost:9092` → `localhost` (for broker lists). */
export function addressHost(address: string): string | undefined {
  return hostOf(address.trim());
}
