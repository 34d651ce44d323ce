/**
 * Preloaded (`node --require`) into the language server or the CLI by network.test.ts: every way
 * Node opens a connection or resolves a name is replaced by a function that records the attempt
 * on stderr (a line starting with NETWORK-ATTEMPT) and fails. Local IPC is not affected: the
 * server talks over stdio, which opens no socket.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const MARK = 'NETWORK-ATTEMPT';

function record(what: string, args: unknown[]): never {
  const detail = args.map((a) => { try { return typeof a === 'object' ? JSON.stringify(a) : String(a); } catch { return String(a); } }).join(' ').slice(0, 200);
  process.stderr.write(`${MARK} ${what} ${detail}\n`);
  throw new Error(`Carbon Lens test guard: ${what} is not allowed (no network access)`);
}

function guard(moduleName: string, names: string[]): void {
  const target = require(moduleName) as Record<string, unknown>;
  for (const name of names) {
    if (typeof target[name] === 'function') target[name] = (...args: unknown[]) => record(`${moduleName}.${name}`, args);
  }
}

guard('node:net', ['connect', 'createConnection']);
guard('node:tls', ['connect']);
guard('node:http', ['request', 'get']);
guard('node:https', ['request', 'get']);
guard('node:http2', ['connect']);
guard('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']);
guard('node:dns/promises', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
guard('node:dgram', ['createSocket']);
const net = require('node:net') as { Socket: { prototype: { connect: unknown } } };
net.Socket.prototype.connect = function connect(...args: unknown[]) {
  // The stdio and IPC channels of a server are set up from file descriptors, never by connect().
  return record('net.Socket.connect', args);
};
const globals = globalThis as unknown as Record<string, unknown>;
if (typeof globals.fetch === 'function') globals.fetch = (...args: unknown[]) => record('fetch', args);
if (typeof globals.WebSocket === 'function') globals.WebSocket = function WebSocket(...args: unknown[]) { return record('WebSocket', args); };
process.stderr.write(`${MARK}-GUARD-ACTIVE pid ${process.pid}\n`);

export {};
