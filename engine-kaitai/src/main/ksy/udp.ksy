meta:
  id: udp
  title: User Datagram Protocol header
  endian: be
doc: The 8-byte UDP header (RFC 768). The payload follows and is handed on by port.
seq:
  - id: src_port
    type: u2
    doc: Source Port (RFC 768, "Format").
  - id: dst_port
    type: u2
    doc: Destination Port (RFC 768, "Format").
  - id: length
    type: u2
    doc: Length in octets of this header and the data, at least 8 (RFC 768, "Fields").
  - id: checksum
    type: u2
    doc: Checksum over the pseudo header, header and data; 0 when not computed (RFC 768; RFC 8200 8.1 for IPv6).
