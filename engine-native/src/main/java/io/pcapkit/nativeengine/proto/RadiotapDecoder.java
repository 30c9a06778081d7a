package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * The radiotap header (LINKTYPE 127, radiotap.org) as Wireshark 4.0 shows it: version, pad, length, the chain of
 * present bitmaps (extended words, radiotap and vendor namespaces), then each present field at its natural
 * alignment, counted from the start of the header ({@link RadiotapFields}). The 802.11 frame follows the header;
 * the Flags field's "FCS at end" and "data pad" bits are handed to it through {@link DecodeContext#radioFlags}.
 *
 * <p>The walk follows the radiotap iterator Wireshark uses: a bit of the radiotap namespace whose size is unknown
 * ends the walk; a vendor namespace whose contents are unknown is skipped by its own length. Wireshark's derived
 * {@code wlan_radio} layer (PHY type, duration estimates) is not produced: it holds no bytes of the frame.
 */
public final class RadiotapDecoder implements LayerDecoder {
    public static final Protocol RADIOTAP = Protocols.define("Radiotap", "radiotap", Level.LINK);

    static final FieldDef VERSION = Fields.uint("radiotap.version", "Header revision", 8);
    static final FieldDef PAD = Fields.uint("radiotap.pad", "Header pad", 8);
    static final FieldDef LENGTH = Fields.uint("radiotap.length", "Header length", 16);
    static final FieldDef PRESENT = Fields.group("radiotap.present", "Present flags");
    static final FieldDef PRESENT_WORD = Fields.hex("radiotap.present.word", "Present flags word", 32);
    static final FieldDef VENDOR_OUI = Fields.uint("radiotap.vendor_oui", "Vendor OUI", 24);
    static final FieldDef VENDOR_SUBNS = Fields.uint("radiotap.vendor_subns", "Vendor sub namespace", 8);
    static final FieldDef VENDOR_DATA_LEN = Fields.uint("radiotap.vendor_data_len", "Vendor data length", 16);

    /** Bit names of a radiotap-namespace word, bits 0..31 (null: Wireshark shows no flag for that bit). */
    private static final String[] BIT_NAMES = {"tsft", "flags", "rate", "channel", "fhss", "dbm_antsignal",
            "dbm_antnoise", "lock_quality", "tx_attenuation", "db_tx_attenuation", "dbm_tx_power", "antenna",
            "db_antsignal", "db_antnoise", "rxflags", "txflags", null, "data_retries", "xchannel", "mcs", "ampdu",
            "vht", "timestamp", "he", "he_mu", null, "0_length.psdu", "l_sig", "tlv", "rtap_ns", "vendor_ns", "ext"};
    private static final FieldDef[] BITS = new FieldDef[32];

    static {
        for (int i = 0; i < 32; i++) {
            if (BIT_NAMES[i] != null) BITS[i] = Fields.flag("radiotap.present." + BIT_NAMES[i], BIT_NAMES[i], 32, 1L << i);
        }
    }

    /** 802.11 without a radio header: the radiotap payload is looked up as that link type. */
    static final int WLAN_LINKTYPE = 105;
    static final int BIT_RTAP_NS = 29, BIT_VENDOR_NS = 30, BIT_EXT = 31;
    /** More present words than this is not a header but damage (the bitmaps alone would fill 256 bytes). */
    static final int MAX_WORDS = 64;

