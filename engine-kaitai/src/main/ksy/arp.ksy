meta:
  id: arp
  title: Address Resolution Protocol packet
  endian: be
doc: |
  An ARP (RFC 826) or RARP (RFC 903) packet. Address sizes are carried in the packet, so the addresses are byte
  strings; the engine shows 6-byte hardware addresses as MACs and 4-byte IPv4 protocol addresses as IPv4.
seq:
  - id: hw_type
    type: u2
    doc: ar$hrd, hardware address space, 1 = Ethernet (RFC 826 "Packet format"; IANA ARP parameters).
  - id: proto_type
    type: u2
    doc: ar$pro, protocol address space as an EtherType, 0x0800 = IPv4 (RFC 826).
  - id: hw_size
    type: u1
    doc: ar$hln, byte length of each hardware address (RFC 826).
  - id: proto_size
    type: u1
    doc: ar$pln, byte length of each protocol address (RFC 826).
  - id: opcode
    type: u2
    doc: ar$op, 1 request, 2 reply (RFC 826); 3 and 4 for RARP (RFC 903).
  - id: src_hw
    size: hw_size
    doc: ar$sha, sender hardware address (RFC 826).
  - id: src_proto
    size: proto_size
    doc: ar$spa, sender protocol address (RFC 826).
  - id: dst_hw
    size: hw_size
    doc: ar$tha, target hardware address (RFC 826).
  - id: dst_proto
    size: proto_size
    doc: ar$tpa, target protocol address (RFC 826).
