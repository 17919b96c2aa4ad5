import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowListOf } from "../../../../server/src/rules/config/secrets/allowList";
import { charsetOf, hasSequentialRun, isIdentifierLike, isWordLike, looksRandom, shannonEntropy } from "../../../../server/src/rules/config/secrets/entropy";
import { decodeJwt, jwtRole } from "../../../../server/src/rules/config/secrets/jwt";
import { classifyName, isCredentialHeader, splitWords } from "../../../../server/src/rules/config/secrets/names";
import { isRealCredential, parseScheme } from "../../../../server/src/rules/config/secrets/schemeCredentials";
import { envNameForScheme, findUrlCredentials } from "../../../../server/src/rules/config/secrets/urlCredentials";
import { jwt, random } from "./samples";

describe("names", () => {
  it("splits camelCase, snake_case, kebab-case and acronyms", () => {
    assert.deepEqual(splitWords("clientSecret"), ["client", "secret"]);
    assert.deepEqual(splitWords("DB_PASSWORD"), ["db", "password"]);
    assert.deepEqual(splitWords("x-api-key"), ["x", "api", "key"]);
    assert.deepEqual(splitWords("APIKey"), ["api", "key"]);
    assert.deepEqual(splitWords("awsSecretAccessKey"), ["aws", "secret", "access", "key"]);
  });

  const table: [string, "password" | "secret" | "none"][] = [
    ["password", "password"], ["dbPassword", "password"], ["DB_PASSWORD", "password"], ["passwd", "password"], ["pwd", "password"],
    ["smtpPass", "password"], ["allPass", "none"], ["pass", "none"], ["bypass", "none"], ["passwordLabel", "none"], ["passwordHash", "none"],
    ["passwordPlaceholder", "none"], ["secret", "secret"], ["clientSecret", "secret"], ["jwtSecretProd", "secret"],
    ["token", "secret"], ["accessToken", "secret"], ["tokenType", "none"], ["tokenUrl", "none"], ["apiKey", "secret"],
    ["api_key", "secret"], ["APIKey", "secret"], ["apikey", "secret"], ["privateKey", "secret"], ["secretAccessKey", "secret"],
    ["accessKeyId", "none"], ["key", "none"], ["cacheKey", "none"], ["publicKey", "none"], ["Authorization", "secret"],
    ["credentials", "secret"], ["auth", "secret"], ["author", "none"], ["apiKeyValue", "secret"], ["secret2", "secret"],
    ["sha", "none"], ["etag", "none"], ["checksum", "none"], ["userId", "none"], ["integrity", "none"],
  ];
  for (const [name, kind] of table) {
    it(`${name} → ${kind}`, () => assert.equal(classifyName(name).kind, kind));
  }

  it("knows credential headers", () => {
    for (const header of ["Authorization", "authorization", "Proxy-Authorization", "X-API-Key", "x-api-key", "X-Auth-Token", "X-Access-Token"]) assert.ok(isCredentialHeader(header), header);
    for (const header of ["Content-Type", "X-Request-Id", "Accept"]) assert.ok(!isCredentialHeader(header), header);
  });
});

describe("entropy", () => {
  it("measures bits per character", () => {
    assert.equal(shannonEntropy(""), 0);
    assert.equal(shannonEntropy("aaaa"), 0);
    assert.equal(shannonEntropy("abcd"), 2);
    assert.equal(shannonEntropy("0123456789abcdef"), 4);
  });

  it("classifies the alphabet", () => {
    assert.equal(charsetOf("deadbeef0123"), "hex");
    assert.equal(charsetOf("aZ09+/="), "base64");
    assert.equal(charsetOf("P@ss!word#1"), "mixed");
  });

  it("reads words as words and random letters as random", () => {
    for (const word of ["keyboardcat", "mySuperSecretPassword", "hunter2", "auth.token.expired", "development", "Bearer"]) assert.ok(isWordLike(word), word);
    for (const noise of ["qXfTrBnmLpOeKsAz", "xkcdqwrtzplmnbvc", "a1b2c3d4"]) assert.ok(!isWordLike(noise), noise);
  });

  it("reads camelCase identifiers as names", () => {
    assert.ok(isIdentifierLike("cryptoOptsSignJwt"));
    assert.ok(isIdentifierLike("overEvery"));
    assert.ok(isIdentifierLike("InterpolationInJSX"), "acronyms");
    assert.ok(!isIdentifierLike("qXfTrBnmLpOeKsAz"), "short chunks");
    assert.ok(!looksRandom("cryptoOptsSignJwt"));
  });

  it("finds typed ascending runs", () => {
    assert.ok(hasSequentialRun("xx123456yy"));
    assert.ok(hasSequentialRun("abcdef"));
    assert.ok(!hasSequentialRun("12345"));
  });

  it("applies thresholds by alphabet: hex from 20 chars, base64 from 16, mixed from 12", () => {
    const hex20 = random("hex", 20);
    assert.ok(looksRandom(hex20), hex20);
    assert.ok(!looksRandom(hex20.slice(0, 19)), "19 hex chars are too short");
    const b64 = random("alnum", 16);
    assert.ok(looksRandom(b64), b64);
    assert.ok(!looksRandom(b64.slice(0, 15)), "15 base64 chars are too short");
    assert.ok(looksRandom("q7#Lp!2vX$9k"), "12 mixed chars");
    assert.ok(!looksRandom("aaaaaaaaaaaaaaaaaaaa1"), "low entropy");
    assert.ok(!looksRandom("mySuperSecretPassword"), "words");
    assert.ok(!looksRandom("abcdefghijklmnop1234"), "typed sequence");
  });
});

