meta:
  id: ipv6
  title: Internet Protocol version 6 header and extension headers
  endian: be
doc: |
  The fixed 40-octet IPv6 header (RFC 8200 section 3). Extension headers follow, each naming the next; the engine
  walks them with the types below, one at a time.
seq:
  - id: version
    type: b4
    doc: Version, 6 (RFC 8200 3).
  - id: dscp
    type: b6
    doc: Traffic Class, DS field part (RFC 8200 7; RFC 2474 3).
  - id: ecn
    type: b2
    doc: Traffic Class, ECN part (RFC 8200 7; RFC 3168 5).
  - id: flow_label
    type: b20
    doc: Flow Label (RFC 8200 6; RFC 6437).
  - id: payload_length
    type: u2
    doc: Payload Length, octets after this header including extension headers (RFC 8200 3).
  - id: next_header
    type: u1
    doc: Next Header, an IANA protocol number (RFC 8200 3).
  - id: hop_limit
    type: u1
    doc: Hop Limit (RFC 8200 3).
  - id: src
    size: 16
    doc: Source Address (RFC 8200 3; RFC 4291).
  - id: dst
    size: 16
    doc: Destination Address (RFC 8200 3; RFC 4291).
instances:
  traffic_class:
    value: (dscp << 2) | ecn
    doc: The whole Traffic Class octet (RFC 8200 3).
types:
  options_header:
    doc: Hop-by-Hop Options (RFC 8200 4.3) or Destination Options (RFC 8200 4.6) header.
    seq:
      - id: next_header
        type: u1
        doc: Next Header (RFC 8200 4.3).
      - id: hdr_ext_len
        type: u1
        doc: Hdr Ext Len, in 8-octet units not counting the first 8 (RFC 8200 4.3).
      - id: options
        size: hdr_ext_len * 8 + 6
        type: options
        doc: Options, type-length-value encoded (RFC 8200 4.2).
    instances:
      length:
        value: hdr_ext_len * 8 + 8
        doc: Header length in octets (RFC 8200 4.3).
  options:
    seq:
      - id: option
        type: option
        repeat: eos
        doc: The options of one header (RFC 8200 4.2).
  option:
    doc: One TLV option; Pad1 (type 0) is a single octet (RFC 8200 4.2).
    seq:
      - id: type
        type: u1
        doc: Option Type; its two high bits say what to do when unknown, the third whether it may change (RFC 8200 4.2).
      - id: len_data
        type: u1
        if: type != 0
        doc: Opt Data Len in octets (RFC 8200 4.2).
      - id: data
        size: len_data
        if: type != 0
        doc: Option Data (RFC 8200 4.2).
  routing_header:
    doc: Routing header (RFC 8200 4.4).
    seq:
      - id: next_header
        type: u1
        doc: Next Header (RFC 8200 4.4).
      - id: hdr_ext_len
        type: u1
        doc: Hdr Ext Len, in 8-octet units not counting the first 8 (RFC 8200 4.4).
      - id: routing_type
        type: u1
        doc: Routing Type (RFC 8200 4.4; type 0 deprecated by RFC 5095, 4 is SRH of RFC 8754).
      - id: segments_left
        type: u1
        doc: Segments Left (RFC 8200 4.4).
      - id: data
        size: hdr_ext_len * 8 + 4
        doc: Type-specific data (RFC 8200 4.4).
    instances:
      length:
        value: hdr_ext_len * 8 + 8
        doc: Header length in octets (RFC 8200 4.4).
  fragment_header:
    doc: Fragment header (RFC 8200 4.5).
    seq:
      - id: next_header
        type: u1
        doc: Next Header (RFC 8200 4.5).
      - id: reserved
        type: u1
        doc: Reserved, zero (RFC 8200 4.5).
      - id: fragment_offset
        type: b13
        doc: Fragment Offset in 8-octet units (RFC 8200 4.5).
      - id: res
        type: b2
        doc: Res, zero (RFC 8200 4.5).
      - id: more_fragments
        type: b1
        doc: M flag, more fragments follow (RFC 8200 4.5).
      - id: identification
        type: u4
        doc: Identification (RFC 8200 4.5).
