#!/usr/bin/env bash
# Records samples/loopback.pcap (and loopback.pcapng): real traffic on the loopback interface, made by this
# script while tcpdump listens: an HTTP exchange over IPv4 and one over IPv6 (python3 -m http.server + curl),
# a UDP request/echo over IPv4, a UDP datagram to a closed IPv6 port (answered by ICMPv6 port unreachable),
# and an ICMP echo over IPv4 and over IPv6. Needs root (tcpdump, raw ICMP sockets), tcpdump, python3, curl,
# and tshark for the pcapng copy. The golden outputs of cli/src/test/resources/golden are made from this file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

HTTP4=18080 HTTP6=18086 UDP_ECHO=15353 UDP_CLOSED=15354
printf 'hello from pcapkit\n' > "$work/hello.txt"

tcpdump -i lo -s 0 -U --immediate-mode -w "$work/raw.pcap" \
  "tcp port $HTTP4 or tcp port $HTTP6 or udp port $UDP_ECHO or udp port $UDP_CLOSED or icmp or icmp6" \
  2> "$work/tcpdump.log" &
tcpdump_pid=$!
for _ in $(seq 50); do grep -q 'listening on' "$work/tcpdump.log" 2>/dev/null && break; sleep 0.1; done

(cd "$work" && exec python3 -m http.server "$HTTP4" --bind 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
(cd "$work" && exec python3 -m http.server "$HTTP6" --bind ::1 >/dev/null 2>&1) & pids+=($!)
# the servers need a moment to bind; a port probe would be recorded as one more connection
sleep 1.5

curl -s -o /dev/null "http://127.0.0.1:$HTTP4/hello.txt"
curl -s -o /dev/null -g "http://[::1]:$HTTP6/hello.txt"

python3 - "$UDP_ECHO" "$UDP_CLOSED" <<'PY'
import os, socket, struct, sys, time
echo_port, closed_port = int(sys.argv[1]), int(sys.argv[2])

# UDP request and echo over IPv4
srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); srv.bind(("127.0.0.1", echo_port))
cli = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); cli.settimeout(2)
cli.sendto(b"pcapkit udp ping", ("127.0.0.1", echo_port))
data, peer = srv.recvfrom(2048); srv.sendto(data.upper(), peer); cli.recvfrom(2048)

# a UDP datagram to a closed IPv6 port: the kernel answers with ICMPv6 destination unreachable
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.sendto(b"anyone there?", ("::1", closed_port)); time.sleep(0.2)

def checksum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b)); s = (s >> 16) + (s & 0xFFFF); s += s >> 16
    return ~s & 0xFFFF

# ICMP echo over IPv4 (the kernel replies); ICMPv6 echo over IPv6 (the kernel fills the checksum)
ident = os.getpid() & 0xFFFF
r4 = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP); r4.settimeout(2)
r6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6); r6.settimeout(2)
for seq in (1, 2):
    payload = struct.pack("!d", time.time()) + bytes(range(0x10, 0x30))
    hdr = struct.pack("!BBHHH", 8, 0, 0, ident, seq)
    r4.sendto(struct.pack("!BBHHH", 8, 0, checksum(hdr + payload), ident, seq) + payload, ("127.0.0.1", 0))
    r4.recv(2048); r4.recv(2048)   # our request looped back, then the kernel's reply
    r6.sendto(struct.pack("!BBHHH", 128, 0, 0, ident, seq) + payload, ("::1", 0))
    time.sleep(0.2)
PY

sleep 1
kill -INT "$tcpdump_pid"; wait "$tcpdump_pid" || true
cp "$work/raw.pcap" "$here/loopback.pcap"
tshark -r "$here/loopback.pcap" -F pcapng -w "$here/loopback.pcapng" 2>/dev/null
capinfos -c "$here/loopback.pcap" "$here/loopback.pcapng" 2>/dev/null || true
