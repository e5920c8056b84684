// Preloaded (NODE_OPTIONS=--import) where `unshare -n` is not allowed: any attempt by the build, or a data loader it
// spawns, to reach a host other than loopback throws, so an offline build is still proven offline.
import dns from "node:dns";
import net from "node:net";

const LOOPBACK = /^(127\.|::1$|localhost$)/;
const refuse = (host) => {
  throw new Error(`network access blocked during offline build: ${host}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : {host: args[1]};
  if (!options.path && !LOOPBACK.test(String(options.host ?? "localhost"))) refuse(options.host);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOOPBACK.test(String(host))) refuse(host);
  return lookup.call(this, host, ...rest);
};
globalThis.fetch = async (input) => refuse(String(input?.url ?? input));
