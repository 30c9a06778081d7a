meta:
  id: ethernet
  title: Ethernet II / IEEE 802.3 MAC header and IEEE 802.1Q tags
  endian: be
doc: |
  The MAC header of an Ethernet frame (IEEE 802.3 clause 3.1.1). A type/length value of 1536 (0x0600) or more
  is an EtherType (Ethernet II, RFC 894); less is the length of an 802.3 frame. 802.1Q tags (EtherType 0x8100)
  are parsed separately with `vlan_tag` by the engine, one tag after another.
seq:
  - id: dst
    size: 6
    doc: Destination MAC address (IEEE 802.3 clause 3.2.3; RFC 894).
  - id: src
    size: 6
    doc: Source MAC address (IEEE 802.3 clause 3.2.4; RFC 894).
  - id: ether_type
    type: u2
    doc: EtherType of the payload (RFC 894), or an 802.3 length when below 1536 (IEEE 802.3 clause 3.2.6).
instances:
  is_length:
    value: ether_type < 1536
    doc: Whether `ether_type` is an IEEE 802.3 length rather than an EtherType (IEEE 802.3 clause 3.2.6).
types:
  vlan_tag:
    doc: The 4 bytes after TPID 0x8100 (IEEE 802.1Q clause 9.6; RFC 5517 background).
    seq:
      - id: priority
        type: b3
        doc: Priority Code Point, the 802.1p user priority (IEEE 802.1Q clause 9.6).
      - id: dei
        type: b1
        doc: Drop Eligible Indicator, formerly CFI (IEEE 802.1Q clause 9.6).
      - id: vid
        type: b12
        doc: VLAN Identifier (IEEE 802.1Q clause 9.6).
      - id: ether_type
        type: u2
        doc: EtherType (or 802.3 length) of what the tag carries (IEEE 802.1Q clause 9.5; RFC 894).