    @Override public Protocol protocol() { return RADIOTAP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 8) return c.truncated(len, "radiotap header needs 8 bytes, has " + len);
        int version = c.u8(off);
        c.add(VERSION, version, off, 1);
        c.add(PAD, c.u8(off + 1), off + 1, 1);
        int hlen = c.u16le(off + 2);
        c.add(LENGTH, hlen, off + 2, 2);
        if (hlen < 8) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "radiotap length " + hlen + " is below 8");
            c.nextRaw(-1); // without a length nothing after the fixed part can be found
            return 8;
        }
        if (hlen > len) return c.truncated(len, "radiotap length " + hlen + " goes past the captured " + len);
        // the bitmaps: every word, up to the one without the Ext bit
        int words = 0;
        int at = off + 4;
        int group = c.out().beginGroup(PRESENT, at, 4);
        boolean radiotapNs = true;
        int nsIndex = 0;
        while (true) {
            if (at + 4 > off + hlen) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at, "present bitmaps run past the radiotap length " + hlen);
                c.nextRaw(-1);
                return hlen;
            }
            if (++words > MAX_WORDS) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + MAX_WORDS + " present words");
                c.nextRaw(-1);
                return hlen;
            }
            long w = c.u32le(at);
            c.add(PRESENT_WORD, w, at, 4);
            for (int b = radiotapNs && nsIndex == 0 ? 0 : BIT_RTAP_NS; b < 32; b++) {
                if (BITS[b] != null) c.add(BITS[b], (w >>> b) & 1, at, 4);
            }
            if ((w & (1L << BIT_RTAP_NS)) != 0) {
                radiotapNs = true;
                nsIndex = 0;
            } else if ((w & (1L << BIT_VENDOR_NS)) != 0) {
                radiotapNs = false;
                nsIndex = 0;
            } else {
                nsIndex++;
            }
            at += 4;
            if ((w & (1L << BIT_EXT)) == 0) break;
        }
        c.out().setLength(group, at - off - 4);
        c.out().endGroup();
        walkFields(c, off, hlen, words);
        // a 0-length-PSDU field says no frame was received: nothing follows the header
        if ((c.radioFlags & DecodeContext.RADIO_NO_PSDU) != 0) c.nextRaw(0);
        else c.next(Dispatch.LINK_TYPE, WLAN_LINKTYPE, -1);
        return hlen;
    }

    /** The radiotap iterator: each present bit's field at its alignment, in bitmap order. */
    private static void walkFields(DecodeContext c, int off, int hlen, int words) {
        int arg = 8 + 4 * (words - 1); // offset from the header start
        boolean radiotapNs = true, resetOnExt = false;
        int base = 0; // namespace index of the current word's bit 0
        for (int w = 0; w < words; w++) {
            long bits = c.u32le(off + 4 + 4 * w);
            for (int b = 0; b < BIT_EXT; b++) {
                if ((bits & (1L << b)) == 0) continue;
                if (b == BIT_RTAP_NS) {
                    radiotapNs = true;
                    resetOnExt = true;
                } else if (b == BIT_VENDOR_NS) {
                    arg = align(arg, 2);
                    if (arg + 6 > hlen) {
                        bad(c, off, arg, hlen);
                        return;
                    }
                    int at = off + arg;
                    c.add(VENDOR_OUI, c.u24(at), at, 3);
                    c.add(VENDOR_SUBNS, c.u8(at + 3), at + 3, 1);
                    int vlen = c.u16le(at + 4);
                    c.add(VENDOR_DATA_LEN, vlen, at + 4, 2);
                    // no vendor namespace is known here: its data is skipped whole, and its bits mean nothing
                    arg += 6 + vlen;
                    if (arg > hlen) {
                        bad(c, off, arg, hlen);
                        return;
                    }
                    radiotapNs = false;
                    resetOnExt = true;
                } else if (radiotapNs) {
                    int index = base + b;
                    int size = RadiotapFields.size(index);
                    if (size <= 0) return; // nobody knows this field's size: nothing after it can be found
                    arg = align(arg, RadiotapFields.align(index));
                    if (arg + size > hlen) {
                        bad(c, off, arg, hlen);
                        return;
                    }
                    RadiotapFields.decode(c, index, off + arg);
                    arg += size;
                }
            }
            base = resetOnExt ? 0 : base + 32;
            resetOnExt = false;
        }
    }

    private static int align(int at, int a) {
        int pad = at & (a - 1);
        return pad == 0 ? at : at + a - pad;
    }

    private static void bad(DecodeContext c, int off, int arg, int hlen) {
        c.anomaly(Anomaly.Kind.BAD_LENGTH, off + Math.min(arg, hlen),
                "present fields need more than the radiotap length " + hlen);
    }
}
