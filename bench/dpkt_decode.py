#!/usr/bin/env python3
"""The dpkt peer of `pcapkit -f fields -e ip.src -e ip.dst -e tcp.srcport ...`: decode Ethernet -> IPv4/IPv6 ->
TCP/UDP for every frame and read the addresses and ports, printing nothing. Usage: dpkt_decode.py FILE"""
import socket
import sys

import dpkt


def main(path):
    n = 0
    with open(path, "rb") as f:
        for _ts, buf in dpkt.pcap.Reader(f):
            n += 1
            try:
                eth = dpkt.ethernet.Ethernet(buf)
            except (dpkt.UnpackError, dpkt.NeedData):
                continue
            ip = eth.data
            if isinstance(ip, dpkt.ip.IP):
                src, dst = socket.inet_ntop(socket.AF_INET, ip.src), socket.inet_ntop(socket.AF_INET, ip.dst)
            elif isinstance(ip, dpkt.ip6.IP6):
                src, dst = socket.inet_ntop(socket.AF_INET6, ip.src), socket.inet_ntop(socket.AF_INET6, ip.dst)
            else:
                continue
            l4 = ip.data
            if isinstance(l4, (dpkt.tcp.TCP, dpkt.udp.UDP)):
                _ports = (l4.sport, l4.dport)
    print(n, "frames", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
