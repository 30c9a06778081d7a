package io.pcapkit.model;

/** How an integer field is displayed (Wireshark's BASE_*). */
public enum Base {
    NONE, DEC, HEX, OCT, DEC_HEX, HEX_DEC
}
