meta:
  id: icmpv6
  title: Internet Control Message Protocol for IPv6 header
  endian: be
doc: |
  The first 8 octets of an ICMPv6 message (RFC 4443 section 2.1). Error messages (types 1-4) then quote as much of
  the invoking packet as fits, which the engine decodes as IPv6 again.
seq:
  - id: type
    type: u1
    doc: Type; below 128 an error, from 128 informational (RFC 4443 2.1).
  - id: code
    type: u1
    doc: Code (RFC 4443 2.1).
  - id: checksum
    type: u2
    doc: Checksum over the pseudo header and the message (RFC 4443 2.3).
  - id: rest
    size: 4
    doc: Message body start, as the type says (RFC 4443 sections 3 and 4).
instances:
  identifier:
    value: rest[0] * 256 + rest[1]
    doc: Echo Identifier (RFC 4443 4.1, 4.2).
  sequence:
    value: rest[2] * 256 + rest[3]
    doc: Echo Sequence Number (RFC 4443 4.1, 4.2).
  mtu:
    value: ((rest[0] * 256 + rest[1]) * 256 + rest[2]) * 256 + rest[3]
    doc: MTU of a Packet Too Big message (RFC 4443 3.2).
  pointer:
    value: ((rest[0] * 256 + rest[1]) * 256 + rest[2]) * 256 + rest[3]
    doc: Pointer of a Parameter Problem message (RFC 4443 3.4).
  is_error:
    value: type >= 1 and type <= 4
    doc: Destination Unreachable, Packet Too Big, Time Exceeded, Parameter Problem (RFC 4443 3).
