meta:
  id: ipv4
  title: Internet Protocol version 4 header with its options
  endian: be
doc: |
  The IPv4 header (RFC 791 section 3.1). The engine hands the payload on by `protocol`; fragments other than the
  first are not decoded further.
seq:
  - id: version
    type: b4
    doc: Version, 4 (RFC 791 3.1).
  - id: ihl
    type: b4
    doc: Internet Header Length in 32-bit words, at least 5 (RFC 791 3.1).
  - id: dscp
    type: b6
    doc: Differentiated Services Code Point (RFC 2474 section 3, replacing RFC 791's type of service).
  - id: ecn
    type: b2
    doc: Explicit Congestion Notification (RFC 3168 section 5).
  - id: total_length
    type: u2
    doc: Total Length of header and data in octets (RFC 791 3.1).
  - id: identification
    type: u2
    doc: Identification, to reassemble fragments (RFC 791 3.1; RFC 6864).
  - id: flag_reserved
    type: b1
    doc: Reserved flag bit, must be zero (RFC 791 3.1; the "evil bit" of RFC 3514).
  - id: flag_df
    type: b1
    doc: Don't Fragment (RFC 791 3.1).
  - id: flag_mf
    type: b1
    doc: More Fragments (RFC 791 3.1).
  - id: fragment_offset
    type: b13
    doc: Fragment Offset in units of 8 octets (RFC 791 3.1).
  - id: ttl
    type: u1
    doc: Time to Live (RFC 791 3.1).
  - id: protocol
    type: u1
    doc: Protocol of the payload, an IANA protocol number (RFC 791 3.1; RFC 790).
  - id: checksum
    type: u2
    doc: Header Checksum (RFC 791 3.1).
  - id: src
    type: u4
    doc: Source Address (RFC 791 3.1).
  - id: dst
    type: u4
    doc: Destination Address (RFC 791 3.1).
instances:
  header_length:
    value: ihl * 4
    doc: Header length in octets (RFC 791 3.1).
types:
  option:
    doc: One option; End of Option List and No Operation are a single octet (RFC 791 3.1, "Options").
    seq:
      - id: copied
        type: b1
        doc: Copied flag, whether the option is copied into every fragment (RFC 791 3.1).
      - id: option_class
        type: b2
        doc: Option class, 0 control, 2 debugging and measurement (RFC 791 3.1).
      - id: number
        type: b5
        doc: Option number (RFC 791 3.1; IANA "IP Option Numbers").
      - id: length
        type: u1
        if: not is_single_octet
        doc: Option-length, counting the type and length octets (RFC 791 3.1).
      - id: body
        size: length - 2
        if: not is_single_octet and length >= 2
        doc: Option-data (RFC 791 3.1).
    instances:
      type:
        value: '(copied ? 0x80 : 0) | (option_class << 5) | number'
        doc: The whole option-type octet (RFC 791 3.1).
      is_single_octet:
        value: copied == false and option_class == 0 and number <= 1
        doc: End of Option List (0) and No Operation (1) have no length octet (RFC 791 3.1).