describe("passwords in URLs", () => {
  it("finds the password and the URL's extent", () => {
    const password = ["s3cret", "Pw"].join("");
    const url = `postgres://app:${password}@db.internal:5432/app`;
    assert.deepEqual(findUrlCredentials(url), { scheme: "postgres", password, start: 0, end: url.length });
    const inText = `connect to ${url} now`;
    assert.deepEqual(findUrlCredentials(inText), { scheme: "postgres", password, start: 11, end: 11 + url.length });
  });

  for (const value of ["postgres://app:@db/app", "postgres://app:${DB_PASSWORD}@db/app", "redis://:password@localhost:6379", "mongodb://root:changeme@mongo/admin", "https://user@example.com/x", "https://example.com:8443/a@b", "amqp://guest:$RABBIT_PASSWORD@mq", "smtp://u:%3Cpassword%3E@mail"]) {
    it(`ignores ${value}`, () => assert.equal(findUrlCredentials(value), undefined));
  }

  it("names the variable after the scheme", () => {
    assert.equal(envNameForScheme("postgresql"), "DATABASE_URL");
    assert.equal(envNameForScheme("mongodb+srv"), "MONGODB_URI");
    assert.equal(envNameForScheme("rediss"), "REDIS_URL");
    assert.equal(envNameForScheme("ldap"), "LDAP_URL");
  });
});

describe("Authorization values", () => {
  it("reads Bearer and Basic anywhere, other schemes only in a header slot", () => {
    const token = random("alnum", 24);
    assert.deepEqual(parseScheme(`Bearer ${token}`, false), { scheme: "Bearer", credential: token, index: 7 });
    assert.equal(parseScheme(`Token ${token}`, false), undefined);
    assert.deepEqual(parseScheme(`Token ${token}`, true), { scheme: "Token", credential: token, index: 6 });
  });

  it("accepts random tokens and real Basic passwords, refuses placeholders", () => {
    assert.ok(isRealCredential({ scheme: "Bearer", credential: random("alnum", 24), index: 7 }));
    assert.ok(!isRealCredential({ scheme: "Bearer", credential: "<token>", index: 7 }));
    assert.ok(!isRealCredential({ scheme: "Bearer", credential: "undefined", index: 7 }));
    const basic = (userPass: string) => ({ scheme: "Basic", credential: Buffer.from(userPass).toString("base64"), index: 6 });
    assert.ok(isRealCredential(basic("admin:hunter22")));
    assert.ok(!isRealCredential(basic("admin:password")));
    assert.ok(!isRealCredential(basic("admin:")));
  });
});

describe("JWT decoding", () => {
  it("needs a JSON header with alg", () => {
    const token = jwt({ sub: "42", role: "service_role" });
    assert.equal(decodeJwt(token)?.header.alg, "HS256");
    assert.equal(jwtRole(token), "service_role");
    assert.equal(decodeJwt("eyJub3QiOiJqc29uIn0.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlc2lnbmF0dXJl"), undefined, "header without alg");
    assert.equal(decodeJwt("a.b"), undefined);
    assert.equal(decodeJwt("%%%.%%%.%%%"), undefined);
  });
});

describe("allow-list", () => {
  it("takes exact values and /regex/flags, and never throws on a bad expression", () => {
    const allowed = allowListOf(["exact-value-123", "/^sk_test_/", "/DEMO/i", "/[unclosed/"]);
    assert.ok(allowed("exact-value-123"));
    assert.ok(!allowed("exact-value-1234"));
    assert.ok(allowed("sk_test_abc"));
    assert.ok(allowed("xdemoy"));
    assert.ok(allowed("/[unclosed/"), "a bad expression is an exact value");
    assert.ok(!allowListOf([])("anything"));
  });

  it("is compiled once per configuration array", () => {
    const entries = ["a"];
    assert.equal(allowListOf(entries), allowListOf(entries));
  });
});
