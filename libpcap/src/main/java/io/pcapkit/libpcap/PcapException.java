package io.pcapkit.libpcap;

import java.io.IOException;

/**
 * A libpcap call failed, or libpcap cannot be loaded. The message carries libpcap's own text (from its error buffer
 * or {@code pcap_geterr}), prefixed with what was being done, e.g. {@code "filter 'tcp prot 80': syntax error"}.
 */
public class PcapException extends IOException {
    /** libpcap's status code (PCAP_ERROR_* / PCAP_WARNING_*), or 0 when the call gave none. */
    private final int status;

    public PcapException(String message) { this(message, 0); }

    public PcapException(String message, int status) {
        super(message);
        this.status = status;
    }

    public PcapException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() { return status; }

    /** True when libpcap said the caller lacks the right to capture (PCAP_ERROR_PERM_DENIED and friends). */
    public boolean permissionDenied() {
        return status == Libpcap.PCAP_ERROR_PERM_DENIED || status == Libpcap.PCAP_ERROR_PROMISC_PERM_DENIED;
    }
}
