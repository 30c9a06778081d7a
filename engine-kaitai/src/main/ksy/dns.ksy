meta:
  id: dns
  title: Domain Name System message
  endian: be
doc: |
  A DNS message (RFC 1035 section 4.1) as carried in one UDP datagram. Names may end in a compression pointer
  (RFC 1035 4.1.4) to an earlier name in the message; the spec reads a name up to its end or its pointer, and the
  engine follows pointers itself with a bound on the hops, so a pointer loop in damaged data cannot recurse.
seq:
  - id: transaction_id
    type: u2
    doc: ID, copied into the reply (RFC 1035 4.1.1).
  - id: qr
    type: b1
    doc: QR, 0 query, 1 response (RFC 1035 4.1.1).
  - id: opcode
    type: b4
    doc: OPCODE, 0 standard query (RFC 1035 4.1.1; RFC 6895 2.2).
  - id: aa
    type: b1
    doc: AA, authoritative answer (RFC 1035 4.1.1).
  - id: tc
    type: b1
    doc: TC, truncated (RFC 1035 4.1.1).
  - id: rd
    type: b1
    doc: RD, recursion desired (RFC 1035 4.1.1).
  - id: ra
    type: b1
    doc: RA, recursion available (RFC 1035 4.1.1).
  - id: z
    type: b1
    doc: Z, reserved, zero (RFC 1035 4.1.1; RFC 6895 2.1).
  - id: ad
    type: b1
    doc: AD, authentic data (RFC 4035 3.2.3).
  - id: cd
    type: b1
    doc: CD, checking disabled (RFC 4035 3.2.2).
  - id: rcode
    type: b4
    doc: RCODE, response code (RFC 1035 4.1.1; RFC 6895 2.3).
  - id: qdcount
    type: u2
    doc: QDCOUNT, entries in the question section (RFC 1035 4.1.1).
  - id: ancount
    type: u2
    doc: ANCOUNT, resource records in the answer section (RFC 1035 4.1.1).
  - id: nscount
    type: u2
    doc: NSCOUNT, name server records in the authority section (RFC 1035 4.1.1).
  - id: arcount
    type: u2
    doc: ARCOUNT, resource records in the additional section (RFC 1035 4.1.1).
instances:
  flags:
    value: >-
      (qr ? 0x8000 : 0) | (opcode << 11) | (aa ? 0x400 : 0) | (tc ? 0x200 : 0) | (rd ? 0x100 : 0)
      | (ra ? 0x80 : 0) | (z ? 0x40 : 0) | (ad ? 0x20 : 0) | (cd ? 0x10 : 0) | rcode
    doc: The 16 flag bits as one value (RFC 1035 4.1.1).
types:
  name:
    doc: A domain name, as labels up to the root label or a compression pointer (RFC 1035 3.1, 4.1.4).
    seq:
      - id: labels
        type: label
        repeat: until
        repeat-until: _.len_label == 0 or _.is_pointer
        doc: The labels in order (RFC 1035 3.1).
  label:
    doc: One label, or a compression pointer when the two high bits are set (RFC 1035 4.1.4).
    seq:
      - id: len_label
        type: u1
        doc: Label length 0-63, or 0xC0 plus the pointer's high bits (RFC 1035 4.1.4).
      - id: pointer_low
        type: u1
        if: is_pointer
        doc: Low 8 bits of the pointer's offset from the start of the message (RFC 1035 4.1.4).
      - id: text
        size: len_label
        if: not is_pointer
        doc: The label's octets (RFC 1035 3.1).
    instances:
      is_pointer:
        value: len_label >= 0xC0
        doc: Whether this is a compression pointer (RFC 1035 4.1.4).
      pointer:
        value: ((len_label & 0x3F) << 8) | pointer_low
        if: is_pointer
        doc: Offset of the rest of the name in the message (RFC 1035 4.1.4).
  question_tail:
    doc: What follows a question's QNAME (RFC 1035 4.1.2).
    seq:
      - id: qtype
        type: u2
        doc: QTYPE (RFC 1035 4.1.2; 3.2.2).
      - id: qclass
        type: u2
        doc: QCLASS, 1 = IN (RFC 1035 4.1.2; 3.2.4); its top bit asks for a unicast reply in mDNS (RFC 6762 5.4).
  record_tail:
    doc: What follows a resource record's NAME (RFC 1035 4.1.3).
    seq:
      - id: rtype
        type: u2
        doc: TYPE (RFC 1035 4.1.3; 3.2.2).
      - id: rclass
        type: u2
        doc: CLASS (RFC 1035 4.1.3); its top bit is mDNS's cache-flush bit (RFC 6762 10.2).
      - id: ttl
        type: u4
        doc: TTL in seconds (RFC 1035 4.1.3; RFC 2181 8).
      - id: rdlength
        type: u2
        doc: RDLENGTH, octets of RDATA (RFC 1035 4.1.3).
      - id: rdata
        size: rdlength
        doc: RDATA, as TYPE says (RFC 1035 3.3, 3.4; RFC 3596 2.2 for AAAA).
