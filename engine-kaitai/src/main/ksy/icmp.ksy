meta:
  id: icmp
  title: Internet Control Message Protocol (for IPv4) header
  endian: be
doc: |
  The first 8 octets of an ICMP message (RFC 792). Their last four depend on the type; error messages then quote
  the IP header and first octets of the datagram that caused them, which the engine decodes as IP again.
seq:
  - id: type
    type: u1
    doc: Type (RFC 792; IANA "ICMP Type Numbers").
  - id: code
    type: u1
    doc: Code, a subtype of the type (RFC 792).
  - id: checksum
    type: u2
    doc: One's complement checksum of the whole ICMP message (RFC 792).
  - id: rest
    size: 4
    doc: Rest of header, as the type says (RFC 792).
instances:
  identifier:
    value: rest[0] * 256 + rest[1]
    doc: Identifier of an echo, timestamp or information message (RFC 792, types 0, 8, 13-16).
  sequence:
    value: rest[2] * 256 + rest[3]
    doc: Sequence Number of an echo, timestamp or information message (RFC 792).
  mtu:
    value: rest[2] * 256 + rest[3]
    doc: Next-Hop MTU of a "fragmentation needed" Destination Unreachable (RFC 1191 section 4).
  pointer:
    value: rest[0]
    doc: Pointer to the octet in error of a Parameter Problem (RFC 792, type 12).
  gateway:
    value: ((rest[0] * 256 + rest[1]) * 256 + rest[2]) * 256 + rest[3]
    doc: Gateway Internet Address of a Redirect (RFC 792, type 5).
  is_error:
    value: type == 3 or type == 4 or type == 5 or type == 11 or type == 12
    doc: Whether the message quotes the datagram that caused it (RFC 792).
